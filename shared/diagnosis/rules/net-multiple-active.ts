import { defineRule } from '../rule';
import { connectedInterfaces, localNetworkOf } from '../evidence-queries';
import { listArg, noteArg } from '../host-hits';

/** How an adapter is named in texts: its name plus LAN/WLAN where known (both words are German too). */
function label(name: string, medium: string): string {
  return medium === 'wired' ? `${name} (LAN)` : medium === 'wireless' ? `${name} (WLAN)` : name;
}

/**
 * `net.multiple-active`: several adapters (not counting VPN adapters, which have their own
 * finding) are connected at once, typically LAN and WLAN.
 *
 * Windows then picks one by metric; a LAN port in the wrong VLAN hides behind a working WLAN
 * until the WLAN drops, and the answer to "which network am I in" changes with it.
 */
export const netMultipleActive = defineRule({
  id: 'net.multiple-active',
  dependsOn: ['net.no-interface'],
  evaluate(evidence) {
    const result = localNetworkOf(evidence);
    if (!result) return null;
    const active = connectedInterfaces(result.data).filter((i) => !i.vpn);
    if (active.length < 2) return null;
    const wired = active.some((i) => i.medium === 'wired');
    const wireless = active.some((i) => i.medium === 'wireless');
    return {
      evidence: [result.id],
      args: { interfaces: listArg(active.map((i) => label(i.name, i.medium))), adapterCount: active.length, ...noteArg([wired && wireless && 'lan-and-wlan']) },
    };
  },
});
