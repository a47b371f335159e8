import type { Cookie, Entry, Har, Header, Timings } from 'har-format';
import type { HeaderList, HttpExchange } from '../model/probe-data';
import type { Report, ReportProbe } from '../report/report-schema';

/**
 * HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) of every HTTP exchange in a report.
 *
 * Exchanges are found by the shape of a probe's data, not by a list of probe ids, so probes
 * added later appear without a change here: data that is an `HttpExchange` itself, and every
 * `exchanges` list of exchanges inside it (the Autodiscover walk's candidates, the credential
 * test's legs, a PAC download, a CONNECT, the MTU transfers). Bodies are the capped previews the
 * evidence holds. The report given here must already be redacted: this only reshapes.
 */
export interface HarOptions {
  toolVersion: string;
  /** Shown as the log's comment (e.g. what was redacted). */
  comment?: string;
}

const PAGE_ID = 'page_1';

/** A probe result's data looks like an HTTP exchange. */
export function isHttpExchange(data: unknown): data is HttpExchange {
  if (!data || typeof data !== 'object') return false;
  const d = data as Partial<HttpExchange>;
  const r = d.request as Partial<HttpExchange['request']> | undefined;
  return (
    !!r &&
    typeof r === 'object' &&
    typeof r.method === 'string' &&
    typeof r.url === 'string' &&
    Array.isArray(r.headers) &&
    !!d.timings &&
    typeof d.timings.totalMs === 'number' &&
    typeof d.startedAt === 'string'
  );
}

/**
 * How deep `exchanges` lists are looked for inside a probe's data: `data.candidates[i].exchanges`
 * is the deepest the probes nest them; the cap keeps a hostile bundle's data from costing more.
 */
const MAX_EXCHANGE_NESTING = 4;

/** Every HTTP exchange in a report's probes, in report order (within a probe: as recorded). */
export function httpExchangesOf(report: Pick<Report, 'probes'>): { probe: ReportProbe; exchange: HttpExchange; nested: boolean }[] {
  const out: { probe: ReportProbe; exchange: HttpExchange; nested: boolean }[] = [];
  for (const probe of report.probes) {
    if (isHttpExchange(probe.data)) out.push({ probe, exchange: probe.data, nested: false });
    for (const exchange of nestedExchanges(probe.data, 0)) out.push({ probe, exchange, nested: true });
  }
  return out;
}

function nestedExchanges(value: unknown, depth: number): HttpExchange[] {
  if (depth > MAX_EXCHANGE_NESTING || !value || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((item) => nestedExchanges(item, depth + 1));
  const out: HttpExchange[] = [];
  for (const [key, child] of Object.entries(value)) {
    if (key === 'exchanges' && Array.isArray(child)) out.push(...child.filter(isHttpExchange));
    else out.push(...nestedExchanges(child, depth + 1));
  }
  return out;
}

export function buildHar(report: Report, options: HarOptions): Har {
  const entries = httpExchangesOf(report)
    .map(({ probe, exchange, nested }) => harEntry(probe, exchange, nested))
    .sort((a, b) => Date.parse(a.startedDateTime) - Date.parse(b.startedDateTime));
  const target = report.input.server ?? report.input.email ?? '';
  return {
    log: {
      version: '1.2',
      creator: { name: 'outlook-doktor', version: options.toolVersion },
      pages: [
        {
          startedDateTime: report.startedAt,
          id: PAGE_ID,
          title: `Outlook-Doktor ${target}`.trim(),
          pageTimings: { onContentLoad: -1, onLoad: -1 },
        },
      ],
      entries,
      ...(options.comment ? { comment: options.comment } : {}),
    },
  };
}

function harEntry(probe: ReportProbe, ex: HttpExchange, nested: boolean): Entry {
  const startedDateTime = Number.isNaN(Date.parse(ex.startedAt)) ? probe.startedAt : new Date(Date.parse(ex.startedAt)).toISOString();
  const timings = harTimings(ex);
  const time = [timings.connect, timings.send, timings.wait, timings.receive].reduce<number>((sum, t) => sum + Math.max(0, t ?? 0), 0);
  const res = ex.response;
  const httpVersion = httpVersionLabel(res?.httpVersion);
  // A nested exchange names its own address; the probe's data speaks of something else (a candidate list, a proxy decision).
  const address = nested ? ex.address : (probe.data as { address?: unknown }).address;
  const port = nested ? portOf(ex.request.url) : (probe.data as { port?: unknown }).port;
  const requestBodyBytes = ex.request.bodyBytes ?? (/^(GET|HEAD|OPTIONS)$/i.test(ex.request.method) ? 0 : -1);
  const entry: Entry = {
    pageref: PAGE_ID,
    startedDateTime,
    time: round(time),
    request: {
      method: ex.request.method,
      url: ex.request.url,
      httpVersion,
      cookies: requestCookies(ex.request.headers),
      headers: harHeaders(ex.request.headers),
      queryString: queryString(ex.request.url),
      headersSize: -1,
      bodySize: requestBodyBytes,
    },
    response: res
      ? {
          status: res.status,
          statusText: res.statusText,
          httpVersion,
          cookies: responseCookies(res.headers),
          headers: harHeaders(res.headers),
          content: {
            size: res.body.bytes,
            mimeType: res.body.contentType ?? 'x-unknown',
            ...(res.body.preview !== undefined ? { text: res.body.preview } : {}),
            ...(res.body.truncated ? { comment: 'body truncated: only the start was recorded' } : {}),
          },
          redirectURL: res.location ?? '',
          headersSize: -1,
          bodySize: res.body.bytes,
        }
      : {
          // What browsers write for a request that got no answer.
          status: 0,
          statusText: '',
          httpVersion,
          cookies: [],
          headers: [],
          content: { size: 0, mimeType: 'x-unknown' },
          redirectURL: '',
          headersSize: -1,
          bodySize: -1,
          ...(ex.error ? { _error: `${ex.error.kind}: ${ex.error.message}` } : {}),
        },
    cache: {},
    timings,
    ...(typeof address === 'string' && address ? { serverIPAddress: address } : {}),
    ...(typeof port === 'number' ? { connection: String(port) } : {}),
    comment: `probe ${probe.id} (${probe.status})${ex.error ? `, ${ex.error.kind}: ${ex.error.message}` : ''}`,
  };
  return entry;
}

/**
 * Maps the probe timings to HAR's phases.
 *
 * HAR counts TLS inside `connect` and marks phases it cannot tell with -1 (`blocked`, `dns`,
 * `connect`, `ssl` only); `send`, `wait` and `receive` must be numbers, so an unknown split puts
 * the whole time into `wait`.
 */
export function harTimings(ex: Pick<HttpExchange, 'timings'>): Timings {
  const t = ex.timings;
  const n = (v: number | undefined) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined);
  const connectMs = n(t.connectMs);
  const tlsMs = n(t.tlsMs);
  const total = n(t.totalMs) ?? 0;
  const connect = connectMs === undefined && tlsMs === undefined ? -1 : (connectMs ?? 0) + (tlsMs ?? 0);
  const afterConnect = Math.max(0, total - Math.max(0, connect));
  const ttfb = n(t.ttfbMs);
  const wait = ttfb === undefined ? afterConnect : Math.min(ttfb, afterConnect);
  const receive = Math.max(0, afterConnect - wait);
  return {
    blocked: -1,
    dns: -1,
    connect: connect < 0 ? -1 : round(connect),
    send: 0,
    wait: round(wait),
    receive: round(receive),
    ssl: tlsMs === undefined ? -1 : round(tlsMs),
  };
}

/** The port of an absolute URL, the scheme's default when it names none. */
function portOf(url: string): number | undefined {
  const m = /^(https?):\/\/(?:\[[^\]]*\]|[^/:?#]*)(?::(\d+))?/i.exec(url);
  if (!m) return undefined;
  if (m[2]) return Number(m[2]);
  return m[1]!.toLowerCase() === 'https' ? 443 : 80;
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

function httpVersionLabel(version: string | undefined): string {
  if (!version) return 'HTTP/1.1';
  if (/^http\//i.test(version)) return version.toUpperCase();
  return `HTTP/${version}`;
}

function harHeaders(headers: HeaderList): Header[] {
  return headers.filter((h) => Array.isArray(h) && h.length >= 2).map(([name, value]) => ({ name: String(name), value: String(value) }));
}

function queryString(url: string): { name: string; value: string }[] {
  const q = url.indexOf('?');
  if (q < 0) return [];
  const search = url.slice(q + 1).replace(/#.*$/, '');
  try {
    return [...new URLSearchParams(search).entries()].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

function requestCookies(headers: HeaderList): Cookie[] {
  const out: Cookie[] = [];
  for (const [name, value] of headers) {
    if (name.toLowerCase() !== 'cookie') continue;
    for (const pair of value.split(';')) {
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      out.push({ name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim() });
    }
  }
  return out;
}

function responseCookies(headers: HeaderList): Cookie[] {
  const out: Cookie[] = [];
  for (const [name, value] of headers) {
    if (name.toLowerCase() !== 'set-cookie') continue;
    const [first = '', ...attributes] = value.split(';');
    const eq = first.indexOf('=');
    if (eq <= 0) continue;
    const cookie: Cookie = { name: first.slice(0, eq).trim(), value: first.slice(eq + 1).trim() };
    for (const attribute of attributes) {
      const [key = '', ...rest] = attribute.split('=');
      const v = rest.join('=').trim();
      switch (key.trim().toLowerCase()) {
        case 'path':
          cookie.path = v;
          break;
        case 'domain':
          cookie.domain = v;
          break;
        case 'expires': {
          const at = Date.parse(v);
          if (!Number.isNaN(at)) cookie.expires = new Date(at).toISOString();
          break;
        }
        case 'httponly':
          cookie.httpOnly = true;
          break;
        case 'secure':
          cookie.secure = true;
          break;
      }
    }
    out.push(cookie);
  }
  return out;
}
