import { defineRule } from '../rule';
import { netAdaptersOf } from '../adapter-facts';
import { listArg, noteArg } from '../host-hits';
import { localNetworkOf, realInterfaces, routableAddresses } from '../evidence-queries';
import { ipScope } from '../ip-address';
import type { NetAdapterInfo } from '../../model/probe-data';

/** A cable or Wi-Fi adapter of the machine itself, as Get-NetAdapter describes it, with LAN/WLAN for the text. */
function physicalLabel(adapter: NetAdapterInfo): string | null {
  if (adapter.virtual === true || adapter.hardwareInterface === false) return null;
  const media = adapter.physicalMediaType ?? adapter.mediaType ?? '';
  if (/802\.11|wireless lan/i.test(media)) return `${adapter.name} (WLAN)`;
  if (/^802\.3$/.test(media)) return `${adapter.name} (LAN)`;
  return null;
}

/**
 * `net.no-interface`: no adapter besides loopback is up with an address.
 *
 * An IPv4 address counts even when it is link-local (that is `net.apipa-only`); an IPv6
 * link-local address alone does not, every adapter has one. Host-only virtual adapters (Hyper-V,
 * Docker) do not count either: they are up on many PCs with the cable pulled. On Windows,
 * Get-NetAdapter tells what the cable and Wi-Fi adapters are doing instead (notes
 * `adapters-disconnected`: cable out or Wi-Fi not joined; `adapters-disabled`: switched off).
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
    const adapters = netAdaptersOf(evidence);
    const physical = (adapters?.data.parsed.adapters ?? []).map((a) => ({ status: a.status.toLowerCase(), label: physicalLabel(a) }));
    const disconnected = physical.filter((a) => a.status === 'disconnected' && a.label).map((a) => a.label!);
    const disabled = physical.filter((a) => a.status === 'disabled' && a.label).map((a) => a.label!);
    return {
      evidence: [result.id, ...(adapters && (disconnected.length || disabled.length) ? [adapters.id] : [])],
      args: {
        ...noteArg([virtual.length > 0 && 'virtual-only', disconnected.length > 0 && 'adapters-disconnected', disabled.length > 0 && 'adapters-disabled']),
        ...(virtual.length ? { virtual: listArg(virtual.map((i) => i.name)) } : {}),
        ...(disconnected.length ? { disconnected: listArg(disconnected) } : {}),
        ...(disabled.length ? { disabled: listArg(disabled) } : {}),
      },
    };
  },
});
