import { describe, expect, it } from 'vitest';
import { boundedFetch, type FetchLike } from '../../../../main/electron/bounded-fetch';

/** A fetch answering every URL with `body` (streamed in 1 KiB chunks), status and headers as given. */
function answering(body: Uint8Array, init: { status?: number; length?: boolean } = {}): { fetch: FetchLike; urls: string[]; cancelled: () => boolean } {
  const urls: string[] = [];
  let cancelled = false;
  const fetch: FetchLike = (url) => {
    urls.push(url);
    let at = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (at >= body.length) controller.close();
        else {
          controller.enqueue(body.slice(at, at + 1024));
          at += 1024;
        }
      },
      cancel() {
        cancelled = true;
      },
    });
    const headers = init.length === true ? { 'content-length': String(body.length) } : undefined;
    return Promise.resolve(new Response(stream, { status: init.status ?? 200, headers }));
  };
  return { fetch, urls, cancelled: () => cancelled };
}

const bytes = (n: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => i % 251);

describe('boundedFetch', () => {
  it('returns the whole body, byte for byte', async () => {
    const body = bytes(5000);
    await expect(boundedFetch(answering(body).fetch)('https://example.com/pack.json', 5000)).resolves.toEqual(body);
  });

  it('stops reading a body that streams past the limit, and rejects', async () => {
    const server = answering(bytes(10_000));
    await expect(boundedFetch(server.fetch)('https://example.com/pack.json', 4096)).rejects.toThrow(/larger than 4096/u);
    expect(server.cancelled()).toBe(true);
  });

  it('rejects a declared length over the limit before reading', async () => {
    const server = answering(bytes(10_000), { length: true });
    await expect(boundedFetch(server.fetch)('https://example.com/pack.json', 100)).rejects.toThrow(/larger than 100/u);
  });

  it('rejects an answer that is not ok', async () => {
    await expect(boundedFetch(answering(bytes(10), { status: 404 }).fetch)('https://example.com/x', 100)).rejects.toThrow(/404/u);
  });

  it('refuses anything but https without asking the network', async () => {
    const server = answering(bytes(10));
    await expect(boundedFetch(server.fetch)('http://example.com/x', 100)).rejects.toThrow(/https only/u);
    expect(server.urls).toEqual([]);
  });

  it('gives up after the timeout', async () => {
    const hang: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => {
        init.signal.addEventListener('abort', () => reject(init.signal.reason as Error));
      });
    await expect(boundedFetch(hang, 20)('https://example.com/x', 100)).rejects.toThrow();
  });
});
