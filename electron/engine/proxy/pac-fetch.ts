import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { ErrorInfo, HeaderList, HttpExchange, PacErrorKind } from '../../../shared/model/probe-data';
import { redactRequestHeaders, redactUrl } from '../../../shared/http/header-list';
import { bodyOf, recordedResponse } from '../net/http-client';
import { classifyHttpError } from '../net/http-error';
import { isIP } from '../../../shared/validate';
import type { RunServices } from '../run-services';
import { reasonText } from '../net/tcp-connect';
import { deadlineSignal } from '../net/deadline-signal';

/**
 * Downloads a PAC file the way Windows does for Outlook, with a size cap and a deadline.
 *
 * http and https only: WinHTTP, which Outlook's connections use, ignores `file://` scripts since
 * Internet Explorer 11. The name is resolved by the run's resolver (hosts file, `--dns-server`);
 * an https script needs a certificate the run trusts, as it does for Windows. Redirects are
 * followed a few times. Never throws.
 */

/** A large company PAC file is a few hundred KB; beyond 1 MiB it is not a PAC file any more. */
export const MAX_PAC_BYTES = 1024 * 1024;
/** Whole download. Windows gives up on a script server after a few seconds too, then goes on without it. */
export const PAC_FETCH_TIMEOUT_MS = 3_000;
/** Redirects followed: enough for http → https or a moved file, short of a loop. */
export const MAX_PAC_REDIRECTS = 3;

export interface PacFetch {
  /** The URL finally fetched (after redirects), credentials and token-like query values removed. */
  url: string;
  status?: number;
  bytes?: number;
  text?: string;
  error?: ErrorInfo<PacErrorKind>;
  /** Every request made (one per redirect), recorded like any HTTP exchange; the script's text capped as a body preview. */
  exchanges: HttpExchange[];
}

export async function fetchPac(services: RunServices, url: string, signal: AbortSignal, timeoutMs = PAC_FETCH_TIMEOUT_MS): Promise<PacFetch> {
  const { signal: deadline } = deadlineSignal(signal, timeoutMs, 'PAC download');
  const exchanges: HttpExchange[] = [];
  let current = url;
  for (let hop = 0; ; hop += 1) {
    const { exchange, ...result } = await fetchOnce(services, current, deadline);
    if (exchange) exchanges.push(exchange);
    if ('redirect' in result) {
      if (hop >= MAX_PAC_REDIRECTS) return { url: redactUrl(current), status: result.status, error: { kind: 'fetch', message: `more than ${MAX_PAC_REDIRECTS} redirects` }, exchanges };
      current = result.redirect;
      continue;
    }
    return { ...result, exchanges };
  }
}

type Once = (Omit<PacFetch, 'exchanges'> | { redirect: string; status: number }) & { exchange?: HttpExchange };

async function fetchOnce(services: RunServices, text: string, signal: AbortSignal): Promise<Once> {
  const shown = redactUrl(text);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { url: shown, error: { kind: 'fetch', message: 'not a URL' } };
  }
  if (url.protocol === 'file:') return { url: shown, error: { kind: 'fetch', code: 'file-url', message: 'file:// scripts are ignored by WinHTTP, which Outlook uses (since Internet Explorer 11)' } };
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { url: shown, error: { kind: 'fetch', message: `unsupported scheme ${url.protocol}` } };
  const host = url.hostname.replace(/^\[|\]$/g, '');

  let address = host;
  if (!isIP(host)) {
    try {
      const addresses = await services.lookup(host, signal);
      if (addresses.length === 0) throw Object.assign(new Error(`${host} has no address`), { code: 'ENODATA' });
      address = addresses[0]!.address;
    } catch (error) {
      if (signal.aborted) return { url: shown, error: timeoutError(signal) };
      const code = (error as { code?: string }).code;
      return { url: shown, error: { kind: 'fetch', ...(code ? { code } : {}), message: `name lookup failed: ${reasonText(error)}` } };
    }
  }

  const sentHeaders: HeaderList = [
    ['Host', url.host],
    ['Accept', '*/*'],
    ['User-Agent', 'Mozilla/4.0 (compatible; Win32; WinHttp.WinHttpRequest.5)'],
  ];
  const startedAt = new Date(services.now()).toISOString();
  const t0 = performance.now();
  return new Promise<Once>((resolve) => {
    let done = false;
    let head: Omit<NonNullable<HttpExchange['response']>, 'body'> | undefined;
    let ttfbMs: number | undefined;
    const chunks: Buffer[] = [];
    let received = 0;
    const finish = (result: Once) => {
      if (done) return;
      done = true;
      signal.removeEventListener('abort', onAbort);
      request.destroy();
      const error = 'error' in result ? result.error : undefined;
      const exchange: HttpExchange = {
        request: { method: 'GET', url: shown, headers: redactRequestHeaders(sentHeaders), bodyBytes: 0 },
        address,
        ...(head ? { response: { ...head, body: bodyOf(head.headers, Buffer.concat(chunks), received, received > MAX_PAC_BYTES) } } : {}),
        timings: { ...(ttfbMs !== undefined ? { ttfbMs } : {}), totalMs: Math.round((performance.now() - t0) * 10) / 10 },
        startedAt,
        ...(error ? exchangeError(error) : {}),
      };
      resolve({ ...result, exchange });
    };
    const onAbort = () => finish({ url: shown, error: timeoutError(signal) });
    const options: https.RequestOptions = {
      host: address,
      port: url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80,
      path: `${url.pathname}${url.search}`,
      method: 'GET',
      headers: Object.fromEntries(sentHeaders),
      agent: false,
      ...(url.protocol === 'https:' ? { servername: isIP(host) ? undefined : host, ca: [...services.trustedCa] } : {}),
    };
    const request = (url.protocol === 'https:' ? https : http).request(options, (response: IncomingMessage) => {
      const status = response.statusCode ?? 0;
      ttfbMs = Math.round((performance.now() - t0) * 10) / 10;
      head = recordedResponse(rawHeaderPairs(response.rawHeaders), status, response.statusMessage ?? '', response.httpVersion, services.now());
      const location = response.headers.location;
      if (status >= 300 && status < 400 && location) {
        let next: string;
        try {
          next = new URL(location, url).href;
        } catch {
          finish({ url: shown, status, error: { kind: 'http-status', message: `redirect to an unreadable location` } });
          return;
        }
        finish({ redirect: next, status });
        return;
      }
      if (status !== 200) {
        finish({ url: shown, status, error: { kind: 'http-status', message: response.statusMessage || `status ${status}` } });
        return;
      }
      let bytes = 0;
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        received = bytes;
        if (bytes > MAX_PAC_BYTES) {
          finish({ url: shown, status, bytes, error: { kind: 'too-large', message: `more than ${MAX_PAC_BYTES} bytes` } });
          return;
        }
        chunks.push(chunk);
      });
      response.once('end', () => {
        const text = new TextDecoder('utf-8').decode(Buffer.concat(chunks)).replace(/^\uFEFF/, '');
        finish({ url: shown, status, bytes, text });
      });
      response.once('error', (error) => finish({ url: shown, status, bytes, error: { kind: 'fetch', message: `body: ${reasonText(error)}` } }));
    });
    request.once('error', (error: NodeJS.ErrnoException) =>
      finish({ url: shown, error: { kind: 'fetch', ...(error.code ? { code: error.code } : {}), message: reasonText(error) } }),
    );
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    request.end();
  });
}

/**
 * The PAC error as the exchange's error, where it is one of the exchange: a status other than
 * 200 is an answer, and a file over the cap a truncated body, not failures of the request.
 */
function exchangeError(error: ErrorInfo<PacErrorKind>): Pick<HttpExchange, 'error'> {
  if (error.kind === 'http-status' || error.kind === 'too-large') return {};
  const info = error.kind === 'timeout' ? { kind: 'timeout' as const, message: error.message } : classifyHttpError(Object.assign(new Error(error.message), { code: error.code }));
  return { error: { ...info, message: error.message } };
}

/** Node's rawHeaders (name, value, …) as a list, duplicates and case kept. */
function rawHeaderPairs(raw: string[]): HeaderList {
  const list: HeaderList = [];
  for (let i = 0; i + 1 < raw.length; i += 2) list.push([raw[i]!, raw[i + 1]!]);
  return list;
}

function timeoutError(signal: AbortSignal): ErrorInfo<PacErrorKind> {
  return { kind: 'timeout', message: `no complete PAC file in time: ${reasonText(signal.reason)}` };
}
