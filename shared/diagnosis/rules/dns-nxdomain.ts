import { defineRule } from '../rule';
import { LINK_DOWN, PORTAL } from '../causes';
import { addressesOf, dnsViews, failureOf, isNegative } from '../dns-views';
import { combineHostHits, noteArg, type HostHit } from '../host-hits';
import { hostRoles } from '../host-roles';
import { normalizeHost } from '../ip-address';

/**
 * `dns.nxdomain`: the Exchange host name does not exist (or exists without any address), and no
 * view of it resolves.
 *
 * Only the Exchange host: that an Autodiscover name does not exist is common and harmless when
 * another candidate works (part of `autodiscover.*`). When only the mail address was given, the
 * stand-in `autodiscover.<domain>` is such a candidate, not a known server. When one view
 * resolves and the other does not, the views disagree: that is `dns.system-mismatch`.
 */
export const dnsNxdomain = defineRule({
  id: 'dns.nxdomain',
  dependsOn: [...LINK_DOWN, 'dns.no-server', ...PORTAL],
  evaluate(evidence) {
    const roles = hostRoles(evidence);
    const hits: HostHit[] = [];
    for (const view of dnsViews(evidence).values()) {
      if (roles.roleOf(view.name) !== 'exchange' || roles.isStandIn(view.name)) continue;
      if (addressesOf(view.system).length > 0 || addressesOf(view.direct).length > 0) continue;
      const negative = [failureOf(view.system), failureOf(view.direct)].filter(isNegative);
      if (negative.length === 0) continue;
      const chain = view.direct?.data.cnameChain ?? [];
      const target = chain.length ? normalizeHost(chain[chain.length - 1]!) : view.name;
      hits.push({
        host: view.name,
        role: 'exchange',
        evidence: [view.system?.id, view.direct?.id].filter((id): id is string => id !== undefined),
        args: {
          host: view.name,
          ...(target !== view.name ? { target } : {}),
          ...noteArg([negative.every((k) => k === 'nodata') && 'nodata', target !== view.name && 'cname']),
        },
        severity: 'problem',
      });
    }
    return combineHostHits(hits);
  },
});
