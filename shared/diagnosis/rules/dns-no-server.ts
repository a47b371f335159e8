import { defineRule } from '../rule';
import { localNetworkOf, withData } from '../evidence-queries';
import { addressesOf, dnsViews } from '../dns-views';
import { hostRoles } from '../host-roles';

/**
 * `dns.no-server`: the computer has no DNS server configured, so no name can be resolved.
 *
 * Lowered when the operating system resolved the Exchange host anyway (hosts file, cache): then
 * Outlook's own name works for now, while everything else fails.
 */
export const dnsNoServer = defineRule({
  id: 'dns.no-server',
  dependsOn: ['net.no-interface', 'net.apipa-only'],
  evaluate(evidence) {
    const result = localNetworkOf(evidence);
    if (!result || result.data.dnsServers.length > 0) return null;
    if (withData(evidence, 'dns.direct').some((r) => r.data.servers.length > 0)) return null;
    const roles = hostRoles(evidence);
    const resolved = [...dnsViews(evidence).values()].filter((v) => roles.roleOf(v.name) === 'exchange' && addressesOf(v.system).length > 0);
    if (resolved.length === 0) return { evidence: [result.id] };
    return {
      evidence: [result.id, ...resolved.map((v) => v.system!.id)],
      args: { host: resolved[0]!.name, lowered: 'system-resolves' },
      severity: 'warning',
    };
  },
});
