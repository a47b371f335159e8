import { defineRule } from '../rule';
import { listArg, noteArg } from '../host-hits';
import { localNetworkOf, realInterfaces, routableAddresses } from '../evidence-queries';
import { ipScope } from '../ip-address';

/**
 * `net.no-interface`: no adapter besides loopback is up with an address.
 *
 * An IPv4 address counts even when it is link-local (that is `net.apipa-only`); an IPv6
 * link-local address alone does not, every adapter has one. Host-only virtual adapters (Hyper-V,
 * Docker) do not count either: they are up on many PCs with the cable pulled.
 */
export const netNoInterface = defineRule({
  id: 'net.no-interface',
  evaluate(evidence) {
    const result = localNetworkOf(evidence);
    if (!result) return null;
    const connected = realInterfaces(result.data).filter((i) =>
      i.addresses.some((a) => (a.family === 4 ? ipScope(a.address) !== 'unspecified' : !a.linkLocal && ipScope(a.address) !== 'link-local')),
    );
    if (connected.length > 0) return null;
    const virtual = result.data.interfaces.filter((i) => !i.internal && i.medium === 'virtual' && routableAddresses(i).length > 0);
    return {
      evidence: [result.id],
      args: virtual.length ? { ...noteArg(['virtual-only']), virtual: listArg(virtual.map((i) => i.name)) } : {},
    };
  },
});
