import { defineRule } from '../rule';
import { exchangeReachable, localNetworkOf, realInterfaces } from '../evidence-queries';
import { hostRoles } from '../host-roles';
import { listArg } from '../host-hits';
import { ipScope } from '../ip-address';

/**
 * `net.apipa-only`: every IPv4 address of the real adapters is 169.254.x.x.
 *
 * Windows gives itself such an address when no DHCP server answered: a port in the wrong VLAN,
 * a dock or phone in between that does not pass the traffic. Lowered when Exchange answered
 * anyway (over IPv6), because then Outlook's path is not cut.
 */
export const netApipaOnly = defineRule({
  id: 'net.apipa-only',
  dependsOn: ['net.no-interface'],
  evaluate(evidence) {
    const result = localNetworkOf(evidence);
    if (!result) return null;
    const v4 = realInterfaces(result.data).flatMap((i) =>
      i.addresses.filter((a) => a.family === 4 && ipScope(a.address) !== 'unspecified').map((a) => ({ iface: i.name, address: a.address })),
    );
    const apipa = v4.filter((a) => ipScope(a.address) === 'link-local');
    if (apipa.length === 0 || apipa.length !== v4.length) return null;
    const args = { interfaces: listArg(apipa.map((a) => a.iface)), address: apipa[0]!.address };
    const reachable = exchangeReachable(evidence, hostRoles(evidence));
    return reachable
      ? { evidence: [result.id, ...reachable], args: { ...args, lowered: 'exchange-reachable' }, severity: 'warning' }
      : { evidence: [result.id], args };
  },
});
