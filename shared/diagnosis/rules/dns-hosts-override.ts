import { defineRule } from '../rule';
import { addressesOf, dnsViews } from '../dns-views';
import { combineHostHits, listArg, noteArg, severityForRole, type HostHit } from '../host-hits';
import { hostRoles } from '../host-roles';

/**
 * `dns.hosts-override`: a name Outlook uses is pinned in the hosts file, so the computer never
 * asks DNS for it. Works until the server moves, then fails on this one PC only.
 *
 * Lowered for Autodiscover names: pinning them is an old trick to steer Autodiscover and only
 * affects finding the settings.
 */
export const dnsHostsOverride = defineRule({
  id: 'dns.hosts-override',
  evaluate(evidence) {
    const roles = hostRoles(evidence);
    const hits: HostHit[] = [];
    for (const view of dnsViews(evidence).values()) {
      const role = roles.roleOf(view.name);
      const entries = view.system?.data.hostsFile.entries ?? [];
      if (role === 'other' || entries.length === 0) continue;
      const pinned = entries.map((e) => e.address);
      const direct = addressesOf(view.direct);
      const differs = direct.length > 0 && !direct.some((a) => pinned.includes(a));
      hits.push({
        host: view.name,
        role,
        evidence: [view.system!.id, ...(differs ? [view.direct!.id] : [])],
        args: {
          host: view.name,
          addresses: listArg(pinned),
          path: view.system!.data.hostsFile.path,
          lines: listArg(entries.map((e) => String(e.line))),
          ...(differs ? { directAnswer: listArg(direct) } : {}),
          ...noteArg([differs && 'differs']),
        },
        ...severityForRole('dns.hosts-override', role),
      });
    }
    return combineHostHits(hits);
  },
});
