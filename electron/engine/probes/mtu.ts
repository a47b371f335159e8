import { isIPv6 } from 'node:net';
import { redactRequestHeaders } from '../../../shared/http/header-list';
import type { HeaderList, HttpExchange, MtuData, MtuExchange } from '../../../shared/model/probe-data';
import { formatHostPort } from '../../../shared/validate';
import { defineProbe, type PlanView, type ProbeTask } from '../probe';
import { dfPing } from '../net/df-ping';
import { dfSweep } from '../net/df-sweep';
import { endpointKey, ipFamilyOf, normalizeName, type Endpoint } from '../net/endpoints';
import { OUTLOOK_USER_AGENT } from '../net/outlook-requests';
import { recordedResponse } from '../net/http-client';
import { sizedExchange, type ResponseHead } from '../net/sized-exchange';
import { tlsContext } from '../net/tls-handshake';
import { deadlineSignal } from '../net/deadline-signal';

/**
 * Small against large on the same path: the MTU black hole test, per address of the Exchange host.
 *
 * Three anonymous requests, each on a connection of its own, at the same time: a small one to
 * EWS (every packet far below any MTU, both ways), one to EWS whose request head is several
 * full-size packets long (client → server), and a small one whose answer is large (server →
 * client). A path that drops packets above some size without sending "fragmentation needed"
 * back lets the small one through and swallows the large one: it stalls with the connection
 * open. Then a DF ping sweep, where ICMP echo passes, tells the largest packet that gets through.
 *
 * The request's size sits in a header, not a body: a server may answer 401 before it reads a
 * body, but never before the end of the request head, so its answer proves the large packets
 * arrived.
 *
 * The large answer: Exchange answers almost everything anonymous small (401 with an empty body,
 * redirects, health checks). The one large page it serves without credentials is OWA's sign-in
 * page of forms-based authentication (`/owa/auth/logon.aspx`, where `GET /owa/` redirects to;
 * the default on premises): markup, inline style and script, several kilobytes, sent without
 * compression because the request offers none. Where OWA is not behind forms (Exchange Online
 * sends the browser to Microsoft's sign-in, Windows authentication answers 401, a reverse proxy
 * shows its own page) the answer may be small; the exchange then records its size and status,
 * and this direction is tested only by the TLS handshake: `handshakeBytes` is the server's
 * certificate flight, and one larger than a full-size packet got through in full-size packets.
 * A certificate flight that does not get through stalls every handshake, the small one too:
 * then this probe cannot tell the path from a server that does not answer (the TLS probe's
 * timeout says where it stopped).
 */

/**
 * Deadline of each exchange (connect, TLS, request, complete answer).
 *
 * TCP and HTTP have already reached the address within milliseconds to a few hundred; a lost
 * packet is sent again after one retransmission timeout (0.2–1 s), so 3 s covers two of them. A
 * healthy path finishes both exchanges in a few round trips and never waits for this.
 */
export const MTU_EXCHANGE_TIMEOUT_MS = 3_000;

/**
 * Padding in the large request's head: four full-size packets on a 1500-byte path, below the
 * 8 KB a single header line may have at common reverse proxies (nginx, F5) and IIS' 16 KB.
 */
export const LARGE_REQUEST_PADDING_BYTES = 6_000;

/** The whole DF ping sweep; it only runs after a stall, so the path is known to be broken. */
export const DF_SWEEP_TIMEOUT_MS = 4_000;

/** Wait per ping: three round trips as TCP measured them, within sensible bounds. */
const PING_WAIT_MIN_MS = 300;
const PING_WAIT_MAX_MS = 1_000;

/** Both exchanges, the sweep, and room to hand in the result before the runner's cut. */
const MTU_PROBE_TIMEOUT_MS = MTU_EXCHANGE_TIMEOUT_MS + DF_SWEEP_TIMEOUT_MS + 500;

/** The EWS path answers an anonymous request with 401 on every Exchange, on premises and online. */
const PROBE_PATH = '/EWS/Exchange.asmx';

/**
 * An answer at least this large tests the server → client direction: three full-size packets
 * on a 1500-byte path, so no part of it fits below a smaller MTU by chance.
 */
export const LARGE_RESPONSE_MIN_BYTES = 3 * 1460;

/** OWA's forms sign-in page with the query `GET /owa/` redirects a browser there with. */
export function owaLogonPath(host: string, port: number): string {
  return `/owa/auth/logon.aspx?url=${encodeURIComponent(`https://${hostHeader(host, port)}/owa/`)}&reason=0`;
}

function hostHeader(host: string, port: number): string {
  return `${isIPv6(host) ? `[${host}]` : host}${port === 443 ? '' : `:${port}`}`;
}

export interface MtuProbeInput extends Endpoint {
  /** TCP connect time to the address, for the ping wait. */
  connectMs?: number;
}

/** One instance per address of the Exchange host whose TCP connect worked. */
export function planMtu(view: PlanView): ProbeTask<MtuProbeInput>[] {
  const server = view.input.server;
  if (!server) return [];
  const exchangeHost = normalizeName(server.host);
  return view
    .of('tcp')
    .filter((r) => r.status === 'ok' && r.data && !r.data.error && normalizeName(r.data.host) === exchangeHost && r.data.port === server.port)
    .map((r) => {
      const { host, address, family, port, connectMs } = r.data!;
      const input: MtuProbeInput = { host, address, family, port, ...(connectMs !== undefined ? { connectMs } : {}) };
      return { key: endpointKey(input), target: `${host} ${formatHostPort(address, port)}`, input, after: [r.id] };
    });
}

/** The request's headers, with `padding` bytes in a header of its own when asked for. */
export function mtuRequestHeaders(host: string, port: number, padding: number): HeaderList {
  // No Accept-Encoding: the answer comes uncompressed, as large as the server's page is.
  const headers: HeaderList = [
    ['Host', hostHeader(host, port)],
    ['User-Agent', OUTLOOK_USER_AGENT],
    ['Accept', '*/*'],
  ];
  if (padding > 0) headers.push(['X-Outlook-Doktor-Padding', 'x'.repeat(padding)]);
  headers.push(['Connection', 'close']);
  return headers;
}

/** The request, with `padding` bytes in a header of its own when asked for; EWS unless `path` says otherwise. */
export function mtuRequest(host: string, port: number, padding: number, path = PROBE_PATH): Buffer {
  const lines = [`GET ${path} HTTP/1.1`, ...mtuRequestHeaders(host, port, padding).map(([name, value]) => `${name}: ${value}`)];
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
}

/**
 * One exchange of the probe as an HTTP exchange for the bundle's HAR: the request as sent, the
 * answer's head as received (redacted); the body is not kept (only its size matters here).
 */
function mtuHttpExchange(input: MtuProbeInput, padding: number, path: string, measured: MtuExchange, head: ResponseHead | undefined, startedAt: string, now: number): HttpExchange {
  const url = `https://${hostHeader(input.host, input.port)}${path}`;
  return {
    request: { method: 'GET', url, headers: redactRequestHeaders(mtuRequestHeaders(input.host, input.port, padding)), bodyBytes: 0 },
    address: input.address,
    ...(head
      ? { response: { ...recordedResponse(head.headers, head.status, head.statusText, head.httpVersion, now), body: { bytes: Math.max(0, measured.responseBytes - head.headBytes), truncated: measured.outcome !== 'ok' } } }
      : {}),
    timings: { totalMs: measured.durationMs },
    startedAt,
    ...(measured.error ? { error: { kind: measured.outcome === 'stalled' ? 'timeout' : 'other', message: measured.error.message } } : {}),
  };
}

function describe(exchange: MtuExchange): string {
  const what = `${exchange.requestBytes} B request`;
  if (exchange.outcome === 'ok') return `${what}: answered in ${exchange.durationMs} ms`;
  return `${what}: ${exchange.outcome} (${exchange.error?.message ?? 'unknown'})`;
}

function describeLargeResponse(exchange: MtuExchange, small: MtuExchange): string {
  if (exchange.outcome !== 'ok') return `large answer: ${exchange.outcome} (${exchange.error?.message ?? 'unknown'})`;
  const what = `${exchange.responseBytes} B, status ${exchange.status ?? '?'}`;
  if (exchange.responseBytes >= LARGE_RESPONSE_MIN_BYTES) return `large answer (${what}) in ${exchange.durationMs} ms`;
  const flight = small.handshakeBytes ?? exchange.handshakeBytes;
  return `no large anonymous answer (${what}): server → client tested by the TLS handshake only${flight !== undefined ? ` (${flight} B)` : ''}`;
}

export const mtuProbe = defineProbe({
  id: 'mtu',
  kind: 'mtu',
  title: 'MTU (small vs large exchange)',
  timeoutMs: MTU_PROBE_TIMEOUT_MS,
  plan: planMtu,
  async run({ input, signal, services }) {
    const servername = ipFamilyOf(input.host) ? undefined : input.host;
    const context = tlsContext(services.trustedCa, 'modern');
    const largeResponsePath = owaLogonPath(input.host, input.port);
    const exchange = async (padding: number, path = PROBE_PATH) => {
      const startedAt = new Date(services.now()).toISOString();
      let head: ResponseHead | undefined;
      const measured = await sizedExchange({
        address: input.address,
        port: input.port,
        ...(servername ? { servername } : {}),
        context,
        request: mtuRequest(input.host, input.port, padding, path),
        timeoutMs: MTU_EXCHANGE_TIMEOUT_MS,
        signal,
        onHead: (h) => (head = h),
      });
      return { measured, http: mtuHttpExchange(input, padding, path, measured, head, startedAt, services.now()) };
    };
    const [smallRun, largeRun, largeResponseRun] = await Promise.all([exchange(0), exchange(LARGE_REQUEST_PADDING_BYTES), exchange(0, largeResponsePath)]);
    const small = smallRun.measured;
    const large = largeRun.measured;
    const largeResponse = largeResponseRun.measured;
    const data: MtuData = {
      host: input.host,
      address: input.address,
      family: input.family,
      port: input.port,
      small,
      large,
      largeResponse: { ...largeResponse, path: largeResponsePath.split('?')[0]! },
      exchanges: [smallRun.http, largeRun.http, largeResponseRun.http],
    };

    let sweepText = '';
    const stalled = large.outcome === 'stalled' || largeResponse.outcome === 'stalled';
    if (small.outcome === 'ok' && stalled && !signal.aborted) {
      const waitMs = Math.round(Math.min(PING_WAIT_MAX_MS, Math.max(PING_WAIT_MIN_MS, 3 * (input.connectMs ?? PING_WAIT_MIN_MS))));
      const { signal: sweepSignal } = deadlineSignal(signal, DF_SWEEP_TIMEOUT_MS, 'DF ping sweep');
      const sweep = await dfSweep(input.family, (payload) => dfPing({ family: input.family, address: input.address, payload, waitMs, signal: sweepSignal }), sweepSignal);
      if (sweep) {
        data.dfSweep = sweep;
        sweepText =
          sweep.largestPassingPayload === null
            ? '; DF ping: no answer at all (ICMP filtered)'
            : `; DF ping: largest payload passing ${sweep.largestPassingPayload} B${sweep.smallestFailingPayload ? `, ${sweep.smallestFailingPayload} B fails` : ''}`;
      } else {
        sweepText = '; DF ping not available here';
      }
    }
    const ok = small.outcome === 'ok' && large.outcome === 'ok' && largeResponse.outcome === 'ok';
    return {
      status: ok ? 'ok' : 'fail',
      summary: `small ${describe(small)}; large ${describe(large)}; ${describeLargeResponse(largeResponse, small)}${sweepText}`,
      data,
    };
  },
});
