import type { Evidence } from '../model/evidence';
import type { DnsQueryResult } from '../model/probe-data';
import type { SectionId } from '../model/sections';
import { withData, type WithData } from './evidence-queries';
import { httpAnswers } from './http-evidence';
import { normalizeHost } from './ip-address';

/**
 * Which probes look at a section: what the app's running screen fills a section's progress from.
 *
 * That a probe ran says nothing about whether it found anything out; whether a section was
 * actually checked is `SECTION_EVIDENCE`'s to say.
 */
export const SECTION_COVERAGE: Record<SectionId, readonly string[]> = {
  physical: ['local.network'],
  'network-change': ['local.network-recheck'],
  // VPN adapters come from the interface list; a hidden VPN shows as Windows' answer (lookup or
  // cache) differing from a fresh query.
  vpn: ['local.network', 'dns.system', 'collector.dns-cache', 'dns.direct'],
  mtu: ['mtu'],
  'desktop-firewall': ['tcp'],
  tls: ['tls'],
  ipv6: ['dns.direct'],
  'captive-portal': ['connectivity'],
  proxy: ['proxy.config', 'proxy.connect'],
  dns: ['dns.system', 'dns.direct'],
  'load-balancer': ['tcp'],
  autodiscover: ['autodiscover'],
  auth: ['http', 'auth.credentials', 'auth.kerberos'],
  server: ['http', 'auth.credentials'],
};

/**
 * Per section, the probe results whose recorded evidence can tell about it (ids, run order).
 *
 * A section without a finding is `ok` only when this is not empty; otherwise it is
 * `not-checked`. A probe that ran but recorded nothing the section's rules could judge (an HTTP
 * request that timed out before any answer, a lookup cut off by the deadline without data)
 * checked nothing, and an empty result must never read as "fine".
 */
export const SECTION_EVIDENCE: Record<SectionId, (evidence: Evidence) => string[]> = {
  physical: (e) => ids(withData(e, 'local.network')),
  // A change needs two snapshots to compare.
  'network-change': (e) => (withData(e, 'local.network').length > 0 ? ids(withData(e, 'local.network-recheck')) : []),
  // The adapter list shows VPN adapters; a hidden one shows as the two DNS views of a name differing.
  vpn: (e) => [...ids(withData(e, 'local.network')), ...comparableDnsViews(e)],
  // Only a small exchange that passed makes a stalled large one mean "packet size".
  mtu: (e) => ids(withData(e, 'mtu').filter((r) => r.data.small.outcome === 'ok')),
  'desktop-firewall': (e) => tcpResults(e),
  tls: (e) => ids(withData(e, 'tls').filter((r) => r.data.protocol !== undefined || r.data.error !== undefined || r.data.legacy?.ok === true)),
  ipv6: (e) => ipv6Evidence(e),
  // Windows' check answered, or an Exchange URL did (by Exchange or by a portal).
  'captive-portal': (e) => [...ids(withData(e, 'connectivity').filter((r) => r.data.outcome !== 'unreachable')), ...httpAnswers(e).map((a) => a.id)],
  // The decision itself is the evidence: no proxy applies, or which one does.
  proxy: (e) => [...ids(withData(e, 'proxy.config')), ...ids(withData(e, 'proxy.connect').filter((r) => r.data.outcome !== 'no-answer'))],
  dns: (e) => ids([...withData(e, 'dns.system'), ...withData(e, 'dns.direct')].filter((r) => r.data.addresses.length > 0 || r.data.error !== undefined)),
  'load-balancer': (e) => tcpResults(e),
  autodiscover: (e) =>
    ids(withData(e, 'autodiscover').filter((r) => r.data.winner !== undefined || r.data.candidates.some((c) => c.decision === 'used' || c.decision === 'passed-over'))),
  auth: (e) => [...httpAnswers(e).map((a) => a.id), ...answeredCredentialTests(e), ...answeredAutodiscover(e)],
  server: (e) => [...httpAnswers(e).map((a) => a.id), ...answeredCredentialTests(e)],
};

const ids = (results: readonly { id: string }[]) => results.map((r) => r.id);

/** TCP connects that ended one way or the other (connected, refused, timed out, …). */
function tcpResults(evidence: Evidence): string[] {
  return ids(withData(evidence, 'tcp').filter((r) => r.data.connectMs !== undefined || r.data.error !== undefined));
}

/** Credential tests in which the server answered at least once. */
function answeredCredentialTests(evidence: Evidence): string[] {
  return ids(withData(evidence, 'auth.credentials').filter((r) => r.data.attempts.some((a) => a.status !== undefined)));
}

/** Autodiscover walks in which a candidate answered over HTTP (its challenge tells about sign-in). */
function answeredAutodiscover(evidence: Evidence): string[] {
  return ids(withData(evidence, 'autodiscover').filter((r) => r.data.candidates.some((c) => c.http?.status !== undefined)));
}

type DnsAnswer = WithData<'dns.system'> | WithData<'dns.direct'>;
const answered = (r: DnsAnswer) => r.data.addresses.length > 0 || r.data.error !== undefined;

/** Both DNS views of one name came back with an answer or an error, so they can be compared. */
function comparableDnsViews(evidence: Evidence): string[] {
  const direct = new Map(withData(evidence, 'dns.direct').filter(answered).map((r) => [normalizeHost(r.data.name), r.id]));
  const found: string[] = [];
  for (const system of withData(evidence, 'dns.system').filter(answered)) {
    const other = direct.get(normalizeHost(system.data.name));
    if (other) found.push(system.id, other);
  }
  return found;
}

/** An AAAA answer: records, or a definite "none"; a timeout or server error says nothing. */
const aaaaAnswered = (q: DnsQueryResult) => q.type === 'AAAA' && (q.error === undefined || q.error.kind === 'nxdomain' || q.error.kind === 'nodata');

/**
 * The IPv6 section needs to know whether the names have IPv6 addresses (an AAAA answer), and,
 * where they have, whether those can be reached (a TCP result for each of them).
 */
function ipv6Evidence(evidence: Evidence): string[] {
  const dnsIds = ids(withData(evidence, 'dns.direct').filter((r) => r.data.queries.some(aaaaAnswered)));
  if (dnsIds.length === 0) return [];
  const v6 = new Set(
    [...withData(evidence, 'dns.direct'), ...withData(evidence, 'dns.system')].flatMap((r) => r.data.addresses.filter((a) => a.family === 6).map((a) => a.address)),
  );
  const tcp = withData(evidence, 'tcp').filter((r) => r.data.family === 6 && (r.data.connectMs !== undefined || r.data.error !== undefined));
  const reached = new Set(tcp.map((r) => r.data.address));
  if ([...v6].some((address) => !reached.has(address))) return [];
  return [...dnsIds, ...ids(tcp)];
}
