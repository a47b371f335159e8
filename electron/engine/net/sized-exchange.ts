import net from 'node:net';
import tls, { type SecureContext } from 'node:tls';
import type { HeaderList, MtuExchange } from '../../../shared/model/probe-data';
import { classifyTlsError } from './tls-errors';
import { reasonText } from './tcp-connect';

/**
 * One HTTPS request of a chosen size over a connection of its own, watched byte by byte.
 *
 * The MTU probe compares a small and a large exchange on the same path. It needs what undici
 * hides: whether the connection is still open when nothing arrives (a black hole swallows the
 * packets; it does not reset), and how many bytes came before the stall. So this writes the
 * request itself and reads the answer just far enough to know it is complete. TLS runs over a
 * TCP socket of its own, whose byte count tells how much the server's handshake flight was.
 */

/**
 * Share of the deadline that must have passed without a byte for the exchange to count as
 * stalled. Bytes still trickling in at the deadline are a slow path, not a black hole.
 */
const STALL_QUIET_SHARE = 1 / 3;

/** Answer bytes read at most: enough to see any complete anonymous answer; more proves nothing new. */
export const SIZED_EXCHANGE_MAX_RESPONSE_BYTES = 256 * 1024;

export interface SizedExchangeOptions {
  address: string;
  port: number;
  /** SNI; leave out for an IP literal. */
  servername?: string;
  context: SecureContext;
  /** The complete HTTP/1.1 request (head and body). */
  request: Buffer;
  /** Until then the answer must be complete; an open connection without it is `stalled`. */
  timeoutMs: number;
  signal: AbortSignal;
  /** Gets the answer's status line and headers as received (unredacted: record only through the redaction helpers). */
  onHead?: (head: ResponseHead) => void;
}

/** The status line and headers of the answer. */
export interface ResponseHead {
  httpVersion: string;
  status: number;
  statusText: string;
  headers: HeaderList;
  /** Bytes of the head on the wire, blank line included. */
  headBytes: number;
}

type Phase = 'connect' | 'handshake' | 'response';

const WAITING_FOR: Record<Phase, string> = {
  connect: 'no TCP connection',
  handshake: 'no TLS handshake',
  response: 'no complete answer',
};

/** Where a response ends, once its head is known. */
interface ResponseShape {
  status?: number;
  headBytes: number;
  contentLength?: number;
  chunked: boolean;
  head: ResponseHead;
}

function parseHead(data: Buffer): ResponseShape | undefined {
  const end = data.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine = '', ...lines] = data.subarray(0, end).toString('latin1').split('\r\n');
  const status = /^HTTP\/(\d(?:\.\d)?) (\d{3}) ?(.*)$/.exec(statusLine);
  let contentLength: number | undefined;
  let chunked = false;
  const headers: HeaderList = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    headers.push([name, value]);
    const lower = name.toLowerCase();
    if (lower === 'content-length' && /^\d+$/.test(value)) contentLength = Number(value);
    if (lower === 'transfer-encoding' && /chunked/i.test(value)) chunked = true;
  }
  const head: ResponseHead = { httpVersion: status?.[1] ?? '1.1', status: status ? Number(status[2]) : 0, statusText: status?.[3] ?? '', headers, headBytes: end + 4 };
  return { ...(status ? { status: head.status } : {}), headBytes: end + 4, ...(contentLength !== undefined && !chunked ? { contentLength } : {}), chunked, head };
}

/** The last chunk of a chunked body (`0` CRLF, no trailers, CRLF). */
const LAST_CHUNK = Buffer.from('\r\n0\r\n\r\n', 'latin1');

/**
 * Sends the request and waits for the complete answer, until the deadline.
 *
 * Never throws; the socket is destroyed on every path. `stalled` = the deadline came while the
 * connection was open and nothing had arrived for a while; `failed` = an error, a close before
 * the answer was complete, an answer still trickling in at the deadline, or the caller's signal
 * (then the stall could not be watched for the whole time).
 */
export function sizedExchange(options: SizedExchangeOptions): Promise<MtuExchange> {
  const requestBytes = options.request.length;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  if (options.signal.aborted) {
    return Promise.resolve({
      requestBytes,
      responseBytes: 0,
      receivedBytes: 0,
      outcome: 'failed',
      durationMs: 0,
      error: { kind: 'timeout', message: `not started: ${reasonText(options.signal.reason)}` },
    });
  }

  return new Promise((resolve) => {
    let phase: Phase = 'connect';
    let done = false;
    let received = 0;
    let lastByteAt: number | undefined;
    let kept: Buffer = Buffer.alloc(0);
    let shape: ResponseShape | undefined;
    let handshakeBytes: number | undefined;

    const raw = net.connect({ host: options.address, port: options.port });
    const socket = tls.connect({
      socket: raw,
      ...(options.servername ? { servername: options.servername } : {}),
      secureContext: options.context,
      // The TLS probe judges the certificate; here only the sizes on the path matter.
      rejectUnauthorized: false,
      checkServerIdentity: () => undefined,
      ALPNProtocols: ['http/1.1'],
    });

    const responseBytes = () => (shape?.contentLength !== undefined ? shape.headBytes + shape.contentLength : received);
    const finish = (outcome: MtuExchange['outcome'], error?: MtuExchange['error']) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      socket.destroy();
      raw.destroy();
      resolve({
        requestBytes,
        responseBytes: responseBytes(),
        receivedBytes: received,
        outcome,
        durationMs: elapsed(),
        ...(error ? { error } : {}),
        ...(shape?.status !== undefined ? { status: shape.status } : {}),
        ...(handshakeBytes !== undefined ? { handshakeBytes } : {}),
      });
    };
    const complete = () =>
      shape !== undefined &&
      ((shape.contentLength !== undefined && received >= shape.headBytes + shape.contentLength) ||
        (shape.chunked && kept.subarray(-LAST_CHUNK.length).equals(LAST_CHUNK)) ||
        received >= SIZED_EXCHANGE_MAX_RESPONSE_BYTES);

    const quietFor = () => (lastByteAt === undefined ? '' : `, last byte ${Math.round(performance.now() - lastByteAt)} ms ago`);
    const timer = setTimeout(() => {
      const message = `${WAITING_FOR[phase]} within ${options.timeoutMs} ms, connection still open (${received} answer bytes${quietFor()})`;
      const moving = lastByteAt !== undefined && performance.now() - lastByteAt < options.timeoutMs * STALL_QUIET_SHARE;
      finish(moving ? 'failed' : 'stalled', { kind: 'timeout', message: moving ? `${message}: still arriving, too slow` : message });
    }, options.timeoutMs);
    const onAbort = () =>
      finish('failed', { kind: 'timeout', message: `stopped after ${elapsed()} ms (${WAITING_FOR[phase]} yet): ${reasonText(options.signal.reason)}` });
    options.signal.addEventListener('abort', onAbort, { once: true });

    raw.once('connect', () => {
      phase = 'handshake';
    });
    socket.once('secureConnect', () => {
      phase = 'response';
      handshakeBytes = raw.bytesRead;
      socket.write(options.request);
    });
    socket.on('data', (chunk: Buffer) => {
      received += chunk.length;
      lastByteAt = performance.now();
      // Only the head and the tail matter: keep the head until it is parsed, then a short tail.
      kept = Buffer.concat([kept, chunk]);
      if (!shape) {
        shape = parseHead(kept);
        if (shape && options.onHead) {
          try {
            options.onHead(shape.head);
          } catch {
            // A consumer's bug must not lose the measurement.
          }
        }
      }
      if (shape) kept = kept.subarray(-LAST_CHUNK.length);
      if (complete()) finish('ok');
    });
    socket.once('end', () => {
      // An answer without length or chunking ends with the connection.
      if (shape && shape.contentLength === undefined && !shape.chunked) finish('ok');
      else finish('failed', { kind: 'closed', message: `closed by the server after ${received} answer bytes (${WAITING_FOR[phase]})` });
    });
    const onError = (error: Error) => {
      const { error: info } = classifyTlsError(error);
      finish('failed', { ...info, message: `${info.message} (${phase === 'response' ? 'after the request was sent' : WAITING_FOR[phase]})` });
    };
    // A refused or reset connect may surface on the TCP socket, not only on the TLS one.
    raw.once('error', onError);
    socket.once('error', onError);
    socket.once('close', () => finish('failed', { kind: 'closed', message: `connection closed (${WAITING_FOR[phase]})` }));
  });
}
