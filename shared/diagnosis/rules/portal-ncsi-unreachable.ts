import { probesOf } from '../../model/evidence';
import type { ConnectivityData, DnsErrorKind } from '../../model/probe-data';
import { describeResponse } from '../http-evidence';
import { withData } from '../evidence-queries';
import { defineRule } from '../rule';

/** DNS failures of the server itself (not of one name): the connectivity check's name fails with them too. */
const SERVER_FAILURES: ReadonlySet<DnsErrorKind> = new Set(['timeout', 'servfail', 'refused', 'network']);

/** The check never got past resolving its own host name: it failed with a DNS error or timeout before any address was known. */
const failedAtLookup = (data: ConnectivityData | undefined) =>
  data !== undefined && data.addresses === undefined && data.response === undefined && (data.error?.kind === 'dns' || data.error?.kind === 'timeout');

/**
 * Windows' own connectivity check fails without a portal in sight.
 *
 * Windows then shows "Kein Internetzugriff" and Office may stay offline even though Exchange is
 * reachable. Raised when no connectivity check came back `ok` and none saw a portal (that is
 * `portal.detected`); a machine without any network explains it too, and so does a DNS server
 * that fails for Outlook's names as well when the check could not even resolve its host
 * (`dns.timeout`, `dns.servfail` tell that cause).
 */
export const portalNcsiUnreachableRule = defineRule({
  id: 'portal.ncsi-unreachable',
  dependsOn: ['portal.detected', 'net.no-interface', 'net.apipa-only', 'net.no-gateway', 'dns.no-server'],
  evaluate(evidence) {
    const checks = probesOf(evidence, 'connectivity').filter((r) => r.status !== 'skipped');
    if (checks.length === 0) return null;
    if (checks.some((r) => r.data?.outcome === 'ok' || r.data?.outcome === 'portal')) return null;
    const dnsServerFails = withData(evidence, 'dns.direct').some((r) => r.data.addresses.length === 0 && r.data.error && SERVER_FAILURES.has(r.data.error.kind));
    if (dnsServerFails && checks.every((r) => failedAtLookup(r.data))) return null;
    const first = checks[0]!;
    const data = first.data;
    const answer = data?.response
      ? describeResponse(data.response)
      : data?.error
        ? `${data.error.kind}: ${data.error.message}`
        : `${first.status}: ${first.summary}`;
    return { evidence: checks.map((r) => r.id), args: { url: data?.url ?? evidence.input.connectivityUrl, answer } };
  },
});
