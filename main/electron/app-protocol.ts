/**
 * The shell is served from `app://wasl/…` out of the built renderer folder, with a strict Content Security
 * Policy on every response: only the app's own scripts and styles, no inline script, no eval, no plugins, no
 * framing, no form posts, no connections anywhere.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'wasl';
export const SHELL_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export const SHELL_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** The file an `app://` URL names inside `root`, or undefined for anything outside it or malformed. */
export function resolveAppPath(rawUrl: string, root: string): string | undefined {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return undefined;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  if (pathname.includes('\0')) return undefined;
  const base = path.resolve(root);
  const file = path.resolve(base, `.${pathname === '/' || pathname === '' ? '/index.html' : pathname}`);
  if (file !== base && !file.startsWith(base + path.sep)) return undefined;
  return file;
}

/** Answers one `app://` request: the file with its type and the CSP, or a plain 404. */
export async function serveApp(request: { url: string }, root: string): Promise<Response> {
  const file = resolveAppPath(request.url, root);
  const headers = { 'content-security-policy': SHELL_CSP, 'x-content-type-options': 'nosniff' };
  if (file === undefined) return new Response('Not found', { status: 404, headers });
  try {
    const body = await readFile(file);
    return new Response(body, { status: 200, headers: { ...headers, 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' } });
  } catch {
    return new Response('Not found', { status: 404, headers });
  }
}
