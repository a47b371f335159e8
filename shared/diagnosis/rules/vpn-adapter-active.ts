import { defineRule } from '../rule';
import { connectedInterfaces, localNetworkOf } from '../evidence-queries';
import { listArg } from '../host-hits';

/**
 * `vpn.adapter-active`: a VPN or tunnel adapter is up with an address.
 *
 * Information, not a fault: the VPN decides which DNS server and which path Exchange is reached
 * through, so support needs to know it was on. Disconnected VPN adapters (no routable address)
 * do not count.
 */
export const vpnAdapterActive = defineRule({
  id: 'vpn.adapter-active',
  dependsOn: ['net.no-interface'],
  evaluate(evidence) {
    const result = localNetworkOf(evidence);
    if (!result) return null;
    const vpn = connectedInterfaces(result.data).filter((i) => i.vpn);
    if (vpn.length === 0) return null;
    return { evidence: [result.id], args: { adapters: listArg(vpn.map((i) => (i.description ? `${i.name} (${i.description})` : i.name))) } };
  },
});
