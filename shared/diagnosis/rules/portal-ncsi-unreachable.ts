import { probesOf } from '../../model/evidence';
import { describeResponse } from '../http-evidence';
import { defineRule } from '../rule';

/**
 * Windows' own connectivity check fails without a portal in sight.
 *
 * Windows then shows "Kein Internetzugriff" and Office may stay offline even though Exchange is
 * reachable. Raised when no connectivity check came back `ok` and none saw a portal (that is
 * `portal.detected`); a machine without any network explains it too.
 */
export const portalNcsiUnreachableRule = defineRule({
  id: 'portal.ncsi-unreachable',
  dependsOn: ['portal.detected', 'net.no-interface', 'net.apipa-only', 'net.no-gateway', 'dns.no-server'],
  evaluate(evidence) {
    const checks = probesOf(evidence, 'connectivity').filter((r) => r.status !== 'skipped');
    if (checks.length === 0) return null;
    if (checks.some((r) => r.data?.outcome === 'ok' || r.data?.outcome === 'portal')) return null;
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
