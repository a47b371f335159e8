import type { AutodiscoverMethod } from '../../../shared/model/probe-data';
import type { WalkInputs } from './walk-inputs';

/**
 * Outlook's Autodiscover candidates in its own order (protocol-facts §1.1, KB 3211279).
 *
 * Every step appears, tried or not: a step the registry turns off, that does not exist on this
 * platform or found nothing (no SCP, no SRV record) is listed as skipped with the reason, so the
 * walk reads like Outlook's "Test E-mail AutoConfiguration" log.
 */

/** Exchange Online's POX endpoint (steps 4 and 11). */
export const EXO_POX_URL = 'https://autodiscover-s.outlook.com/autodiscover/autodiscover.xml';
/** Exchange Online's v2 (JSON) endpoint, anonymous: tells whether it hosts the mailbox. */
export const EXO_V2_HOST = 'outlook.office365.com';
/** The POX path every Autodiscover host answers on. */
export const POX_PATH = '/autodiscover/autodiscover.xml';

/** How a candidate is asked. */
export type CandidateProbe =
  /** POST of the POX request (anonymous: 401 expected). */
  | 'pox'
  /** Unauthenticated GET on http://autodiscover.<domain>/…: only a redirect to https counts. */
  | 'http-redirect'
  /** GET of the v2 JSON for the mailbox. */
  | 'v2-json'
  /** The admin's local XML file. */
  | 'local-file';

export interface PlannedCandidate {
  method: AutodiscoverMethod;
  url: string;
  host: string;
  probe: CandidateProbe;
  /** Not tried, and why (`registry:ExcludeSrvRecord`, `not-windows`, `no-srv-record`, …). */
  skip?: string;
  /** Kept as the reason when nothing else decides (an SRV target outside the mail domain). */
  note?: string;
}

/** The v2 URL for a mailbox (protocol-facts §1.5). */
export function v2JsonUrl(host: string, email: string): string {
  return `https://${host}/autodiscover/autodiscover.json/v1.0/${encodeURIComponent(email)}?Protocol=AutodiscoverV1`;
}

export function planCandidates(inputs: WalkInputs): PlannedCandidate[] {
  const { domain, switches } = inputs;
  const list: PlannedCandidate[] = [];
  const excluded = (on: boolean | undefined, name: string) => (on ? `registry:${name}` : undefined);
  const add = (candidate: PlannedCandidate, skip?: string) => list.push(skip ? { ...candidate, skip } : candidate);
  const windowsOnly = (why: string | undefined) => (inputs.windows ? why : 'not-windows');

  const localXml = (): PlannedCandidate => {
    const path = inputs.localXmlPath;
    const url = path ? `file:///${path.replace(/\\/g, '/').replace(/^\/+/, '')}` : 'file:';
    return { method: 'local-xml', url, host: '', probe: 'local-file' };
  };
  const exchangeOnline = (skip: string | undefined) => {
    add({ method: 'v2-json', url: v2JsonUrl(EXO_V2_HOST, inputs.email), host: EXO_V2_HOST, probe: 'v2-json' }, skip);
    add({ method: 'exo', url: EXO_POX_URL, host: new URL(EXO_POX_URL).hostname, probe: 'pox' }, skip);
  };
  const exoExcluded = excluded(switches.excludeExplicitO365Endpoint, 'ExcludeExplicitO365Endpoint');

  // 2: the admin's local XML, when PreferLocalXML puts it first.
  if (switches.preferLocalXml) add(localXml(), windowsOnly(inputs.localXmlPath ? undefined : 'no-local-xml'));
  // 3: last known good.
  add(
    { method: 'last-known-good', url: inputs.lastKnownGood ?? '', host: hostOf(inputs.lastKnownGood), probe: 'pox' },
    windowsOnly(excluded(switches.excludeLastKnownGoodUrl, 'ExcludeLastKnownGoodURL') ?? (inputs.lastKnownGood ? undefined : 'no-last-known-good')),
  );
  // 4: Exchange Online first, when the heuristics say the mailbox lives there.
  if (inputs.microsoft365) exchangeOnline(exoExcluded);
  // 5: SCP in Active Directory, every URL, same site first.
  const scpSkip = windowsOnly(
    excluded(switches.excludeScpLookup, 'ExcludeScpLookup') ??
      (inputs.domainJoined === false ? 'not-domain-joined' : inputs.scp?.error ? 'scp-lookup-failed' : undefined),
  );
  const scpUrls = scpSkip ? [] : orderedScp(inputs);
  if (scpUrls.length === 0) add({ method: 'scp', url: '', host: '', probe: 'pox' }, scpSkip ?? 'no-scp-record');
  for (const url of scpUrls) add({ method: 'scp', url, host: hostOf(url), probe: 'pox' });
  // 6 and 7: the two https names of the mail domain.
  add({ method: 'root-domain', url: `https://${domain}${POX_PATH}`, host: domain, probe: 'pox' }, excluded(switches.excludeHttpsRootDomain, 'ExcludeHttpsRootDomain'));
  add(
    { method: 'autodiscover-domain', url: `https://autodiscover.${domain}${POX_PATH}`, host: `autodiscover.${domain}`, probe: 'pox' },
    excluded(switches.excludeHttpsAutoDiscoverDomain, 'ExcludeHttpsAutoDiscoverDomain'),
  );
  // 8: the local XML in its normal place.
  if (!switches.preferLocalXml) add(localXml(), windowsOnly(inputs.localXmlPath ? undefined : 'no-local-xml'));
  // 9: the unauthenticated redirect on plain http.
  add(
    { method: 'http-redirect', url: `http://autodiscover.${domain}${POX_PATH}`, host: `autodiscover.${domain}`, probe: 'http-redirect' },
    excluded(switches.excludeHttpRedirect, 'ExcludeHttpRedirect'),
  );
  // 10: the SRV record; Outlook ignores its port and takes the first record.
  const srvSkip = excluded(switches.excludeSrvRecord, 'ExcludeSrvRecord') ?? (inputs.srv === undefined ? 'srv-lookup-failed' : inputs.srv.length === 0 ? 'no-srv-record' : undefined);
  const target = inputs.srv?.[0]?.target.replace(/\.$/, '').toLowerCase();
  const srvCandidate: PlannedCandidate = target
    ? { method: 'srv', url: `https://${target}${POX_PATH}`, host: target, probe: 'pox' }
    : { method: 'srv', url: '', host: '', probe: 'pox' };
  if (target && target !== domain && !target.endsWith(`.${domain}`)) srvCandidate.note = 'target-outside-domain';
  add(srvCandidate, srvSkip);
  // 11: Exchange Online as the last resort.
  if (!inputs.microsoft365) exchangeOnline(exoExcluded);
  return list;
}

/** SCP URLs as Outlook tries them: same AD site, then no site, then other sites (pointers are not followed). */
function orderedScp(inputs: WalkInputs): string[] {
  const site = inputs.clientSite?.toLowerCase();
  const rank = (s: string | null) => (s === null ? 1 : s.toLowerCase() === site ? 0 : 2);
  const urls = (inputs.scp?.entries ?? [])
    .filter((e) => !e.pointer && /^https:\/\//i.test(e.url))
    .map((e, i) => ({ url: e.url, rank: rank(e.site), i }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((e) => e.url);
  return [...new Set(urls)];
}

function hostOf(url: string | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).hostname.toLowerCase().replace(/^\[|\]$/g, '');
  } catch {
    return '';
  }
}
