import type { Severity } from '../../model/severity';
import { SEVERITY_RANK } from '../../model/severity';
import { defineRule } from '../rule';
import { LINK_DOWN, PORTAL } from '../causes';
import { clientHasIpv6, reachByHost } from '../evidence-queries';
import { combineHostHits, listArg, severityForRole, type HostHit } from '../host-hits';
import { hostRoles, isOutlookRole } from '../host-roles';

/** Failures that come back at once (refused, no route): Windows moves on to IPv4 without waiting. */
const FAST_FAILURES = new Set(['refused', 'unreachable']);

/**
 * `ipv6.unreachable`: a name has IPv6 addresses, none of them can be reached, while IPv4 works.
 *
 * Windows prefers IPv6, so Outlook tries the dead address first and waits for its timeout on
 * every connection. Lowered when this computer has no IPv6 address of its own (then Windows
 * never tries IPv6: info), when the failures come back at once (short detour: warning), and
 * for Autodiscover names.
 */
export const ipv6Unreachable = defineRule({
  id: 'ipv6.unreachable',
  dependsOn: [...LINK_DOWN, ...PORTAL],
  evaluate(evidence) {
    const roles = hostRoles(evidence);
    const clientV6 = clientHasIpv6(evidence);
    const hits: HostHit[] = [];
    for (const [host, reach] of reachByHost(evidence)) {
      const role = roles.roleOf(host);
      if (!isOutlookRole(role)) continue;
      const v6 = reach.filter((a) => a.family === 6);
      const v4ok = reach.filter((a) => a.family === 4 && a.ok);
      if (v6.length === 0 || v6.some((a) => a.ok) || v4ok.length === 0) continue;
      const candidates: { severity: Severity; lowered?: string }[] = [severityForRole('ipv6.unreachable', role)];
      if (clientV6 === false) candidates.push({ severity: 'info', lowered: 'no-client-ipv6' });
      if (v6.every((a) => a.errors.every((e) => FAST_FAILURES.has(e)))) candidates.push({ severity: 'warning', lowered: 'fast-fail' });
      const least = candidates.reduce((a, b) => (SEVERITY_RANK[b.severity] > SEVERITY_RANK[a.severity] ? b : a));
      hits.push({
        host,
        role,
        evidence: [...v6.flatMap((a) => a.evidence), ...v4ok.flatMap((a) => a.evidence)],
        args: { host, addresses: listArg(v6.map((a) => a.address)), working: listArg(v4ok.map((a) => a.address)) },
        ...least,
      });
    }
    return combineHostHits(hits);
  },
});
