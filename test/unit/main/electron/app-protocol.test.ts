import { mkdtempSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAppPath, serveApp, SHELL_CSP, SHELL_URL } from '../../../../main/electron/app-protocol';

// Created when the file loads: the test tables below name paths inside it.
const base = mkdtempSync(path.join(tmpdir(), 'wasl-app-protocol-'));
const root = path.join(base, 'renderer');

const SECRET = 'TOP-SECRET-CONTENT';

beforeAll(async () => {
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Wasl</title>');
  await writeFile(path.join(root, 'assets', 'index-abc.js'), 'console.log(1);');
  await writeFile(path.join(root, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(path.join(root, 'assets', 'logo.svg'), '<svg/>');
  await writeFile(path.join(root, 'assets', 'icon.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  await writeFile(path.join(root, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  await writeFile(path.join(root, 'assets', 'data.json'), '{"a":1}');
  await writeFile(path.join(root, 'assets', 'blob.bin'), Buffer.from([1, 2, 3]));
  await writeFile(path.join(root, 'assets', 'مرحبا.svg'), '<svg id="ar"/>');
  // Outside the root, next to it: what a traversal would try to read.
  await writeFile(path.join(base, 'secret'), SECRET);
  await mkdir(path.join(base, 'renderer-evil'), { recursive: true });
  await writeFile(path.join(base, 'renderer-evil', 'index.html'), SECRET);
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

async function fetchApp(url: string): Promise<{ status: number; type: string | null; csp: string | null; nosniff: string | null; body: string }> {
  const response = await serveApp({ url }, root);
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    csp: response.headers.get('content-security-policy'),
    nosniff: response.headers.get('x-content-type-options'),
    body: await response.text(),
  };
}

/** The CSP as a map of directive → sources. */
function directives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), sources);
  }
  return map;
}

describe('app:// serving', () => {
  it('serves the index for / and for the shell URL', async () => {
    for (const url of ['app://wasl/', 'app://wasl', SHELL_URL, 'app://wasl/index.html?lang=ar#top']) {
      const r = await fetchApp(url);
      expect(r.status, url).toBe(200);
      expect(r.type, url).toBe('text/html; charset=utf-8');
      expect(r.body, url).toBe('<!doctype html><title>Wasl</title>');
    }
  });

  it.each([
    ['assets/index-abc.js', 'text/javascript; charset=utf-8', 'console.log(1);'],
    ['assets/index-abc.css', 'text/css; charset=utf-8', 'body{}'],
    ['assets/logo.svg', 'image/svg+xml', '<svg/>'],
    ['assets/data.json', 'application/json; charset=utf-8', '{"a":1}'],
  ])('serves %s with its content type', async (file, type, body) => {
    const r = await fetchApp(`app://wasl/${file}`);
    expect(r.status).toBe(200);
    expect(r.type).toBe(type);
    expect(r.body).toBe(body);
  });

  it.each([
    ['assets/icon.png', 'image/png'],
    ['assets/font.woff2', 'font/woff2'],
    ['assets/blob.bin', 'application/octet-stream'],
  ])('serves binary %s as %s', async (file, type) => {
    const response = await serveApp({ url: `app://wasl/${file}` }, root);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });

  it('serves a percent-encoded file name inside the root', async () => {
    const r = await fetchApp(`app://wasl/assets/${encodeURIComponent('مرحبا.svg')}`);
    expect(r.status).toBe(200);
    expect(r.body).toBe('<svg id="ar"/>');
  });

  it('sends the CSP and nosniff on every response, found or not', async () => {
    for (const url of ['app://wasl/', 'app://wasl/assets/index-abc.js', 'app://wasl/missing.js', 'app://evil/']) {
      const r = await fetchApp(url);
      expect(r.csp, url).toBe(SHELL_CSP);
      expect(r.nosniff, url).toBe('nosniff');
    }
  });

  it('has a CSP that forbids inline script, eval, plugins and framing', () => {
    const csp = directives(SHELL_CSP);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    const script = csp.get('script-src') ?? csp.get('default-src') ?? [];
    expect(script).toEqual(["'self'"]);
    for (const loose of ["'unsafe-inline'", "'unsafe-eval'", "'wasm-unsafe-eval'", "'unsafe-hashes'", '*', 'data:', 'blob:', 'https:', 'http:']) {
      expect(script, loose).not.toContain(loose);
    }
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(SHELL_CSP).not.toMatch(/unsafe-inline|unsafe-eval/);
  });
});

describe('app:// refusals', () => {
  it.each([
    'app://wasl/../secret',
    'app://wasl/%2e%2e/secret',
    'app://wasl/%2e%2e%2fsecret',
    'app://wasl/%2E%2E%2Fsecret',
    'app://wasl/assets/%2e%2e%2f%2e%2e%2fsecret',
    'app://wasl/..%2f..%2fsecret',
    'app://wasl/..%5c..%5csecret',
    'app://wasl/%5c..%5csecret',
    'app://wasl/..%2frenderer-evil/index.html',
    'app://wasl/%2e%2e%2frenderer-evil%2findex.html',
    `app://wasl/${encodeURIComponent(path.join(base, 'secret'))}`,
    'app://wasl/index.html%00.png',
    'app://wasl/%00',
    'app://wasl/%E0%A4%A',
    'app://evil/index.html',
    'app://evil/',
    'app://wasl.evil/index.html',
    'app://wasl:8080/index.html',
    'https://wasl/index.html',
    'file:///etc/passwd',
    `file://${path.join(root, 'index.html')}`,
    'wasl/index.html',
    '',
  ])('%j → 404, never anything outside the root', async (url) => {
    const r = await fetchApp(url);
    expect(r.status).toBe(404);
    expect(r.body).not.toContain(SECRET);
    expect(r.body).not.toContain('<title>Wasl</title>');
  });

  it.each(['app://wasl/missing.html', 'app://wasl/assets/nope.js', 'app://wasl/assets', 'app://wasl/assets/'])('%j (missing or a folder) → 404', async (url) => {
    expect((await fetchApp(url)).status).toBe(404);
  });
});

describe('resolveAppPath', () => {
  it('names files inside the root', () => {
    expect(resolveAppPath('app://wasl/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath('app://wasl/assets/index-abc.js', root)).toBe(path.join(root, 'assets', 'index-abc.js'));
  });

  it('never names anything outside the root', () => {
    const outside = ['app://wasl/%2e%2e%2fsecret', 'app://wasl/a/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd', 'app://wasl/..%2frenderer-evil%2findex.html'];
    for (const url of outside) expect(resolveAppPath(url, root), url).toBeUndefined();
    // The URL parser folds a literal ../ away before the adapter sees it: what remains stays inside the root.
    const folded = resolveAppPath('app://wasl/../secret', root);
    expect(folded).toBe(path.join(root, 'secret'));
  });

  it('refuses other hosts and schemes, null bytes and malformed escapes', () => {
    for (const url of ['app://evil/index.html', 'https://wasl/index.html', 'app://wasl/a%00b', 'app://wasl/%ZZ', 'not a url']) {
      expect(resolveAppPath(url, root), url).toBeUndefined();
    }
  });
});
