import net, { type Socket } from 'node:net';
import tls from 'node:tls';
import { closeServer, listen } from './listen';
import { createCa, issueCert, type IssuedCert, type TestCa } from './pki';

/**
 * A small HTTP proxy of the lab for what a real proxy on loopback will not do on demand: ask for
 * a sign-in (407), refuse CONNECT, stay silent, answer garbage, or inspect TLS with its own CA.
 *
 * `intercept` behaves like a TLS-inspecting proxy: it answers CONNECT with 200, terminates TLS
 * with a certificate for the requested name issued by its own CA, and forwards the decrypted
 * bytes over a new TLS connection to the real server (`upstream`). With `impersonate` its CA
 * carries the real CA's name with another key.
 */
export type TestProxyMode =
  /** 407 with Negotiate, NTLM and Basic challenges (separate lines) and a chunked page. */
  | 'auth'
  /** `refuseStatus` (default 403) with a block page. */
  | 'refuse'
  /** Reads CONNECT and never answers. */
  | 'silent'
  /** Answers with bytes that are not HTTP. */
  | 'garbage'
  /** TLS inspection with the proxy's own CA. */
  | 'intercept'
  /** A plain tunnel (no inspection). */
  | 'tunnel';

export interface TestProxyOptions {
  mode: TestProxyMode;
  /** Where CONNECT targets really are: host name → address (the port is the CONNECT port). */
  upstream?: Record<string, string>;
  refuseStatus?: 403 | 405 | 502 | 504;
  /** Name of the inspection CA (its issuer name shows in the certificates it makes). */
  caName?: string;
  /**
   * With `intercept`: the inspection CA copies this CA's name (and `caName` is ignored), with a
   * key of its own. The certificates it makes read exactly like the real server's issuer; only
   * the issuing key tells them apart.
   */
  impersonate?: TestCa;
  address?: string;
  /** Clients speak TLS to the proxy itself (an `https://` proxy), with a certificate from the proxy's CA. */
  secure?: boolean;
}

export interface TestProxyRequest {
  target: string;
  headers: [string, string][];
}

export interface TestProxy {
  address: string;
  port: number;
  url: string;
  /** The inspection CA (used in mode `intercept`). */
  ca: TestCa;
  requests: TestProxyRequest[];
  setMode(mode: TestProxyMode): void;
  close(): Promise<void>;
}

const BLOCK_PAGE = '<html><head><title>Access Denied</title></head><body><h1>Access Denied</h1><p>Policy: CONNECT to this destination is not allowed.</p></body></html>';
const AUTH_PAGE = '<html><head><title>407 Proxy Authentication Required</title></head><body>Please sign in to the proxy.</body></html>';
/** Largest CONNECT request head read; anything longer is not a client we serve. */
const MAX_HEAD_BYTES = 16 * 1024;

export async function startTestProxy(options: TestProxyOptions): Promise<TestProxy> {
  const address = options.address ?? '127.0.0.1';
  let mode = options.mode;
  const requests: TestProxyRequest[] = [];
  const sockets = new Set<Socket>();
  const ca = await createCa(options.impersonate?.name ?? options.caName ?? 'Contoso Inspection CA');
  const certs = new Map<string, Promise<IssuedCert>>();
  const certFor = (host: string) => {
    let cert = certs.get(host);
    if (!cert) certs.set(host, (cert = issueCert(ca, { names: [host] })));
    return cert;
  };

  const serverCert = options.secure ? await issueCert(ca, { names: [address] }) : undefined;
  const onConnection = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let buffer = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) {
        if (buffer.length > MAX_HEAD_BYTES) socket.destroy();
        return;
      }
      socket.off('data', onData);
      const [requestLine = '', ...headerLines] = buffer.subarray(0, end).toString('latin1').split('\r\n');
      const rest = buffer.subarray(end + 4);
      const target = requestLine.split(' ')[1] ?? '';
      const headers = headerLines.map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()] as [string, string]);
      requests.push({ target, headers });
      void handle(socket, target, rest);
    };
    socket.on('data', onData);
  };
  const server = serverCert ? tls.createServer({ key: serverCert.keyPem, cert: serverCert.chainPem }, onConnection) : net.createServer(onConnection);
  if (serverCert) server.on('tlsClientError', () => undefined);

  async function handle(socket: Socket, target: string, rest: Buffer): Promise<void> {
    const portAt = target.lastIndexOf(':');
    const host = target.slice(0, portAt).replace(/^\[|\]$/g, '');
    const port = Number(target.slice(portAt + 1));
    switch (mode) {
      case 'silent':
        return;
      case 'garbage':
        socket.end('SSH-2.0-OpenSSH_9.2\r\nProtocol mismatch.\r\n');
        return;
      case 'auth': {
        const chunk = `${AUTH_PAGE.length.toString(16)}\r\n${AUTH_PAGE}\r\n0\r\n\r\n`;
        socket.write(
          'HTTP/1.1 407 Proxy Authentication Required\r\n' +
            'Proxy-Authenticate: Negotiate\r\n' +
            'Proxy-Authenticate: NTLM\r\n' +
            'Proxy-Authenticate: Basic realm="Contoso Proxy"\r\n' +
            'Server: ContosoGate/2.1\r\nVia: 1.1 gate01\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nProxy-Connection: close\r\n\r\n' +
            chunk,
        );
        socket.end();
        return;
      }
      case 'refuse': {
        const status = options.refuseStatus ?? 403;
        const text = status === 403 ? 'Forbidden' : status === 405 ? 'Method Not Allowed' : status === 502 ? 'Bad Gateway' : 'Gateway Timeout';
        socket.end(`HTTP/1.1 ${status} ${text}\r\nServer: ContosoGate/2.1\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(BLOCK_PAGE)}\r\nConnection: close\r\n\r\n${BLOCK_PAGE}`);
        return;
      }
      case 'tunnel':
      case 'intercept': {
        const upstreamAddress = options.upstream?.[host.toLowerCase()];
        if (!upstreamAddress || !Number.isInteger(port)) {
          socket.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
          return;
        }
        if (mode === 'tunnel') {
          const upstream = net.connect({ host: upstreamAddress, port }, () => {
            socket.write('HTTP/1.1 200 Connection established\r\n\r\n');
            if (rest.length) upstream.write(rest);
            socket.pipe(upstream).pipe(socket);
          });
          upstream.on('error', () => socket.destroy());
          socket.on('close', () => upstream.destroy());
          return;
        }
        const cert = await certFor(host);
        socket.write('HTTP/1.1 200 Connection established\r\n\r\n');
        const inner = new tls.TLSSocket(socket, { isServer: true, key: cert.keyPem, cert: cert.chainPem, ALPNProtocols: ['http/1.1'] });
        inner.on('error', () => socket.destroy());
        inner.once('secure', () => {
          const upstream = tls.connect({ host: upstreamAddress, port, servername: host, rejectUnauthorized: false, ALPNProtocols: ['http/1.1'] });
          upstream.on('error', () => inner.destroy());
          inner.on('close', () => upstream.destroy());
          upstream.once('secureConnect', () => inner.pipe(upstream).pipe(inner));
        });
        return;
      }
    }
  }

  const port = await listen(server, address, 0);
  return {
    address,
    port,
    url: `${serverCert ? 'https' : 'http'}://${address}:${port}`,
    ca,
    requests,
    setMode(next) {
      mode = next;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await closeServer(server);
    },
  };
}
