import { defineRule } from '../rule';
import { LINK_DOWN, NAME_UNRESOLVED, PORTAL } from '../causes';
import { addressesOf, dnsViews } from '../dns-views';
import { combineHostHits, noteArg, severityForRole, type HostHit } from '../host-hits';
import { hostRoles, isOutlookRole } from '../host-roles';

/** The catalog's threshold: beyond a second users notice, and Windows' own retry starts at 1 s. */
export const DNS_SLOW_MS = 1_000;

/**
 * `dns.slow`: resolving a name Outlook uses took longer than a second, or one query type (A or
 * AAAA) timed out while the other answered (the lookup then waits for that timeout every time).
 * A system answer from the hosts file does not count: no DNS server was asked.
 */
export const dnsSlow = defineRule({
  id: 'dns.slow',
  dependsOn: [...LINK_DOWN, ...NAME_UNRESOLVED, ...PORTAL],
  evaluate(evidence) {
    const roles = hostRoles(evidence);
    const hits: HostHit[] = [];
    for (const view of dnsViews(evidence).values()) {
      const role = roles.roleOf(view.name);
      if (!isOutlookRole(role)) continue;
      // An answer from the hosts file involved no DNS server: its time is reading a local file.
      const system = view.system?.data.source === 'hosts-file' ? undefined : view.system;
      const durations = [system, view.direct].filter((r) => r && addressesOf(r).length > 0).map((r) => r!.data.durationMs);
      if (durations.length === 0) continue;
      const ms = Math.max(...durations);
      const partial = addressesOf(view.direct).length > 0 && view.direct?.data.error?.kind === 'timeout';
      if (ms <= DNS_SLOW_MS && !partial) continue;
      hits.push({
        host: view.name,
        role,
        evidence: [view.system?.id, view.direct?.id].filter((id): id is string => id !== undefined),
        args: { host: view.name, ms: Math.round(ms), ...noteArg([partial && 'partial-timeout']) },
        ...severityForRole('dns.slow', role),
      });
    }
    return combineHostHits(hits);
  },
});
