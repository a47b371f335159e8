import { defineRule } from '../rule';
import { LINK_DOWN, PORTAL } from '../causes';
import { reachByHost, type AddressReach } from '../evidence-queries';
import { combineHostHits, listArg, noteArg, severityForRole, type HostHit } from '../host-hits';
import { hostRoles } from '../host-roles';

/**
 * The addresses of a name that count as dead for `lb.dead-address`: those that refused or timed
 * out while another address of the name worked. When every IPv6 address fails but IPv4 works,
 * the IPv6 ones are `ipv6.unreachable`'s and do not count here.
 */
export function deadAddresses(reach: readonly AddressReach[]): AddressReach[] {
  if (!reach.some((a) => a.ok)) return [];
  const v6 = reach.filter((a) => a.family === 6);
  const ipv6Unreachable = v6.length > 0 && v6.every((a) => !a.ok) && reach.some((a) => a.family === 4 && a.ok);
  return reach.filter((a) => !a.ok && !(ipv6Unreachable && a.family === 6));
}

/**
 * `lb.dead-address`: some, but not all, addresses of a name cannot be reached on the HTTPS port.
 *
 * Outlook picks an address and may get the dead one: it hangs for the connect timeout and shows
 * "Getrennt" now and then, on some PCs and not others — typical for DNS round robin leftovers of
 * a retired server or a load balancer address that no longer forwards.
 */
export const lbDeadAddress = defineRule({
  id: 'lb.dead-address',
  dependsOn: [...LINK_DOWN, ...PORTAL],
  evaluate(evidence) {
    const roles = hostRoles(evidence);
    const hits: HostHit[] = [];
    for (const [host, reach] of reachByHost(evidence)) {
      const role = roles.roleOf(host);
      if (role === 'other') continue;
      const dead = deadAddresses(reach);
      if (dead.length === 0) continue;
      const errors = dead.flatMap((a) => a.errors);
      hits.push({
        host,
        role,
        evidence: [...dead.flatMap((a) => a.evidence), ...reach.filter((a) => a.ok).flatMap((a) => a.evidence)],
        args: {
          host,
          dead: listArg(dead.map((a) => a.address)),
          deadCount: dead.length,
          total: reach.length,
          port: dead[0]!.port,
          ...noteArg([errors.every((e) => e === 'refused') && 'refused', errors.every((e) => e === 'timeout') && 'timeout']),
        },
        ...severityForRole('lb.dead-address', role),
      });
    }
    return combineHostHits(hits);
  },
});
