import type { AutodiscoverResponseKind, HttpExchange } from '../../../shared/model/probe-data';
import type { CandidateProbe } from './candidate-list';
import { POX_PATH } from './candidate-list';
import { parsePoxResponse, type PoxResponse } from './pox-response';
import { parseV2Json } from './v2-json';

/**
 * What one Autodiscover answer is, and where it sends Outlook next.
 *
 * Pure over the recorded exchange and the body bytes kept, so each kind of answer is tested
 * without a server.
 */

/** Where a redirect leads: a URL to POST to, with a new mailbox address after RedirectAddr. */
export interface NextHop {
  url: string;
  email?: string;
}

export interface ClassifiedAnswer {
  response: AutodiscoverResponseKind;
  errorCode?: string;
  /** As recorded in the candidate (Location, RedirectUrl, RedirectAddr, v2 Url). */
  redirectTo?: string;
  next?: NextHop;
  /** The answer does not count whatever it says (see CandidateChain.stop). */
  stop?: string;
  /** The parsed POX answer, for its settings. */
  pox?: PoxResponse;
}

export function classifyAnswer(probe: CandidateProbe, url: string, exchange: HttpExchange, body: Buffer | undefined): ClassifiedAnswer {
  const response = exchange.response;
  if (!response) return { response: 'no-answer' };
  const status = response.status;
  const location = response.location;

  if (status >= 300 && status < 400 && location) {
    const target = resolve(location, url);
    if (probe === 'v2-json') return { response: 'http-redirect', redirectTo: location, stop: 'mailbox-not-in-exo' };
    // Outlook follows 301/302 from the http step (KB 3211279) and any redirect from an https step.
    if (probe === 'http-redirect' && status !== 301 && status !== 302) return { response: 'not-exchange', redirectTo: location, stop: 'not-301-302' };
    if (!target) return { response: 'invalid', redirectTo: location };
    if (!target.startsWith('https://')) return { response: 'http-redirect', redirectTo: location, stop: 'not-https' };
    return { response: 'http-redirect', redirectTo: target, next: { url: target } };
  }
  if (status === 401) return response.challenges.length > 0 ? { response: 'exchange-401' } : { response: 'not-exchange' };
  if (status >= 500) return { response: 'server-error' };
  if (probe === 'v2-json' && status >= 400 && status < 500) {
    // The v2 endpoint refuses with a JSON error (400, `jsonerror: true`, protocol-facts §1.5): keep its code.
    const json = body !== undefined && !response.body.truncated ? parseV2Json(body) : undefined;
    return json?.kind === 'error' ? { response: 'not-exchange', errorCode: json.errorCode } : { response: 'not-exchange' };
  }
  if (status < 200 || status >= 300) return { response: 'not-exchange' };

  // A 2xx: only a complete, valid body counts.
  if (exchange.error || response.body.truncated || body === undefined) return { response: 'invalid' };
  if (probe === 'v2-json') {
    const json = parseV2Json(body);
    if (json.kind === 'url') return { response: 'json-url', redirectTo: json.url };
    if (json.kind === 'error') return { response: 'not-exchange', errorCode: json.errorCode };
    return { response: 'invalid' };
  }
  const pox = parsePoxResponse(body);
  const classified = fromPox(pox, url);
  // Over plain http Outlook only takes a redirect; an XML body is ignored (KB 3211279).
  if (probe === 'http-redirect') {
    const { next: _ignored, ...rest } = classified;
    return { ...rest, stop: 'http-body-ignored' };
  }
  return classified;
}

/** A parsed POX answer as a response kind, with the hop a redirect asks for. */
export function fromPox(pox: PoxResponse, url: string): ClassifiedAnswer {
  switch (pox.kind) {
    case 'settings':
      return { response: 'settings', pox };
    case 'error':
      return { response: 'pox-error', errorCode: pox.errorCode, pox };
    case 'redirect-url': {
      const target = resolve(pox.url, url);
      if (!target?.startsWith('https://')) return { response: 'redirect-url', redirectTo: pox.url, stop: 'not-https', pox };
      return { response: 'redirect-url', redirectTo: target, next: { url: target }, pox };
    }
    case 'redirect-addr': {
      // Outlook starts over with the new address; its domain's Autodiscover name answers for it.
      const domain = pox.address.slice(pox.address.lastIndexOf('@') + 1).toLowerCase();
      return { response: 'redirect-addr', redirectTo: pox.address, next: { url: `https://autodiscover.${domain}${POX_PATH}`, email: pox.address }, pox };
    }
    case 'invalid':
      return { response: 'invalid', pox };
  }
}

function resolve(location: string, base: string): string | undefined {
  try {
    return new URL(location, base).href;
  } catch {
    return undefined;
  }
}
