/**
 * Small proxies on 127.0.0.1 for the proxy tests in real Chromium (Node's net and http only): an HTTP proxy that
 * forwards plain requests and opens CONNECT tunnels, optionally demanding Basic credentials (407 otherwise), and a
 * SOCKS5 proxy without authentication (or one that demands it, which Chromium cannot give). Each records what it
 * carried. Host names ending in `.test` lead to 127.0.0.1, so a page at `http://<name>.test:<port>/` is one
 * Chromium cannot reach but through the proxy.
 */
import { createServer as createHttpServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { connect, createServer as createNetServer, type Socket } from 'node:net';

/** What a proxy carried: a plain request (`GET http://…`), a tunnel (`CONNECT host:port`) or a SOCKS5 connection. */
export interface ProxyRecord {
  kind: 'http' | 'connect' | 'socks5';
  target: string;
  /** The Proxy-Authorization it came with, decoded (`user:password`), when it came with one. */
  credentials?: string;
}

export interface TestProxy {
  port: number;
  records: ProxyRecord[];
  /** How many times it answered 407 (asked for credentials). */
  challenges: number;
  close(): Promise<void>;
}

const hostOf = (host: string): string => (host.endsWith('.test') ? '127.0.0.1' : host);

function splitTarget(target: string): { host: string; port: number } {
  const at = target.lastIndexOf(':');
  return { host: target.slice(0, at).replace(/^\[|\]$/gu, ''), port: Number(target.slice(at + 1)) };
}

function decodeBasic(header: string | undefined): string | undefined {
  const match = /^Basic\s+(.+)$/iu.exec(header ?? '');
  return match?.[1] === undefined ? undefined : Buffer.from(match[1], 'base64').toString('utf8');
}

function listen(server: Server | ReturnType<typeof createNetServer>, sockets: Set<Socket>): Promise<number> {
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : 0);
    });
  });
}

function closer(server: Server | ReturnType<typeof createNetServer>, sockets: Set<Socket>): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
}

/** An HTTP proxy; with `credentials` (`user:password`), anything else gets 407. */
export async function startHttpProxy(credentials?: string): Promise<TestProxy> {
  const sockets = new Set<Socket>();
  const proxy: TestProxy = { port: 0, records: [], challenges: 0, close: () => Promise.resolve() };
  const authorized = (req: IncomingMessage): { ok: boolean; given?: string } => {
    const given = decodeBasic(req.headers['proxy-authorization']);
    return { ok: credentials === undefined || given === credentials, ...(given === undefined ? {} : { given }) };
  };
  const server = createHttpServer((req, res) => {
    const auth = authorized(req);
    const url = new URL(req.url ?? '/');
    proxy.records.push({ kind: 'http', target: `${req.method ?? 'GET'} ${url.href}`, ...(auth.given === undefined ? {} : { credentials: auth.given }) });
    if (!auth.ok) {
      proxy.challenges += 1;
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="wasl-test"', 'content-type': 'text/plain' }).end('proxy credentials needed');
      return;
    }
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    delete headers['proxy-connection'];
    const upstream = httpRequest({ host: hostOf(url.hostname), port: url.port === '' ? 80 : Number(url.port), method: req.method, path: `${url.pathname}${url.search}`, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const auth = authorized(req);
    const target = req.url ?? '';
    proxy.records.push({ kind: 'connect', target, ...(auth.given === undefined ? {} : { credentials: auth.given }) });
    if (!auth.ok) {
      proxy.challenges += 1;
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="wasl-test"\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const { host, port } = splitTarget(target);
    const upstream = connect(port, hostOf(host), () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  proxy.port = await listen(server, sockets);
  proxy.close = closer(server, sockets);
  return proxy;
}

/**
 * A SOCKS5 proxy (RFC 1928), CONNECT only. `requireAuth`: it accepts only the username/password method, which
 * Chromium never offers, so it answers "no acceptable method" (0xFF).
 */
export async function startSocks5Proxy(requireAuth = false): Promise<TestProxy> {
  const sockets = new Set<Socket>();
  const proxy: TestProxy = { port: 0, records: [], challenges: 0, close: () => Promise.resolve() };
  const server = createNetServer((client) => {
    let buffered = Buffer.alloc(0);
    let stage: 'greeting' | 'request' | 'open' = 'greeting';
    client.on('error', () => client.destroy());
    client.on('data', (chunk: Buffer) => {
      if (stage === 'open') return;
      buffered = Buffer.concat([buffered, chunk]);
      if (stage === 'greeting') {
        if (buffered.length < 2 || buffered.length < 2 + (buffered[1] ?? 0)) return;
        const methods = [...buffered.subarray(2, 2 + (buffered[1] ?? 0))];
        buffered = buffered.subarray(2 + (buffered[1] ?? 0));
        const wanted = requireAuth ? 0x02 : 0x00;
        if (!methods.includes(wanted)) {
          proxy.challenges += 1;
          client.end(Buffer.from([0x05, 0xff]));
          return;
        }
        client.write(Buffer.from([0x05, wanted]));
        stage = 'request';
      }
      // Past the greeting: the connection request.
      if (buffered.length < 5) return;
      const type = buffered[3];
      const hostLength = type === 0x01 ? 4 : type === 0x04 ? 16 : 1 + (buffered[4] ?? 0);
      if (buffered.length < 4 + hostLength + 2) return;
      const host =
        type === 0x01
          ? [...buffered.subarray(4, 8)].join('.')
          : type === 0x03
            ? buffered.subarray(5, 5 + (buffered[4] ?? 0)).toString('latin1')
            : buffered.subarray(4, 20).toString('hex');
      const port = buffered.readUInt16BE(4 + hostLength);
      const rest = buffered.subarray(4 + hostLength + 2);
      stage = 'open';
      proxy.records.push({ kind: 'socks5', target: `${host}:${String(port)}` });
      const upstream = connect(port, hostOf(host), () => {
        client.write(Buffer.from([0x05, 0x00, 0x00, 0x01, 127, 0, 0, 1, 0, 0]));
        upstream.write(rest);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.end(Buffer.from([0x05, 0x05, 0x00, 0x01, 0, 0, 0, 0, 0, 0])));
    });
  });
  proxy.port = await listen(server, sockets);
  proxy.close = closer(server, sockets);
  return proxy;
}

/** A port nothing listens on (bound, then closed): a proxy that refuses. */
export async function closedPort(): Promise<number> {
  const server = createNetServer();
  const port = await listen(server, new Set());
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
