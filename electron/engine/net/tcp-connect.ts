import { Socket } from 'node:net';
import type { ErrorInfo, IpFamily, TcpErrorKind } from '../../../shared/model/probe-data';

export interface TcpConnectOptions {
  address: string;
  family: IpFamily;
  port: number;
  /** The connect's own deadline; the signal may end it earlier. */
  timeoutMs: number;
  signal: AbortSignal;
}

export interface TcpConnectResult {
  connectMs?: number;
  localAddress?: string;
  error?: ErrorInfo<TcpErrorKind>;
}

/** Socket error codes and what they say about the path. */
const ERROR_KINDS: Record<string, TcpErrorKind> = {
  ECONNREFUSED: 'refused',
  ETIMEDOUT: 'timeout',
  ECONNRESET: 'reset',
  ECONNABORTED: 'reset',
  EPIPE: 'reset',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  EHOSTDOWN: 'unreachable',
  ENETDOWN: 'unreachable',
  EADDRNOTAVAIL: 'unreachable',
  // A local packet filter answers with EPERM/EACCES on Linux and WSAEACCES on Windows.
  EACCES: 'unreachable',
  EPERM: 'unreachable',
};

/** A socket error as evidence: refused, timed out, unreachable, reset or other. */
export function classifyTcpError(error: unknown): ErrorInfo<TcpErrorKind> {
  const err = error as NodeJS.ErrnoException;
  const code = typeof err?.code === 'string' ? err.code : undefined;
  return {
    kind: (code && ERROR_KINDS[code]) || 'other',
    ...(code ? { code } : {}),
    message: err instanceof Error ? err.message : String(error),
  };
}

/**
 * Opens one TCP connection to one address and closes it again.
 *
 * Never throws: the outcome (connect time and local address, or a classified error) is the
 * evidence. The socket is destroyed on every path, so nothing outlives the call.
 */
export function tcpConnect(options: TcpConnectOptions): Promise<TcpConnectResult> {
  const { signal } = options;
  if (signal.aborted) {
    return Promise.resolve({ error: { kind: 'timeout', message: `not started: ${reasonText(signal.reason)}` } });
  }
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = new Socket();
    let done = false;
    const finish = (result: TcpConnectResult) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(result);
    };
    const onAbort = () =>
      finish({ error: { kind: 'timeout', message: `no connection after ${elapsed(started)} ms, stopped: ${reasonText(signal.reason)}` } });
    const timer = setTimeout(
      () => finish({ error: { kind: 'timeout', message: `no connection within ${options.timeoutMs} ms (no answer to SYN)` } }),
      options.timeoutMs,
    );
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => finish({ connectMs: elapsed(started), ...(socket.localAddress ? { localAddress: socket.localAddress } : {}) }));
    socket.once('error', (error) => finish({ error: classifyTcpError(error) }));
    socket.connect({ host: options.address, port: options.port, family: options.family });
  });
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}

export function reasonText(reason: unknown): string {
  if (reason instanceof Error) return reason.message || reason.name;
  return String(reason);
}
