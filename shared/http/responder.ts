import type { AuthChallenge, HeaderList, ResponderInfo } from '../model/probe-data';
import { exchangeHeadersIn } from './header-list';

/**
 * Tells from one anonymous answer whether Exchange answered, or something else in its place.
 *
 * A captive portal, a reverse proxy with pre-authentication or a plain web server answer
 * Exchange URLs with an HTML page or a redirect and no WWW-Authenticate challenge; Exchange
 * answers 401 with a challenge and its own headers (X-FEServer, …), or `200 OK<br/>SERVER`
 * on healthcheck.htm. Pure, so the probe records the verdict and rules can recompute it.
 */
export interface ResponderInput {
  /** Host name the request was sent to. */
  host: string;
  /** The request URL, to resolve a relative Location against. */
  url: string;
  status: number;
  headers: HeaderList;
  challenges: readonly AuthChallenge[];
  contentType?: string;
  /** Start of the body as text, if any. */
  preview?: string;
}

/** Exchange's anonymous health check answer: `200 OK<br/>SERVERNAME`. */
const HEALTHCHECK_BODY = /^\s*200 OK<br\s*\/?>\s*([^<\s]*)/i;

/** The server name in a health check answer, or undefined when the body is not one. */
export function healthcheckServer(preview: string | undefined): string | undefined {
  const match = preview === undefined ? null : HEALTHCHECK_BODY.exec(preview);
  return match ? match[1] ?? '' : undefined;
}

/** An HTML page, by content type or by the start of the body. */
export function looksLikeHtml(contentType: string | undefined, preview: string | undefined): boolean {
  if (contentType && /\b(text\/html|application\/xhtml\+xml)\b/i.test(contentType)) return true;
  return preview !== undefined && /^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<meta[\s>]|<body[\s>]|<title[\s>])/i.test(preview);
}

/** Host of a redirect target (relative targets resolve against the request URL), or undefined. */
export function redirectTargetHost(location: string | undefined, requestUrl: string): string | undefined {
  if (!location) return undefined;
  try {
    return new URL(location, requestUrl).hostname.toLowerCase().replace(/^\[|\]$/g, '');
  } catch {
    return undefined;
  }
}

export function classifyResponder(input: ResponderInput): ResponderInfo {
  const exchangeHeaders = exchangeHeadersIn(input.headers);
  const challenged = input.challenges.length > 0;
  const html = looksLikeHtml(input.contentType, input.preview);
  const isRedirect = input.status >= 300 && input.status < 400;
  const location = input.headers.find(([n]) => n.toLowerCase() === 'location')?.[1];
  const redirectHost = isRedirect ? redirectTargetHost(location, input.url) : undefined;
  const redirectForeign = redirectHost === undefined ? undefined : redirectHost !== input.host.toLowerCase().replace(/^\[|\]$/g, '');
  const base = {
    exchangeHeaders,
    challenged,
    html,
    ...(redirectHost !== undefined ? { redirectHost, redirectForeign } : {}),
  };

  // A redirect to another host without Exchange's headers is never Exchange's own login.
  if (redirectForeign && exchangeHeaders.length === 0 && !challenged) return { verdict: 'not-exchange', reason: 'redirect-foreign-host', ...base };
  if (exchangeHeaders.length > 0) return { verdict: 'exchange-like', reason: 'exchange-headers', ...base };
  if (challenged && input.status === 401) return { verdict: 'exchange-like', reason: 'challenge', ...base };
  if (input.status === 200 && healthcheckServer(input.preview) !== undefined) return { verdict: 'exchange-like', reason: 'healthcheck-answer', ...base };
  if (!challenged && isRedirect) return { verdict: 'not-exchange', reason: 'redirect-without-challenge', ...base };
  if (!challenged && html && input.status >= 200 && input.status < 300) return { verdict: 'not-exchange', reason: 'html-without-challenge', ...base };
  return { verdict: 'unknown', reason: 'other', ...base };
}
