import { isIP } from 'node:net';
import type { ConnectivityData, ErrorInfo, HttpErrorKind, HttpExchange, ResolvedAddress } from '../../../shared/model/probe-data';
import { looksLikeHtml, redirectTargetHost } from '../../../shared/http/responder';
import { redactUrl } from '../../../shared/http/header-list';
import { defineProbe } from '../probe';
import { classifyHttpError } from '../net/http-error';
import { sendHttpRequest } from '../net/http-client';

/**
 * The captive-portal check: Windows' own connectivity test (NCSI) or the URL given.
 *
 * A guest or hotel network answers it with a redirect to its login host or with an HTML login
 * page; a filtering proxy with some other text. Windows shows "no internet" then, and Office
 * may stay offline. The name is resolved like any other name of the run; redirects are
 * recorded, never followed.
 */

/** Probe timeout: name lookup plus one plain HTTP request; NCSI itself gives up about as fast. */
export const CONNECTIVITY_PROBE_TIMEOUT_MS = 6_000;
/** The request's own deadline, leaving the probe time to record it. */
export const CONNECTIVITY_REQUEST_TIMEOUT_MS = 5_000;
/** Addresses tried when the first refuses or has no route (IPv6 first, IPv4 second, say). */
export const MAX_CONNECTIVITY_ADDRESSES = 2;
/** What Windows' check sends as User-Agent. */
export const NCSI_USER_AGENT = 'Microsoft NCSI';

export interface ConnectivityInput {
  url: string;
  expected: string;
}

export const connectivityProbe = defineProbe({
  id: 'connectivity',
  kind: 'http',
  title: 'Connectivity check (captive portal)',
  timeoutMs: CONNECTIVITY_PROBE_TIMEOUT_MS,
  plan: (view) => [
    {
      key: redactUrl(view.input.connectivityUrl),
      target: `GET ${redactUrl(view.input.connectivityUrl)}`,
      input: { url: view.input.connectivityUrl, expected: view.input.connectivityExpect },
    },
  ],
  async run({ signal, input, services }) {
    const started = performance.now();
    const startedAt = new Date(services.now()).toISOString();
    const headers: [string, string][] = [['User-Agent', NCSI_USER_AGENT]];
    const base = { url: redactUrl(input.url), expected: input.expected };

    let host: string;
    try {
      host = new URL(input.url).hostname.replace(/^\[|\]$/g, '');
    } catch {
      return failed(base, startedAt, started, { kind: 'other', message: 'invalid URL' }, 'fail');
    }

    let addresses: ResolvedAddress[];
    let lookupMs: number | undefined;
    const family = isIP(host);
    if (family !== 0) {
      addresses = [{ address: host, family: family === 6 ? 6 : 4 }];
    } else {
      const lookupStarted = performance.now();
      try {
        addresses = await services.lookup(host, signal);
        lookupMs = Math.round(performance.now() - lookupStarted);
      } catch (error) {
        const info = classifyHttpError(error);
        const kind = info.kind === 'timeout' || info.kind === 'aborted' ? info.kind : 'dns';
        return failed(base, startedAt, started, { ...info, kind, message: `${host}: ${info.message}` }, kind === 'timeout' ? 'timeout' : 'fail');
      }
      if (addresses.length === 0) return failed(base, startedAt, started, { kind: 'dns', message: `${host}: no addresses` }, 'fail');
    }

    let exchange: HttpExchange | undefined;
    let asked: string | undefined;
    for (const { address } of addresses.slice(0, MAX_CONNECTIVITY_ADDRESSES)) {
      asked = address;
      exchange = await sendHttpRequest(services, { url: input.url, address, method: 'GET', headers, signal, timeoutMs: CONNECTIVITY_REQUEST_TIMEOUT_MS });
      // Only a fast "nobody here" is worth another address; anything else is the answer.
      if (exchange.response || (exchange.error?.kind !== 'refused' && exchange.error?.kind !== 'unreachable')) break;
    }

    const judged = judgeConnectivity(exchange!, input.url, input.expected);
    const data: ConnectivityData = {
      ...exchange!,
      ...base,
      ...judged,
      address: asked!,
      addresses: addresses.map((a) => a.address),
      ...(lookupMs !== undefined ? { lookupMs } : {}),
    };
    const timedOut = exchange!.error?.kind === 'timeout';
    return {
      status: judged.outcome === 'ok' ? 'ok' : timedOut ? 'timeout' : 'fail',
      summary: summarizeConnectivity(data),
      data,
    };
  },
});

function failed(
  base: { url: string; expected: string },
  startedAt: string,
  started: number,
  error: ErrorInfo<HttpErrorKind>,
  status: 'fail' | 'timeout',
) {
  const data: ConnectivityData = {
    ...base,
    request: { method: 'GET', url: base.url, headers: [['User-Agent', NCSI_USER_AGENT]] },
    timings: { totalMs: Math.round(performance.now() - started) },
    startedAt,
    error,
    outcome: 'unreachable',
  };
  return { status, summary: summarizeConnectivity(data), data };
}

/** `<meta http-equiv="refresh" content="0;url=…">`: portals redirect with it as often as with 302. */
const META_REFRESH = /<meta[^>]+http-equiv\s*=\s*["']?refresh["']?[^>]*content\s*=\s*["'][^"']*url\s*=\s*([^"'>\s]+)/i;

/** What the answer to the connectivity check means. Pure. */
export function judgeConnectivity(
  exchange: HttpExchange,
  url: string,
  expected: string,
): Pick<ConnectivityData, 'outcome' | 'redirectHost' | 'portalReason'> {
  const response = exchange.response;
  if (!response) return { outcome: 'unreachable' };
  let askedHost: string;
  try {
    askedHost = new URL(url).hostname.toLowerCase().replace(/^\[|\]$/g, '');
  } catch {
    askedHost = '';
  }
  if (response.status === 511) return { outcome: 'portal', portalReason: 'network-authentication-required' };
  if (response.status >= 300 && response.status < 400) {
    const redirectHost = redirectTargetHost(response.location, url);
    if (redirectHost !== undefined && redirectHost !== askedHost) return { outcome: 'portal', portalReason: 'redirect-foreign-host', redirectHost };
    return { outcome: 'wrong-answer', ...(redirectHost !== undefined ? { redirectHost } : {}) };
  }
  const text = response.body.preview;
  if (response.status === 200 && !response.body.truncated && text !== undefined && text.trim() === expected.trim()) return { outcome: 'ok' };
  if (looksLikeHtml(response.body.contentType, text)) {
    const refresh = text === undefined ? null : META_REFRESH.exec(text);
    const redirectHost = refresh ? redirectTargetHost(refresh[1], url) : undefined;
    return { outcome: 'portal', portalReason: 'html-page', ...(redirectHost !== undefined ? { redirectHost } : {}) };
  }
  return { outcome: 'wrong-answer' };
}

function summarizeConnectivity(data: ConnectivityData): string {
  const ms = `(${Math.round(data.timings.totalMs)} ms)`;
  const status = data.response ? `${data.response.status}` : '';
  switch (data.outcome) {
    case 'ok':
      return `ok: ${status} "${data.expected}" ${ms}`;
    case 'portal':
      if (data.portalReason === 'redirect-foreign-host') return `portal: ${status} → ${data.redirectHost} ${ms}`;
      if (data.portalReason === 'network-authentication-required') return `portal: 511 Network Authentication Required ${ms}`;
      return `portal: ${status} HTML page instead of "${data.expected}" ${ms}`;
    case 'wrong-answer': {
      const preview = data.response?.body.preview?.trim().slice(0, 40);
      return `wrong answer: ${status}${data.redirectHost ? ` → ${data.redirectHost}` : ''}${preview ? ` "${preview}"` : ''} ${ms}`;
    }
    case 'unreachable':
      return `unreachable: ${data.error?.kind ?? 'no answer'}: ${data.error?.message ?? ''} ${ms}`;
  }
}
