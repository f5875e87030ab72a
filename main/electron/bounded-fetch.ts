/**
 * Downloads for what Wasl fetches by itself (the connector pack feed and packs, the signatures of Linux updates):
 * through Electron's `net.fetch` (the system's proxy settings), https only, no more than a given number of bytes
 * (the body is read as it streams and dropped once over), and never longer than a timeout, since the next check
 * waits for this one.
 */
import type { FetchPort } from '../core/packs/updates';

/** The part of `net.fetch` (or the WHATWG fetch) used here. */
export type FetchLike = (url: string, init: { signal: AbortSignal; redirect: 'follow' }) => Promise<Response>;

export const FETCH_TIMEOUT_MS = 60_000;

export function boundedFetch(fetchImpl: FetchLike, timeoutMs = FETCH_TIMEOUT_MS): FetchPort {
  return async (url, maxBytes) => {
    if (new URL(url).protocol !== 'https:') throw new Error(`refused to fetch ${url}: https only`);
    const response = await fetchImpl(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (declared > maxBytes) throw new Error(`${url} is larger than ${maxBytes} bytes`);
    const reader: ReadableStreamDefaultReader<Uint8Array> | undefined = response.body?.getReader();
    if (!reader) return new Uint8Array();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      const value = chunk.value;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw new Error(`${url} is larger than ${maxBytes} bytes`);
      }
      chunks.push(value);
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.byteLength;
    }
    return bytes;
  };
}
