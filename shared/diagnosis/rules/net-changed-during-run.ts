import type { LocalNetworkData } from '../../model/probe-data';
import { defineRule } from '../rule';
import { connectedInterfaces, routableAddresses, withData } from '../evidence-queries';
import { listArg } from '../host-hits';
import { networkKey } from '../ip-address';

/** At most this many changes are spelled out; more only make the text longer, not clearer. */
const MAX_CHANGES = 6;

/** Per connected adapter, what identifies the network it sits in: IPv4 addresses and IPv6 /64 prefixes. */
function attachments(net: LocalNetworkData): Map<string, string[]> {
  return new Map(
    connectedInterfaces(net).map((i) => [i.name, [...new Set(routableAddresses(i).map((a) => (a.family === 4 ? a.address : networkKey(a.address))))].sort()]),
  );
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const show = (items: readonly string[]) => (items.length ? items.join(', ') : '—');

/**
 * The differences between two snapshots that matter for Outlook's path, language-neutral
 * (`+WLAN`, `−Ethernet`, `Ethernet: 192.168.10.23 → 10.1.2.3`, `Gateway: … → …`, `DNS: … → …`).
 */
export function networkChanges(before: LocalNetworkData, after: LocalNetworkData): string[] {
  const changes: string[] = [];
  const a = attachments(before);
  const b = attachments(after);
  for (const [name, nets] of b) {
    const old = a.get(name);
    if (!old) changes.push(`+${name} (${show(nets)})`);
    else if (!same(old, nets)) changes.push(`${name}: ${show(old)} → ${show(nets)}`);
  }
  for (const [name, nets] of a) if (!b.has(name)) changes.push(`−${name} (${show(nets)})`);
  if (before.defaultRoutes && after.defaultRoutes) {
    const gw = (n: LocalNetworkData) => [...new Set(n.defaultRoutes!.map((r) => r.gateway))].sort();
    if (!same(gw(before), gw(after))) changes.push(`Gateway: ${show(gw(before))} → ${show(gw(after))}`);
  }
  const dns = (n: LocalNetworkData) => [...n.dnsServers].sort();
  if (!same(dns(before), dns(after))) changes.push(`DNS: ${show(dns(before))} → ${show(dns(after))}`);
  return changes;
}

/**
 * `net.changed-during-run`: adapters, addresses, gateway or DNS servers differ between the
 * snapshot at the start and a later one (end of the run, or the monitor's rechecks).
 *
 * Results measured on either side of the change may contradict each other; a drop-out that
 * comes with a network change points at the change, not at Exchange.
 */
export const netChangedDuringRun = defineRule({
  id: 'net.changed-during-run',
  evaluate(evidence) {
    const snapshots = [...withData(evidence, 'local.network').slice(0, 1), ...withData(evidence, 'local.network-recheck')];
    if (snapshots.length < 2) return null;
    const changes: string[] = [];
    const ids = new Set<string>();
    for (let i = 1; i < snapshots.length; i += 1) {
      const found = networkChanges(snapshots[i - 1]!.data, snapshots[i]!.data);
      if (found.length === 0) continue;
      changes.push(...found);
      ids.add(snapshots[i - 1]!.id).add(snapshots[i]!.id);
    }
    if (changes.length === 0) return null;
    return { evidence: [...ids], args: { changes: listArg(changes, MAX_CHANGES, '; ') } };
  },
});
