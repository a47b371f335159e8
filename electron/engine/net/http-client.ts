import type { Dispatcher } from 'undici';
import type { ErrorInfo, HeaderList, HttpBody, HttpErrorKind, HttpExchange, HttpTimings } from '../../../shared/model/probe-data';
import { headerValue, headerValues, redactRequestHeaders, redactResponseHeaders, redactUrl, serverIdentity } from '../../../shared/http/header-list';
import { parseWwwAuthenticate } from '../../../shared/http/www-authenticate';
import type { RunServices } from '../run-services';
import { connectionOfRequest, poolFor, type AddressTarget, type TimedConnection } from './address-pools';
import { classifyHttpError } from './http-error';

/**
 * One HTTP exchange to a chosen address, recorded as evidence.
 *
 * The request goes to `address` with the URL's host in Host and SNI (see address-pools.ts).
 * Redirects are recorded, never followed. The body is read up to a cap. Every wait has a
 * deadline, and the caller's signal ends the exchange at once: the result then says what was
 * still pending. Never throws: failures are an `error` in the returned exchange.
 */

/** Whole exchange, from queueing to the last body byte: enough for any anonymous Exchange answer, short of the probe's own timeout. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 6_000;
/** Request written → response headers. Exchange answers an anonymous request in well under a second; 5 s is broken for Outlook too. */
export const HEADERS_TIMEOUT_MS = 5_000;
/** Longest pause between two body chunks; a stalled body (MTU black hole) shows here. */
export const BODY_IDLE_TIMEOUT_MS = 3_000;
/** Body bytes kept: identifies any error or login page; an OWA page is ~60 KB, more is noise. */
export const MAX_BODY_BYTES = 64 * 1024;
/** Characters of the body kept as text in the evidence: enough to read a page title or an error. */
export const BODY_PREVIEW_CHARS = 2_000;

export interface HttpRequestSpec {
  /** Absolute http:// or https:// URL; its host goes into Host and SNI. */
  url: string;
  /** The address to connect to instead of resolving the host. */
  address: string;
  method: string;
  headers?: HeaderList;
  body?: string | Uint8Array;
  signal: AbortSignal;
  timeoutMs?: number;
  headersTimeoutMs?: number;
  bodyIdleTimeoutMs?: number;
  maxBodyBytes?: number;
  /**
   * Sends over this dispatcher instead of the run's pool for the address: a dedicated
   * connection, as NTLM's three legs need (see address-pools.ts `dedicatedClient`), or a proxy's
   * tunnels (tunnel-pools.ts; `address` then only names the path in the evidence).
   */
  dispatcher?: Dispatcher;
  /**
   * Gets the response headers as received, before redaction (an NTLM challenge's token).
   * For use in memory only: whatever is recorded comes from the redacted exchange.
   */
  onRawHeaders?: (headers: HeaderList) => void;
  /** Gets the body bytes kept (up to `maxBodyBytes`) when the exchange ends, for parsing. */
  onBody?: (body: Buffer) => void;
}

/** Reason used to stop reading at the body cap; not an error of the exchange. */
class BodyCapReached extends Error {
  constructor() {
    super('body cap reached');
    this.name = 'BodyCapReached';
  }
}

type Phase = 'connect' | 'headers' | 'body';

const PHASE_TEXT: Record<Phase, string> = {
  connect: 'before a connection was ready',
  headers: 'waiting for the response headers',
  body: 'while reading the body',
};

/** Sends one request and records the exchange. */
export async function sendHttpRequest(services: RunServices, spec: HttpRequestSpec): Promise<HttpExchange> {
  const startedAt = new Date(services.now()).toISOString();
  const t0 = performance.now();
  const requestHeaders: HeaderList = [...(spec.headers ?? [])];
  const body = typeof spec.body === 'string' ? Buffer.from(spec.body, 'utf8') : spec.body ? Buffer.from(spec.body) : undefined;

  let url: URL;
  try {
    url = new URL(spec.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`unsupported scheme ${url.protocol}`);
  } catch (error) {
    return {
      request: { method: spec.method, url: redactUrl(spec.url), headers: redactRequestHeaders(requestHeaders) },
      timings: { totalMs: 0 },
      startedAt,
      error: { kind: 'other', message: `invalid URL: ${(error as Error).message}` },
    };
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  const target: AddressTarget = { protocol: url.protocol, host, address: spec.address, port };
  const hostHeader = url.host;
  const sentHeaders: HeaderList = [['Host', hostHeader], ...requestHeaders];
  if (body) sentHeaders.push(['Content-Length', String(body.length)]);
  const request: HttpExchange['request'] = {
    method: spec.method,
    url: redactUrl(url.href),
    headers: redactRequestHeaders(sentHeaders),
    ...(body ? { bodyBytes: body.length } : {}),
  };

  const timeoutMs = spec.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const maxBody = spec.maxBodyBytes ?? MAX_BODY_BYTES;

  return new Promise<HttpExchange>((resolve) => {
    const dispatchOptions: Dispatcher.DispatchOptions = {
      path: `${url.pathname}${url.search}`,
      method: spec.method,
      headers: requestHeaders.flat(),
      // undici closes the connection after a body sent with a method it does not know
      // (RPC_IN_DATA); Outlook and IIS keep it (NTLM needs it), and a queued request would
      // otherwise pay a new connect and TLS handshake. A server that wants to close says so.
      ...(body ? { body, reset: false } : {}),
      headersTimeout: spec.headersTimeoutMs ?? HEADERS_TIMEOUT_MS,
      bodyTimeout: spec.bodyIdleTimeoutMs ?? BODY_IDLE_TIMEOUT_MS,
    };

    let finished = false;
    let phase: Phase = 'connect';
    let controller: Dispatcher.DispatchController | undefined;
    let abortReason: Error | undefined;
    let sentAt: number | undefined;
    let headersAt: number | undefined;
    let httpVersion: string | undefined;
    let certificate: HttpExchange['certificate'];
    const timings: Partial<HttpTimings> = {};
    let response: Omit<NonNullable<HttpExchange['response']>, 'body'> | undefined;
    const chunks: Buffer[] = [];
    let kept = 0;
    let received = 0;
    let truncated = false;

    const finish = (error?: ErrorInfo<HttpErrorKind>) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      spec.signal.removeEventListener('abort', onAbort);
      const endedAt = performance.now();
      // Sent and never answered: the evidence of a server that takes the connection and stays silent.
      if (sentAt !== undefined && headersAt === undefined) timings.unansweredMs = round(endedAt - sentAt);
      const exchange: HttpExchange = {
        request,
        timings: { ...timings, totalMs: round(endedAt - t0) },
        startedAt,
      };
      const keptBody = Buffer.concat(chunks);
      if (response) exchange.response = { ...response, body: bodyOf(response.headers, keptBody, received, truncated) };
      if (response && spec.onBody) {
        try {
          spec.onBody(keptBody);
        } catch {
          // A consumer's bug must not lose the exchange.
        }
      }
      if (error) exchange.error = error;
      if (certificate) exchange.certificate = certificate;
      // undici frees a pipelining-1 connection one event-loop turn after the response (its own
      // setImmediate); resolving after that lets a request sent right after this one reuse the
      // connection instead of opening another.
      setImmediate(() => setImmediate(() => resolve(exchange)));
    };

    const abort = (reason: Error) => {
      if (finished) return;
      abortReason = reason;
      const pending = phase;
      try {
        controller?.abort(reason);
      } catch {
        // Already ended inside undici; we record what we have.
      }
      const info = classifyHttpError(reason);
      finish({ ...info, message: `${info.message} (${PHASE_TEXT[pending]})` });
    };

    const onAbort = () => abort(spec.signal.reason instanceof Error ? spec.signal.reason : new DOMException(String(spec.signal.reason), 'AbortError'));
    const timer = setTimeout(() => abort(new DOMException(`no complete answer within ${timeoutMs} ms`, 'TimeoutError')), timeoutMs);
    if (spec.signal.aborted) {
      onAbort();
      return;
    }
    spec.signal.addEventListener('abort', onAbort, { once: true });

    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(ctl) {
        if (finished) {
          ctl.abort(abortReason ?? new DOMException('exchange already ended', 'AbortError'));
          return;
        }
        controller = ctl;
        phase = 'headers';
        sentAt = performance.now();
        const connection = connectionOfRequest(dispatchOptions);
        if (connection) {
          if (connection.requests === 0) {
            timings.connectMs = round(connection.connectMs);
            if (connection.tlsMs !== undefined) timings.tlsMs = round(connection.tlsMs);
            timings.reusedConnection = false;
          } else {
            timings.reusedConnection = true;
          }
          connection.requests += 1;
          if (connection.trust) certificate = { ...connection.trust };
          watchStatusLine(connection, (version) => {
            httpVersion = version;
          });
        }
      },
      onResponseStart(ctl, statusCode, _headers, statusMessage) {
        if (finished || statusCode < 200) return;
        phase = 'body';
        headersAt = performance.now();
        if (sentAt !== undefined) timings.ttfbMs = round(headersAt - sentAt);
        const raw = rawHeaderList(ctl.rawHeaders);
        if (spec.onRawHeaders) {
          try {
            spec.onRawHeaders(raw);
          } catch {
            // A consumer's bug must not lose the exchange.
          }
        }
        response = recordedResponse(raw, statusCode, statusMessage ?? '', httpVersion ?? '1.1', services.now());
      },
      onResponseData(ctl, chunk) {
        if (finished) return;
        received += chunk.length;
        if (kept < maxBody) {
          const take = chunk.subarray(0, maxBody - kept);
          chunks.push(Buffer.from(take));
          kept += take.length;
        }
        if (received > maxBody && !truncated) {
          truncated = true;
          abortReason = new BodyCapReached();
          ctl.abort(abortReason);
          finish();
        }
      },
      onResponseEnd() {
        finish();
      },
      onResponseError(_ctl, error) {
        if (error instanceof BodyCapReached || abortReason instanceof BodyCapReached) {
          finish();
          return;
        }
        const info = classifyHttpError(error);
        finish({ ...info, message: `${info.message} (${PHASE_TEXT[phase]})` });
      },
    };

    try {
      (spec.dispatcher ?? poolFor(services, target)).dispatch(dispatchOptions, handler);
    } catch (error) {
      finish(classifyHttpError(error));
    }
  });
}

/**
 * A response head as evidence: headers redacted, challenges parsed, server identity, clock skew
 * against `now`, the Location without tokens. Shared by every place that records an exchange.
 */
export function recordedResponse(raw: HeaderList, status: number, statusText: string, httpVersion: string, now: number): Omit<NonNullable<HttpExchange['response']>, 'body'> {
  const parsed = parseWwwAuthenticate(headerValues(raw, 'www-authenticate'));
  const date = headerValue(raw, 'date');
  const serverTime = date === undefined ? NaN : Date.parse(date);
  const location = headerValue(raw, 'location');
  return {
    status,
    statusText,
    httpVersion,
    headers: redactResponseHeaders(raw),
    challenges: parsed.challenges,
    ...(parsed.problems.length ? { challengeProblems: parsed.problems.map((p) => `line ${p.field + 1}, offset ${p.offset}: ${p.message}`) } : {}),
    identity: serverIdentity(raw),
    ...(date !== undefined ? { date } : {}),
    ...(Number.isFinite(serverTime) ? { clockSkewMs: Math.round(serverTime - now) } : {}),
    ...(location !== undefined ? { location: redactUrl(location) } : {}),
  };
}

/** Undici's raw header pairs (Buffers, latin-1 on the wire) as a list, duplicates and case kept. */
function rawHeaderList(raw: Dispatcher.DispatchController['rawHeaders']): HeaderList {
  const list: HeaderList = [];
  if (Array.isArray(raw)) {
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const name = raw[i]!;
      const value = raw[i + 1]!;
      list.push([typeof name === 'string' ? name : name.toString('latin1'), typeof value === 'string' ? value : value.toString('latin1')]);
    }
  } else if (raw && typeof raw === 'object') {
    for (const [name, value] of Object.entries(raw)) {
      for (const v of Array.isArray(value) ? value : [value]) if (v !== undefined) list.push([name, String(v)]);
    }
  }
  return list;
}

/**
 * Reads the HTTP version from the status line of the next response on this connection.
 *
 * undici does not expose it. With pipelining off, the first bytes after a request is written
 * are its response's status line. A 'data' listener added after undici's 'readable' listener
 * only observes: 'readable' keeps control of the flow.
 */
function watchStatusLine(connection: TimedConnection, onVersion: (version: string) => void): void {
  connection.awaitingStatusLine = onVersion;
  if (connection.sniffing) return;
  connection.sniffing = true;
  connection.socket.on('data', (chunk: Buffer | string) => {
    const waiting = connection.awaitingStatusLine;
    if (!waiting) return;
    connection.awaitingStatusLine = undefined;
    const head = (typeof chunk === 'string' ? chunk : chunk.toString('latin1', 0, 16)).slice(0, 16);
    const match = /^HTTP\/(\d(?:\.\d)?) /.exec(head);
    if (match) waiting(match[1]!);
  });
}

const TEXT_TYPE = /^(text\/|application\/(?:[\w.+-]*\+)?(?:xml|json|javascript|x-www-form-urlencoded|soap\+xml|rpc)\b)/i;

/** A received body as evidence: size, cut, content type and a text preview where it is text. */
export function bodyOf(headers: HeaderList, data: Buffer, received: number, truncated: boolean): HttpBody {
  const contentType = headerValue(headers, 'content-type');
  const body: HttpBody = { bytes: received, truncated, ...(contentType !== undefined ? { contentType } : {}) };
  const encoded = (headerValue(headers, 'content-encoding') ?? 'identity').toLowerCase();
  if (data.length === 0 || (encoded !== 'identity' && encoded !== '')) return body;
  const looksText = contentType ? TEXT_TYPE.test(contentType) : isMostlyPrintable(data.subarray(0, 512));
  if (!looksText) return body;
  body.preview = decodeText(data.subarray(0, BODY_PREVIEW_CHARS * 4), contentType).slice(0, BODY_PREVIEW_CHARS);
  return body;
}

function decodeText(data: Buffer, contentType: string | undefined): string {
  const charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(data);
  } catch {
    return new TextDecoder('utf-8').decode(data);
  }
}

function isMostlyPrintable(sample: Buffer): boolean {
  let printable = 0;
  for (const byte of sample) if (byte === 9 || byte === 10 || byte === 13 || (byte >= 32 && byte !== 127)) printable += 1;
  return sample.length > 0 && printable / sample.length > 0.95;
}

const round = (ms: number) => Math.round(ms * 10) / 10;
