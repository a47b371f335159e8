import { defineRule } from '../rule';
import { connectedInterfaces, exchangeReachable, localNetworkOf } from '../evidence-queries';
import { hostRoles } from '../host-roles';

/**
 * `net.no-gateway`: the computer has an address but no default route, so it reaches only its own
 * subnet.
 *
 * Only where the routing table could be read (`defaultRoutes` not null). Lowered when the
 * Exchange host answered anyway (same subnet, or routes of a split-tunnel VPN).
 */
export const netNoGateway = defineRule({
  id: 'net.no-gateway',
  dependsOn: ['net.no-interface', 'net.apipa-only'],
  evaluate(evidence) {
    const result = localNetworkOf(evidence);
    if (!result || result.data.defaultRoutes === null || result.data.defaultRoutes.length > 0) return null;
    if (connectedInterfaces(result.data).length === 0) return null;
    const reachable = exchangeReachable(evidence, hostRoles(evidence));
    return reachable
      ? { evidence: [result.id, ...reachable], args: { lowered: 'exchange-reachable' }, severity: 'warning' }
      : { evidence: [result.id] };
  },
});
