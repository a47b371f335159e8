import http, { type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import tls from 'node:tls';
import type { Duplex } from 'node:stream';
import type { AuthChallenge, ErrorInfo, HeaderList, HttpBody, ProxyConnectErrorKind, ProxyServer, ResolvedAddress } from '../../../shared/model/probe-data';
import { headerValue, headerValues, redactResponseHeaders } from '../../../shared/http/header-list';
import { parseWwwAuthenticate } from '../../../shared/http/www-authenticate';
import { isIP } from '../../../shared/validate';
import { bodyOf } from './http-client';
import { OUTLOOK_USER_AGENT } from './outlook-requests';
import { readRawBody } from './raw-body';
import { reasonText } from './tcp-connect';
import { deadlineSignal } from './deadline-signal';

/**
 * One CONNECT request through an HTTP(S) proxy, as Outlook's HTTP stack sends it.
 *
 * A raw `node:http` CONNECT, because undici's ProxyAgent hides the proxy's own answer (a 407
 * and its Proxy-Authenticate header become an exception). Never sends proxy credentials. Every
 * answer is recorded: 2xx hands the open tunnel to the caller; any other status comes with its
 * challenges and the start of its body (often a block page). Never throws.
 */

/** Proxy answer header bytes accepted: a proxy's answer is small; a Negotiate 407 with a long token still fits. */
export const MAX_PROXY_HEADER_BYTES = 64 * 1024;
/** Body bytes kept of a refusal page: enough to name the product or the blocking rule. */
export const MAX_REFUSAL_BODY_BYTES = 16 * 1024;
/** Pause in a refusal page after which it is taken as complete. */
export const REFUSAL_BODY_IDLE_MS = 1_000;

export interface TunnelOptions {
  proxy: ProxyServer;
  /** CONNECT target. */
  host: string;
  port: number;
  /** Resolves the proxy's name (the run's resolver). */
  lookup(name: string, signal: AbortSignal): Promise<ResolvedAddress[]>;
  /** Trust anchors for an `https://` proxy's own certificate. */
  trustedCa: readonly string[];
  /** Covers name lookup, connect, the proxy's answer and a refusal page. */
  timeoutMs: number;
  signal: AbortSignal;
}

export interface TunnelResult {
  /** The proxy's address as connected. */
  proxyAddress?: string;
  status?: number;
  statusText?: string;
  /** Of the proxy's status line, e.g. `1.1`. */
  httpVersion?: string;
  /** As received, redacted like every recorded header list. */
  headers?: HeaderList;
  challenges: AuthChallenge[];
  challengeProblems?: string[];
  body?: HttpBody;
  /** The open tunnel after a 2xx; the caller owns and must destroy it. */
  socket?: Duplex;
  timings: { connectMs?: number; totalMs: number };
  error?: ErrorInfo<ProxyConnectErrorKind>;
}

/** The headers of the CONNECT request, as sent (no credentials ever). */
export function connectRequestHeaders(target: string): HeaderList {
  return [
    ['Host', target],
    ['User-Agent', OUTLOOK_USER_AGENT],
    ['Proxy-Connection', 'Keep-Alive'],
  ];
}

/** `host:port` as a CONNECT target (IPv6 literals in brackets). */
export function connectTarget(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}

export async function openTunnel(options: TunnelOptions): Promise<TunnelResult> {
  const started = performance.now();
  const elapsed = () => Math.round((performance.now() - started) * 10) / 10;
  const { signal: deadline, clear: clearDeadline } = deadlineSignal(options.signal, options.timeoutMs, 'proxy tunnel');
  const fail = (kind: ProxyConnectErrorKind, message: string, code?: string, extra: Partial<TunnelResult> = {}): TunnelResult => ({
    challenges: [],
    timings: { totalMs: elapsed() },
    ...extra,
    error: { kind, ...(code ? { code } : {}), message },
  });

  let address = options.proxy.host;
  if (!isIP(address)) {
    try {
      const found = await options.lookup(address, deadline);
      if (!found[0]) return fail('proxy-unreachable', `the proxy name ${address} has no address`, 'ENODATA');
      address = found[0].address;
    } catch (error) {
      if (deadline.aborted) return fail('timeout', `no address for the proxy ${address} in time`);
      return fail('proxy-unreachable', `the proxy name ${address} does not resolve: ${reasonText(error)}`, (error as { code?: string }).code ?? 'ENOTFOUND');
    }
  }
  const secure = options.proxy.url.startsWith('https:');
  const target = connectTarget(options.host, options.port);

  return new Promise<TunnelResult>((resolve) => {
    let done = false;
    let connectMs: number | undefined;
    let handedOver: Duplex | undefined;
    const finish = (result: TunnelResult) => {
      if (done) return;
      done = true;
      deadline.removeEventListener('abort', onAbort);
      clearDeadline();
      if (!result.socket) request.destroy();
      resolve({ proxyAddress: address, ...result, timings: { ...(connectMs !== undefined ? { connectMs } : {}), totalMs: elapsed() } });
    };
    const onAbort = () => {
      handedOver?.destroy();
      finish(fail('timeout', connectMs === undefined ? `no connection to the proxy ${address}:${options.proxy.port} in time` : `no answer from the proxy within ${elapsed()} ms`));
    };

    const request = http.request({
      host: address,
      port: options.proxy.port,
      method: 'CONNECT',
      path: target,
      headers: Object.fromEntries(connectRequestHeaders(target)),
      maxHeaderSize: MAX_PROXY_HEADER_BYTES,
      // No pooling agent: each CONNECT has its own connection. (With `createConnection` Node
      // uses no agent at all; `agent: false` would make it ignore `createConnection`.)
      ...(secure
        ? {
            createConnection: () =>
              tls.connect({ host: address, port: options.proxy.port, ca: [...options.trustedCa], ...(isIP(options.proxy.host) ? {} : { servername: options.proxy.host }), ALPNProtocols: ['http/1.1'] }),
          }
        : { agent: false }),
    });
    request.once('socket', (socket: Socket) => {
      socket.once(secure ? 'secureConnect' : 'connect', () => {
        connectMs = elapsed();
      });
    });
    request.once('connect', (response: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (done) {
        socket.destroy();
        return;
      }
      const status = response.statusCode ?? 0;
      const raw = rawHeaderList(response.rawHeaders);
      const parsed = parseWwwAuthenticate(headerValues(raw, 'proxy-authenticate'));
      const answer: TunnelResult = {
        status,
        statusText: response.statusMessage ?? '',
        httpVersion: response.httpVersion,
        headers: redactResponseHeaders(raw),
        challenges: parsed.challenges,
        ...(parsed.problems.length ? { challengeProblems: parsed.problems.map((p) => `line ${p.field + 1}, offset ${p.offset}: ${p.message}`) } : {}),
        timings: { totalMs: 0 },
      };
      if (status >= 200 && status < 300) {
        handedOver = socket;
        if (head.length > 0) socket.unshift(head);
        finish({ ...answer, socket });
        return;
      }
      const length = Number(headerValue(raw, 'content-length'));
      void readRawBody(socket, {
        head,
        ...(Number.isInteger(length) && length >= 0 ? { contentLength: length } : {}),
        chunked: /chunked/i.test(headerValue(raw, 'transfer-encoding') ?? ''),
        maxBytes: MAX_REFUSAL_BODY_BYTES,
        idleMs: REFUSAL_BODY_IDLE_MS,
        signal: deadline,
      }).then((body) => {
        socket.destroy();
        finish({ ...answer, body: bodyOf(raw, body.data, body.bytes, body.truncated) });
      });
    });
    request.once('response', (response: IncomingMessage) => {
      // Node emits 'connect' for CONNECT answers; this only covers a proxy speaking something odd.
      finish(fail('protocol', `unexpected answer ${response.statusCode ?? '?'} outside CONNECT handling`));
    });
    request.once('error', (error: NodeJS.ErrnoException) => {
      const code = error.code;
      const text = reasonText(error);
      if (code === 'ECONNREFUSED' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'EADDRNOTAVAIL') {
        finish(fail('proxy-unreachable', `the proxy ${address}:${options.proxy.port} cannot be reached: ${text}`, code));
      } else if (code === 'ECONNRESET' || code === 'EPIPE') {
        finish(fail('reset', `the proxy closed the connection: ${text}`, code));
      } else if (code?.startsWith('HPE_') || /parse error/i.test(text)) {
        finish(fail('protocol', `the proxy's answer is not HTTP: ${text}`, code));
      } else {
        finish(fail('other', text, code));
      }
    });
    if (deadline.aborted) {
      onAbort();
      return;
    }
    deadline.addEventListener('abort', onAbort, { once: true });
    request.end();
  });
}

/** Node's rawHeaders (name, value, name, value, …) as a list, duplicates and case kept. */
function rawHeaderList(raw: string[]): HeaderList {
  const list: HeaderList = [];
  for (let i = 0; i + 1 < raw.length; i += 2) list.push([raw[i]!, raw[i + 1]!]);
  return list;
}
