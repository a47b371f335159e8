import type { Duplex } from 'node:stream';
import tls, { type SecureContext, type TLSSocket } from 'node:tls';
import type { TlsHandshake } from '../../../shared/model/probe-data';
import { classifyTlsError } from './tls-errors';
import { reasonText } from './tcp-connect';

/**
 * OpenSSL security level 0 for the probe's own handshakes.
 *
 * Node's default level refuses SHA-1 signed chains and small keys before we could look at them,
 * while Windows' SChannel (Outlook) still accepts them. The probe must see and report such a
 * certificate (`tls.cert-weak-key`), not fail the handshake on a local library policy. Nothing
 * secret is sent over these connections.
 */
const PERMISSIVE_SECURITY_LEVEL = '@SECLEVEL=0';

/** Node's cipher list (what a current client offers), with the permissive security level. */
const MODERN_CIPHERS = `${tls.DEFAULT_CIPHERS}:${PERMISSIVE_SECURITY_LEVEL}`;

/**
 * The legacy handshake offers everything OpenSSL still has for TLS 1.0/1.1.
 *
 * Those versions need SHA-1/MD5 in the handshake, which OpenSSL 3 allows only at level 0.
 */
const LEGACY_CIPHERS = `DEFAULT:${PERMISSIVE_SECURITY_LEVEL}`;

/** ALPN as Outlook's HTTP stack offers it: the Exchange endpoints speak HTTP/1.1. */
const ALPN_PROTOCOLS = ['http/1.1'];

export interface TlsContexts {
  /** TLS 1.2 and 1.3, as a current Outlook on Windows negotiates. */
  modern: SecureContext;
  /** TLS 1.0 and 1.1 only: tells a server that speaks nothing newer apart. */
  legacy: SecureContext;
}

const contextCache = new WeakMap<readonly string[], { modern?: SecureContext; legacy?: SecureContext }>();

/**
 * Secure contexts for a set of trust anchors, made once per run.
 *
 * Parsing ~150 root certificates costs ~20 ms; per handshake that would add up over a dozen
 * addresses, so the contexts are cached per anchor list (the run's services own one list).
 */
export function tlsContext(trustedCa: readonly string[], which: keyof TlsContexts): SecureContext {
  let entry = contextCache.get(trustedCa);
  if (!entry) contextCache.set(trustedCa, (entry = {}));
  const ca = [...trustedCa];
  if (which === 'modern') {
    entry.modern ??= tls.createSecureContext({ ca, ciphers: MODERN_CIPHERS, minVersion: 'TLSv1.2', maxVersion: 'TLSv1.3' });
    return entry.modern;
  }
  entry.legacy ??= tls.createSecureContext({ ca, ciphers: LEGACY_CIPHERS, minVersion: 'TLSv1', maxVersion: 'TLSv1.1' });
  return entry.legacy;
}

export interface TlsHandshakeOptions {
  address: string;
  port: number;
  /**
   * An open connection to shake hands over instead of connecting to `address` (a proxy's
   * CONNECT tunnel); it is destroyed with the TLS socket. `address`/`port` then only name it.
   */
  socket?: Duplex;
  /** SNI; leave out for an IP literal (RFC 6066 forbids IP addresses in SNI). */
  servername?: string;
  context: SecureContext;
  /** Covers the TCP connect and the handshake; the signal may end it earlier. */
  timeoutMs: number;
  signal: AbortSignal;
}

export type TlsHandshakeResult<T> =
  | { ok: true; handshake: TlsHandshake; inspected: T }
  | { ok: false; handshake: TlsHandshake; /** Whether TCP got through, i.e. TLS itself failed. */ connected: boolean };

/**
 * One TLS handshake to one address; `inspect` reads the open socket, then it is destroyed.
 *
 * Certificates are never rejected here (`rejectUnauthorized: false`, no name check): trust and
 * name are evidence the caller records, not reasons to stop looking. Never throws; the socket is
 * destroyed on every path.
 */
export function tlsHandshake<T>(options: TlsHandshakeOptions, inspect: (socket: TLSSocket) => T): Promise<TlsHandshakeResult<T>> {
  const { signal } = options;
  if (signal.aborted) {
    return Promise.resolve({ ok: false, connected: false, handshake: { error: { kind: 'timeout', message: `not started: ${reasonText(signal.reason)}` } } });
  }
  return new Promise((resolve) => {
    const started = performance.now();
    let connectedAt: number | undefined;
    let done = false;
    const socket = tls.connect({
      ...(options.socket ? { socket: options.socket } : { host: options.address, port: options.port }),
      ...(options.servername ? { servername: options.servername } : {}),
      secureContext: options.context,
      rejectUnauthorized: false,
      checkServerIdentity: () => undefined,
      ALPNProtocols: ALPN_PROTOCOLS,
    });
    const since = () => Math.round((performance.now() - (connectedAt ?? started)) * 10) / 10;
    const elapsedIfConnected = () => (connectedAt === undefined ? {} : { handshakeMs: since() });
    const finish = (result: TlsHandshakeResult<T>) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
      options.socket?.destroy();
      resolve(result);
    };
    const fail = (handshake: TlsHandshake) => finish({ ok: false, connected: connectedAt !== undefined, handshake });
    const timeoutText = () =>
      connectedAt === undefined ? 'no TCP connection' : `no TLS handshake after ${since()} ms (the server did not answer the ClientHello)`;
    const onAbort = () => fail({ error: { kind: 'timeout', message: `${timeoutText()}, stopped: ${reasonText(signal.reason)}` } });
    const timer = setTimeout(() => fail({ error: { kind: 'timeout', message: `${timeoutText()} within ${options.timeoutMs} ms` } }), options.timeoutMs);
    signal.addEventListener('abort', onAbort, { once: true });

    // Over a given connection the transport is already there: the handshake starts now.
    if (options.socket) connectedAt = started;
    socket.once('connect', () => {
      connectedAt = performance.now();
    });
    socket.once('secureConnect', () => {
      const handshakeMs = since();
      const handshake: TlsHandshake = {
        protocol: socket.getProtocol() ?? undefined,
        cipher: socket.getCipher()?.name,
        alpn: typeof socket.alpnProtocol === 'string' ? socket.alpnProtocol : null,
        handshakeMs,
      };
      let inspected: T;
      try {
        inspected = inspect(socket);
      } catch (error) {
        fail({ ...handshake, error: { kind: 'other', message: `reading the handshake failed: ${reasonText(error)}` } });
        return;
      }
      finish({ ok: true, handshake, inspected });
    });
    socket.once('error', (error) => {
      const { error: info, alert } = classifyTlsError(error);
      fail({ ...elapsedIfConnected(), error: info, ...(alert ? { alert } : {}) });
    });
    // Node reports a close before the handshake as an error first; this covers any other path.
    socket.once('close', () => fail({ ...elapsedIfConnected(), error: { kind: 'closed', message: 'connection closed before the handshake finished' } }));
  });
}
