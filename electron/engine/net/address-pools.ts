import net, { type Socket } from 'node:net';
import tls from 'node:tls';
import { Client, Pool, errors, type Dispatcher, type buildConnector } from 'undici';
import type { RunServices } from '../run-services';

/**
 * HTTP connection pools that connect to a chosen address.
 *
 * One pool per (scheme, host, address, port): requests carry the host name in Host and SNI but
 * go to the address given, so every address behind a load-balanced name is asked on its own.
 * Pools live as long as the run and are destroyed when its services close. The connector times
 * TCP connect and the TLS handshake of each connection it opens.
 */

/**
 * TCP connect plus TLS handshake of one new connection. The TCP probe has already reached the
 * address, so a healthy handshake takes milliseconds; 5 s covers a slow TLS-inspecting device.
 */
export const CONNECT_TIMEOUT_MS = 5_000;

/**
 * Connections per address at once. Outlook's first requests to a server are a handful; six is
 * what browsers open per host, so a server or middlebox sees nothing unusual.
 */
export const MAX_CONNECTIONS_PER_ADDRESS = 6;

/**
 * Response header bytes accepted. Exchange answers an anonymous request with a few KB of
 * headers; a Negotiate answer with a large Kerberos token can exceed Node's 16 KB default, so
 * allow 64 KB. Beyond that the answer is broken (recorded as `too-large`).
 */
export const MAX_RESPONSE_HEADER_BYTES = 64 * 1024;

export interface AddressTarget {
  protocol: 'http:' | 'https:';
  /** Host name for Host and SNI (an IP literal gets no SNI). */
  host: string;
  /** IPv4 or IPv6 address to connect to. */
  address: string;
  port: number;
}

/** One connection the connector opened, with what it cost. */
export interface TimedConnection {
  socket: Socket;
  connectMs: number;
  tlsMs?: number;
  alpn?: string | false | null;
  /** The certificate check's verdict (chain and host name), which does not stop the connection. */
  trust?: { trusted: boolean; error?: string };
  /** Requests started on this connection so far. */
  requests: number;
  /** Set while a request waits for its status line; gets the HTTP version from it. */
  awaitingStatusLine?: (version: string) => void;
  sniffing?: boolean;
}

/** The connection a pool client currently holds (an undici Client has one socket at a time). */
export interface ClientConnectionState {
  current?: TimedConnection;
}

/** The dispatch options a request was sent with → the state of the client that took it. */
const clientOfRequest = new WeakMap<object, ClientConnectionState>();

/** The connection a request is being sent on, known once undici starts writing it. */
export function connectionOfRequest(dispatchOptions: object): TimedConnection | undefined {
  return clientOfRequest.get(dispatchOptions)?.current;
}

/**
 * An undici Client that remembers which dispatch options it took.
 *
 * The pool hands each request to one of its clients; the client's connector knows the socket
 * and its timing, so the request's handler can tell whether it opened the connection.
 */
class TimedClient extends Client {
  // A TypeScript-private field, not `#state`: the Electron security scanner's parser cannot read
  // ES2022 private fields, and a main-process bundle it cannot read hides its most important checks.
  private readonly connectionState: ClientConnectionState;

  constructor(origin: URL, options: Client.Options, state: ClientConnectionState) {
    super(origin, options);
    this.connectionState = state;
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    clientOfRequest.set(options, this.connectionState);
    return super.dispatch(options, handler);
  }
}

/**
 * Opens TCP to the target's address (and TLS with the host as SNI), timed, with a deadline.
 *
 * `secureContext` carries the run's trust anchors; it is built once per run because parsing
 * some 150 root certificates costs about 20 ms of CPU per connection.
 */
export function timedConnector(
  target: AddressTarget,
  secureContext: () => tls.SecureContext,
  state: ClientConnectionState,
  inflight: Set<(error: Error) => void>,
): buildConnector.connector {
  return (_options, callback) => {
    const started = performance.now();
    let done = false;
    let tlsSocket: tls.TLSSocket | undefined;
    const socket = net.connect({ host: target.address, port: target.port, noDelay: true });
    const fail = (error: Error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      inflight.delete(fail);
      tlsSocket?.destroy();
      socket.destroy();
      callback(error, null);
    };
    // The run may end while a handshake hangs: closing the run fails it at once.
    inflight.add(fail);
    const succeed = (ready: Socket, connectMs: number, tlsMs?: number) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      inflight.delete(fail);
      const connection: TimedConnection = { socket: ready, connectMs, requests: 0 };
      if (tlsMs !== undefined) {
        const secure = ready as tls.TLSSocket;
        connection.tlsMs = tlsMs;
        connection.alpn = secure.alpnProtocol;
        // Node gives the reason as a code string (typed as Error).
        const reason = secure.authorizationError as unknown;
        const error = typeof reason === 'string' ? reason : reason instanceof Error ? reason.message : 'unknown';
        connection.trust = secure.authorized ? { trusted: true } : { trusted: false, error };
      }
      state.current = connection;
      callback(null, ready);
    };
    const timer = setTimeout(() => fail(new errors.ConnectTimeoutError(`connect to ${target.address}:${target.port} not done within ${CONNECT_TIMEOUT_MS} ms`)), CONNECT_TIMEOUT_MS);
    // Kept after success as well: an error between our callback and undici's own listeners must not go unhandled.
    socket.on('error', fail);
    socket.once('connect', () => {
      const connectMs = performance.now() - started;
      if (target.protocol === 'http:') {
        succeed(socket, connectMs);
        return;
      }
      const tlsStarted = performance.now();
      tlsSocket = tls.connect({
        socket,
        ...(net.isIP(target.host) ? {} : { servername: target.host }),
        // The TLS probe judges the certificate; here we want the HTTP answer whatever the chain.
        rejectUnauthorized: false,
        secureContext: secureContext(),
        // Outlook speaks HTTP/1.1 to Exchange (IIS refuses NTLM/Negotiate over HTTP/2).
        ALPNProtocols: ['http/1.1'],
      });
      tlsSocket.on('error', fail);
      tlsSocket.once('secureConnect', () => succeed(tlsSocket!, connectMs, performance.now() - tlsStarted));
    });
  };
}

interface RunPools {
  pools: Map<string, Pool>;
  secureContext?: tls.SecureContext;
  /** Connects under way, to fail when the run closes (a pool's destroy does not reach them). */
  inflight: Set<(error: Error) => void>;
  /** Dedicated clients not yet closed by their users. */
  dedicated: Set<() => Promise<void>>;
}

const registries = new WeakMap<RunServices, RunPools>();

/**
 * The run's TLS context for HTTPS connections: its trust anchors, parsed once per run.
 *
 * Made on first use; `warmUpTls` calls it early so the parsing does not delay the first
 * handshake.
 */
export function httpsContext(services: RunServices): tls.SecureContext {
  const run = registryOf(services);
  run.secureContext ??= tls.createSecureContext({ ca: [...services.trustedCa] });
  return run.secureContext;
}

/** The run's pool registry, created on first use and torn down when the run's services close. */
function registryOf(services: RunServices): RunPools {
  let registry = registries.get(services);
  if (!registry) {
    const created: RunPools = { pools: new Map(), inflight: new Set(), dedicated: new Set() };
    registry = created;
    registries.set(services, created);
    services.onClose(async () => {
      const all = [...created.pools.values()];
      created.pools.clear();
      // Destroy first, so a client whose connect fails below does not connect again for a queued request.
      const destroyed = Promise.allSettled([...all.map((pool) => pool.destroy()), ...[...created.dedicated].map((close) => close())]);
      created.dedicated.clear();
      for (const fail of [...created.inflight]) fail(new errors.ClientDestroyedError());
      await destroyed;
    });
  }
  return registry;
}

/** The run's pool for this target, created on first use and destroyed when the run closes. */
export function poolFor(services: RunServices, target: AddressTarget): Pool {
  const run = registryOf(services);
  const secureContext = () => httpsContext(services);
  const pools = run.pools;
  const key = `${target.protocol}//${target.host}@${target.address}:${target.port}`;
  let pool = pools.get(key);
  if (!pool) {
    const hostForUrl = net.isIPv6(target.host) ? `[${target.host}]` : target.host;
    pool = new Pool(`${target.protocol}//${hostForUrl}:${target.port}`, {
      connections: MAX_CONNECTIONS_PER_ADDRESS,
      pipelining: 1,
      maxHeaderSize: MAX_RESPONSE_HEADER_BYTES,
      allowH2: false,
      factory: (origin, options) => {
        const state: ClientConnectionState = {};
        return new TimedClient(origin, { ...(options as Client.Options), connect: timedConnector(target, secureContext, state, run.inflight) }, state);
      },
    });
    // A pool error without a listener would crash the process; requests see their own errors.
    pool.on('connectionError', () => undefined);
    pools.set(key, pool);
  }
  return pool;
}

/**
 * A client with one connection of its own to the target, outside the run's shared pool.
 *
 * NTLM signs in a connection, not a request: its three legs must run over one keep-alive
 * connection that no other request may take in between, which a shared pool cannot promise.
 * The caller closes it when done; the run closes it at the latest when it ends.
 */
export function dedicatedClient(services: RunServices, target: AddressTarget): { client: Dispatcher; close: () => Promise<void> } {
  const run = registryOf(services);
  const secureContext = () => httpsContext(services);
  const hostForUrl = net.isIPv6(target.host) ? `[${target.host}]` : target.host;
  const state: ClientConnectionState = {};
  const client = new TimedClient(
    new URL(`${target.protocol}//${hostForUrl}:${target.port}`),
    { pipelining: 1, maxHeaderSize: MAX_RESPONSE_HEADER_BYTES, allowH2: false, connect: timedConnector(target, secureContext, state, run.inflight) },
    state,
  );
  client.on('connectionError', () => undefined);
  let closed: Promise<void> | undefined;
  const close = () => (closed ??= client.destroy().catch(() => undefined));
  run.dedicated.add(close);
  return {
    client,
    close: async () => {
      run.dedicated.delete(close);
      await close();
    },
  };
}
