import type { HeaderList, ServerIdentity } from '../model/probe-data';
import { redactChallengeTokens } from './www-authenticate';

/**
 * Reading and redacting recorded HTTP header lists.
 *
 * A header list keeps duplicates and the order as received (Exchange sends WWW-Authenticate
 * and X-FEServer several times); names compare case-insensitively.
 */

/** Every value of a header, in order. */
export function headerValues(headers: HeaderList, name: string): string[] {
  const wanted = name.toLowerCase();
  return headers.filter(([n]) => n.toLowerCase() === wanted).map(([, v]) => v);
}

/** The first value of a header, or undefined. */
export function headerValue(headers: HeaderList, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return headers.find(([n]) => n.toLowerCase() === wanted)?.[1];
}

/** Headers that identify the answering server; a header absent from the response stays absent here. */
export function serverIdentity(headers: HeaderList): ServerIdentity {
  const identity: ServerIdentity = {};
  const single: [keyof ServerIdentity, string][] = [
    ['server', 'server'],
    ['xBeServer', 'x-beserver'],
    ['xCalculatedBeTarget', 'x-calculatedbetarget'],
    ['xDiagInfo', 'x-diaginfo'],
    ['requestId', 'request-id'],
    ['xOwaVersion', 'x-owa-version'],
    ['xPoweredBy', 'x-powered-by'],
    ['xMsDiagnostics', 'x-ms-diagnostics'],
  ];
  for (const [key, name] of single) {
    const value = headerValue(headers, name);
    if (value !== undefined) (identity as Record<string, string>)[key] = value;
  }
  // Exchange Online answers through two front ends and then sends X-FEServer twice.
  const fe = headerValues(headers, 'x-feserver');
  if (fe.length > 0) identity.xFeServer = fe;
  return identity;
}

/**
 * Response headers only Exchange sends (2013 and later); one of them is enough to tell Exchange
 * from a reverse proxy, a portal or another web server answering in its place.
 */
export const EXCHANGE_HEADER_NAMES: readonly string[] = [
  'x-feserver',
  'x-beserver',
  'x-calculatedbetarget',
  'x-calculatedfetarget',
  'x-targetbeserver',
  'x-diaginfo',
  'x-owa-version',
  'x-serverapplication',
  'x-feproxyinfo',
  'x-backendhttpstatus',
  'x-responsecode',
];

/** The Exchange-specific headers present (lower-case names, each once). */
export function exchangeHeadersIn(headers: HeaderList): string[] {
  const present = new Set(headers.map(([n]) => n.toLowerCase()));
  return EXCHANGE_HEADER_NAMES.filter((n) => present.has(n));
}

const REDACTED = '[redacted]';

/** Request headers whose value is a credential. */
const SECRET_REQUEST_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie']);

/** Response headers whose value may carry a session or a token. */
const SECRET_RESPONSE_HEADERS = new Set(['authentication-info', 'proxy-authentication-info', 'persistent-auth', 'x-ms-token']);

/** Query parameter names that carry tokens or credentials in URLs (OAuth, portals, signed links). */
const SECRET_QUERY_PARAM = /token|code|pass|pwd|secret|sig|key|auth|session|sid|ticket|saml/i;

/** Request headers as they may be recorded: credential values replaced. */
export function redactRequestHeaders(headers: HeaderList): HeaderList {
  return headers.map(([name, value]) => [name, SECRET_REQUEST_HEADERS.has(name.toLowerCase()) ? REDACTED : value]);
}

/**
 * Response headers as they may be recorded.
 *
 * Set-Cookie keeps the cookie name only (the name tells which product set it, the value is a
 * session); token68 in WWW-/Proxy-Authenticate (NTLM type 2, Negotiate) is replaced by its
 * length; Location-like headers lose tokens in their query.
 */
export function redactResponseHeaders(headers: HeaderList): HeaderList {
  return headers.map(([name, value]) => {
    const lower = name.toLowerCase();
    if (lower === 'set-cookie' || lower === 'set-cookie2') return [name, `${cookieName(value)}=${REDACTED}`];
    if (SECRET_RESPONSE_HEADERS.has(lower)) return [name, REDACTED];
    if (lower === 'www-authenticate' || lower === 'proxy-authenticate') return [name, redactChallengeTokens(value)];
    if (lower === 'location' || lower === 'content-location') return [name, redactUrl(value)];
    if (lower === 'refresh') return [name, value.replace(/(url\s*=\s*)(\S+)/i, (_, prefix: string, url: string) => prefix + redactUrl(url))];
    return [name, value];
  });
}

function cookieName(setCookie: string): string {
  const eq = setCookie.indexOf('=');
  const semi = setCookie.indexOf(';');
  const end = eq >= 0 && (semi < 0 || eq < semi) ? eq : semi >= 0 ? semi : setCookie.length;
  return setCookie.slice(0, end).trim();
}

/**
 * A URL with user info and token-like query values replaced.
 *
 * Works on absolute and relative URLs and on text that is no URL at all (then only an obvious
 * `user:pass@` is removed); never throws.
 */
export function redactUrl(url: string): string {
  let out = url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#@]*@/i, `$1${REDACTED}@`);
  out = out.replace(/([?&;])([^=&#;]*)=([^&#;]*)/g, (whole, sep: string, name: string) =>
    SECRET_QUERY_PARAM.test(decodeSafe(name)) ? `${sep}${name}=${REDACTED}` : whole,
  );
  // Implicit-flow tokens travel in the fragment.
  out = out.replace(/#(.*)$/, (whole, fragment: string) => (/(access_token|id_token|code)=/i.test(fragment) ? `#${REDACTED}` : whole));
  return out;
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
