import { probesOf, type Evidence } from '../model/evidence';
import { mailDomain } from '../model/run-input';
import type { AuthChallenge, ExchangeEndpoint, HttpEndpointData, HttpExchange, ProbeDataMap, ProbeId } from '../model/probe-data';
import type { ProbeResultOf } from '../model/probe-result';

/**
 * Evidence queries shared by the HTTP, sign-in, Autodiscover, proxy and portal rules.
 *
 * Pure functions over `Evidence`; they decide nothing on their own, they only name what the
 * rules keep asking ("which endpoints answered", "is the mailbox path fine").
 */

/** An HTTP response as recorded by a probe. */
export type HttpResponse = NonNullable<HttpExchange['response']>;

/** One `http` probe instance that got an answer, whatever status the probe ended with. */
export interface HttpAnswer {
  id: string;
  data: HttpEndpointData;
  response: HttpResponse;
}

/**
 * The endpoints Outlook's mailbox connection runs over.
 *
 * When these fail Outlook shows "Getrennt"; Autodiscover, EWS and OWA failing alone leave an
 * existing profile connected (free/busy, out of office or profile setup suffer instead). Rules
 * lower their severity when only other endpoints are affected and these are fine.
 */
export const MAILBOX_ENDPOINTS: ReadonlySet<ExchangeEndpoint> = new Set<ExchangeEndpoint>(['mapi', 'rpc', 'rpc-in-data']);

/** Endpoints a healthy Exchange answers anonymously with 401 and WWW-Authenticate. */
export const CHALLENGING_ENDPOINTS: ReadonlySet<ExchangeEndpoint> = new Set<ExchangeEndpoint>([
  'autodiscover',
  'mapi',
  'rpc',
  'rpc-in-data',
  'ews',
]);

/** Longest list shown in a finding's text before it says how many more there are. */
const MAX_LISTED = 4;

/**
 * Results of one probe that carry data, whatever status they ended with.
 *
 * A probe may end `fail` or `timeout` and still record what it saw (a 407, a PAC error, a
 * refused CONNECT); the rules judge the data, not the status.
 */
export function withData<P extends ProbeId>(evidence: Pick<Evidence, 'probes'>, probe: P): (ProbeResultOf<P> & { data: ProbeDataMap[P] })[] {
  return probesOf(evidence, probe).filter((r): r is ProbeResultOf<P> & { data: ProbeDataMap[P] } => r.data !== undefined);
}

/** Every answered `http` probe instance, in run order. */
export function httpAnswers(evidence: Pick<Evidence, 'probes'>): HttpAnswer[] {
  const answers: HttpAnswer[] = [];
  for (const r of probesOf(evidence, 'http')) {
    if (r.data?.response) answers.push({ id: r.id, data: r.data, response: r.data.response });
  }
  return answers;
}

/** The 401 a healthy Exchange endpoint gives to the anonymous first request: status and at least one challenge. */
export function isChallengeAnswer(response: HttpResponse): boolean {
  return response.status === 401 && response.challenges.length > 0;
}

/** Scheme names of challenges, lower-cased, without duplicates, in the order sent. */
export function schemesOf(challenges: readonly AuthChallenge[]): string[] {
  return [...new Set(challenges.map((c) => c.scheme.toLowerCase()))];
}

/** Scheme names as people know them (`Negotiate`, `NTLM`, `Basic`, `Bearer`). */
export function schemeLabel(scheme: string): string {
  const known: Record<string, string> = { negotiate: 'Negotiate', ntlm: 'NTLM', basic: 'Basic', bearer: 'Bearer', kerberos: 'Kerberos' };
  return known[scheme.toLowerCase()] ?? scheme;
}

/** Schemes that carry Kerberos (Negotiate tries Kerberos first). */
export const KERBEROS_SCHEMES: ReadonlySet<string> = new Set(['negotiate', 'kerberos']);

/** URL without query and fragment: queries may carry mailbox ids or tokens that must not reach a text. */
export function withoutQuery(url: string): string {
  const cut = url.search(/[?#]/);
  return cut < 0 ? url : url.slice(0, cut);
}

/** Host name of a URL, lower-cased; undefined when it is not a URL. */
export function hostOfUrl(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^\[|\]$/g, '');
  } catch {
    return undefined;
  }
}

/** Host a Location header points to, resolved against the request URL; undefined when it does not parse. */
export function locationHost(location: string, requestUrl: string): string | undefined {
  try {
    return new URL(location, requestUrl).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * `host/path` of an endpoint as shown to people: the path asked, or the endpoint's name; a
 * method other than GET/POST goes in front (`RPC_IN_DATA mail.contoso.com/rpc/rpcproxy.dll`),
 * because /rpc answers differently per method.
 */
export function endpointLabel(data: Pick<HttpEndpointData, 'host' | 'endpoint' | 'request'>): string {
  let path = `/${data.endpoint}`;
  try {
    path = new URL(data.request.url).pathname;
  } catch {
    // A request URL that does not parse still has a name worth showing.
  }
  const method = data.request.method.toUpperCase();
  return method === 'GET' || method === 'POST' ? `${data.host}${path}` : `${method} ${data.host}${path}`;
}

/** A response in a few technical words: `HTTP 302 → https://sso.example/login (Server: BigIP)`. */
export function describeResponse(response: HttpResponse): string {
  let text = `HTTP ${response.status}`;
  const type = response.body.contentType?.split(';')[0]?.trim();
  if (type && !response.location) text += ` ${type}`;
  if (response.location) text += ` → ${withoutQuery(response.location)}`;
  if (response.identity.server) text += ` (Server: ${response.identity.server})`;
  return text;
}

/** Joins items for a text, at most `MAX_LISTED`, then `… (+n)`. */
export function listForText(items: readonly string[], separator = '; '): string {
  const unique = [...new Set(items)];
  const shown = unique.slice(0, MAX_LISTED).join(separator);
  return unique.length > MAX_LISTED ? `${shown}${separator}… (+${unique.length - MAX_LISTED})` : shown;
}

/**
 * Answers grouped by `host/path`, so several addresses of one name count once in a text while
 * every probe instance stays in the evidence.
 */
export function groupByEndpoint<T extends { id: string; data: Pick<HttpEndpointData, 'host' | 'endpoint' | 'request'> }>(
  items: readonly T[],
): { label: string; first: T; ids: string[] }[] {
  const groups = new Map<string, { label: string; first: T; ids: string[] }>();
  for (const item of items) {
    const label = endpointLabel(item.data);
    const group = groups.get(label);
    if (group) group.ids.push(item.id);
    else groups.set(label, { label, first: item, ids: [item.id] });
  }
  return [...groups.values()];
}

/**
 * Whether an endpoint answers like Exchange: the anonymous 401 with a challenge, or an accepted
 * credential test.
 */
export function endpointHealthy(evidence: Pick<Evidence, 'probes'>, endpoint: ExchangeEndpoint): boolean {
  if (httpAnswers(evidence).some((a) => a.data.endpoint === endpoint && isChallengeAnswer(a.response))) return true;
  return withData(evidence, 'auth.credentials').some((r) => r.data.endpoint === endpoint && r.data.attempts.some((t) => isSuccess(t.status)));
}

/** Whether Outlook's mailbox connection itself (/mapi or /rpc) answers like Exchange. */
export function mailboxPathHealthy(evidence: Pick<Evidence, 'probes'>): boolean {
  return [...MAILBOX_ENDPOINTS].some((endpoint) => endpointHealthy(evidence, endpoint));
}

/** A 2xx status. */
export function isSuccess(status: number | undefined): boolean {
  return status !== undefined && status >= 200 && status < 300;
}

/**
 * True when a finding about `endpoints` does not touch Outlook's mailbox connection: none of them
 * is /mapi or /rpc, and /mapi or /rpc was seen answering like Exchange. Without that evidence the
 * mailbox path is not known to be fine, so nothing is lowered.
 */
export function offMailboxPath(evidence: Pick<Evidence, 'probes'>, endpoints: Iterable<ExchangeEndpoint>): boolean {
  for (const endpoint of endpoints) if (MAILBOX_ENDPOINTS.has(endpoint)) return false;
  return mailboxPathHealthy(evidence);
}

/**
 * The names that belong to the organisation being diagnosed: the Exchange host, the mailbox
 * domain, and the parent domain of the Exchange host (mail.contoso.com → contoso.com).
 */
export function ownDomains(evidence: Pick<Evidence, 'input'>): string[] {
  const domains = new Set<string>();
  const host = evidence.input.server?.host.toLowerCase();
  if (host) {
    domains.add(host);
    const labels = host.split('.');
    if (labels.length > 2) domains.add(labels.slice(1).join('.'));
  }
  const domain = mailDomain(evidence.input);
  if (domain) domains.add(domain);
  return [...domains];
}

/** Whether `host` lies outside the organisation's names (a portal's or a foreign login page's host). */
export function isForeignHost(host: string, own: readonly string[]): boolean {
  const h = host.toLowerCase();
  return !own.some((d) => h === d || h.endsWith(`.${d}`));
}
