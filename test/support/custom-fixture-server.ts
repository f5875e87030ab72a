/**
 * The custom-service fixture (test/fixtures/custom) over local HTTPS with the test certificate, for the
 * real-Electron suite: the app is launched with --ignore-certificate-errors and adds it as a custom service.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface CustomFixtureServer {
  origin: string;
  /** The user agents of every request, in order. */
  userAgents: string[];
  close(): Promise<void>;
}

export async function serveCustomFixture(root: string): Promise<CustomFixtureServer> {
  const fixtures = path.join(root, 'test/fixtures');
  const userAgents: string[] = [];
  const server: Server = createServer(
    { key: readFileSync(path.join(fixtures, 'tls/key.pem')), cert: readFileSync(path.join(fixtures, 'tls/cert.pem')) },
    (req, res) => {
      userAgents.push(req.headers['user-agent'] ?? '');
      const name = req.url?.startsWith('/page.js') === true ? 'page.js' : 'index.html';
      res.writeHead(200, { 'content-type': name.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8' });
      res.end(readFileSync(path.join(fixtures, 'custom', name)));
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    userAgents,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
