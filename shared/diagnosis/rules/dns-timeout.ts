import type { DnsErrorKind } from '../../model/probe-data';
import { defineRule } from '../rule';
import { LINK_DOWN, PORTAL } from '../causes';
import { addressesOf, dnsServersOf, dnsViews, failureOf, isNegative } from '../dns-views';
import { combineHostHits, listArg, noteArg, type HostHit } from '../host-hits';
import { hostRoles } from '../host-roles';

const NO_ANSWER = (kind: DnsErrorKind | undefined) => kind === 'timeout' || kind === 'network';

/**
 * `dns.timeout`: the DNS server did not answer for the Exchange host (timed out, or could not be
 * reached at all).
 *
 * Raised also when the operating system still had an answer (its cache) but a fresh query got
 * none: the cache runs out within minutes, and a silent DNS server usually means a broken path.
 * Never lowered, because it explains the unreachability that follows (`dependsOn` of TCP rules).
 */
export const dnsTimeout = defineRule({
  id: 'dns.timeout',
  dependsOn: [...LINK_DOWN, 'dns.no-server', ...PORTAL],
  evaluate(evidence) {
    const roles = hostRoles(evidence);
    const hits: HostHit[] = [];
    for (const view of dnsViews(evidence).values()) {
      if (roles.roleOf(view.name) !== 'exchange') continue;
      const system = failureOf(view.system);
      const direct = failureOf(view.direct);
      if (!NO_ANSWER(system) && !NO_ANSWER(direct)) continue;
      // A view that says "does not exist" is an answer: that is dns.nxdomain.
      if (isNegative(system) || isNegative(direct)) continue;
      hits.push({
        host: view.name,
        role: 'exchange',
        evidence: [NO_ANSWER(system) && view.system?.id, NO_ANSWER(direct) && view.direct?.id].filter((id): id is string => typeof id === 'string'),
        args: {
          host: view.name,
          servers: listArg(dnsServersOf(evidence, view)) || '—',
          ...noteArg([addressesOf(view.system).length > 0 && 'cached', (system === 'network' || direct === 'network') && 'network']),
        },
        severity: 'problem',
      });
    }
    return combineHostHits(hits);
  },
});
