import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import tls from 'node:tls';
import type { IssuedCert } from './pki';
import { closeServer, listen, listenOnAddresses } from './listen';

/**
 * TLS servers on loopback addresses, well-behaved and misbehaving, for the TLS probe's tests.
 *
 * Every server binds the same port on each of its addresses (a load-balanced name), answers
 * a request after the handshake with a tiny HTTP 200, and tracks its sockets so `close()` ends
 * them all.
 */

/** What the lab servers answer after a handshake: enough for an HTTP client, and trivially short. */
const HELLO_RESPONSE = 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3\r\nConnection: close\r\n\r\nok\n';

/**
 * OpenSSL security level 0 on the lab's servers, so the weak variants (RSA 1024, SHA-1, TLS 1.0)
 * load at all: OpenSSL 3 refuses them at its default level 1.
 */
const LAB_SECURITY_LEVEL = '@SECLEVEL=0';

export interface LabServer {
  port: number;
  addresses: string[];
  /** Connections accepted so far (TCP), across all addresses. */
  readonly connections: number;
  close(): Promise<void>;
}

export interface TlsServerOptions {
  /** Loopback addresses (127.0.0.x, ::1), all on one port. */
  addresses: string[];
  /** Certificate (chain) and key presented by default. */
  cert: IssuedCert;
  /** Other certificates by SNI name (lower case), e.g. to stand in for a name-based virtual host. */
  sniCerts?: Record<string, IssuedCert>;
  /** `tls1.0-only`: a server that speaks TLS 1.0 and nothing newer. */
  protocol?: 'modern' | 'tls1.0-only';
  /** Bind this port instead of a free one (to join another lab server's port on other addresses). */
  port?: number;
}

/** A TLS server with the given certificate on the given addresses. */
export async function startTlsServer(options: TlsServerOptions): Promise<LabServer> {
  const versions: Pick<tls.TlsOptions, 'minVersion' | 'maxVersion' | 'ciphers'> =
    options.protocol === 'tls1.0-only'
      ? { minVersion: 'TLSv1', maxVersion: 'TLSv1', ciphers: `DEFAULT:${LAB_SECURITY_LEVEL}` }
      : { ciphers: `${tls.DEFAULT_CIPHERS}:${LAB_SECURITY_LEVEL}` };
  const contexts = new Map(
    Object.entries(options.sniCerts ?? {}).map(([name, cert]) => [name.toLowerCase(), tls.createSecureContext({ key: cert.keyPem, cert: cert.chainPem, ...versions })]),
  );
  const tracker = new SocketTracker();
  const servers = options.addresses.map((address) => {
    const server = tls.createServer(
      {
        key: options.cert.keyPem,
        cert: options.cert.chainPem,
        ...versions,
        ALPNProtocols: ['http/1.1'],
        ...(contexts.size > 0 ? { SNICallback: (name, done) => done(null, contexts.get(name.toLowerCase())) } : {}),
      },
      (socket) => socket.once('data', () => socket.end(HELLO_RESPONSE)),
    );
    // Probes hang up right after the handshake; that is no error for the lab.
    server.on('tlsClientError', () => undefined);
    server.on('connection', (socket: Socket) => tracker.add(socket));
    server.on('secureConnection', (socket) => socket.on('error', () => undefined));
    return { address, server };
  });
  return bind(servers, options.port, tracker);
}

/**
 * How a broken server treats a ClientHello.
 *
 * `stall`: accepts TCP and never answers (a dead TLS terminator, a stuck inspection proxy);
 * `reset`: answers with a TCP reset (a middlebox blocking the SNI); `close`: closes cleanly
 * without a word; `garbage`: answers with plain HTTP (an HTTP server on the TLS port).
 */
export type BrokenTlsBehaviour = 'stall' | 'reset' | 'close' | 'garbage';

/** A TCP server on the given addresses that fails the TLS handshake in the given way. */
export async function startBrokenTlsServer(options: { addresses: string[]; behaviour: BrokenTlsBehaviour; port?: number }): Promise<LabServer> {
  const tracker = new SocketTracker();
  const servers = options.addresses.map((address) => {
    const server = createTcpServer((socket) => {
      tracker.add(socket);
      socket.on('error', () => undefined);
      socket.once('data', () => {
        switch (options.behaviour) {
          case 'stall':
            break; // Keeps the connection open and silent until close().
          case 'reset':
            socket.resetAndDestroy();
            break;
          case 'close':
            socket.end();
            break;
          case 'garbage':
            socket.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
            break;
        }
      });
    });
    return { address, server };
  });
  return bind(servers, options.port, tracker);
}

class SocketTracker {
  readonly sockets = new Set<Socket>();
  count = 0;
  add(socket: Socket) {
    this.count += 1;
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  }
  destroyAll() {
    for (const socket of this.sockets) socket.destroy();
  }
}

async function bind(servers: { address: string; server: Server }[], fixedPort: number | undefined, tracker: SocketTracker): Promise<LabServer> {
  let port: number;
  if (fixedPort === undefined) {
    port = await listenOnAddresses(servers);
  } else {
    for (const { server, address } of servers) await listen(server, address, fixedPort);
    port = fixedPort;
  }
  return {
    port,
    addresses: servers.map((s) => s.address),
    get connections() {
      return tracker.count;
    },
    async close() {
      tracker.destroyAll();
      await Promise.all(servers.map(({ server }) => closeServer(server)));
    },
  };
}
