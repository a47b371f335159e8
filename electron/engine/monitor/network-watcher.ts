import os from 'node:os';
import type { InterfaceChange } from '../../../shared/monitor/monitor-types';
import { vpnReason } from '../net/local-network';

/**
 * Notices adapters and addresses appearing or going while the monitor runs: a notebook leaving
 * its dock for WLAN, a VPN coming up or dropping, a DHCP renewal with a new address.
 *
 * It compares snapshots of `os.networkInterfaces()` (one getifaddrs call, microseconds), at most
 * every NETWORK_CHECK_MIN_MS however fast the monitor samples. Loopback is left out.
 */

/** Snapshots at most this often: adapters change on a human time scale; 10 samples/s need not look 10 times. */
export const NETWORK_CHECK_MIN_MS = 1_000;

export type RawInterfaces = NodeJS.Dict<os.NetworkInterfaceInfo[]>;

/** Adapter name → its addresses (sorted, without loopback). */
export type InterfaceSnapshot = ReadonlyMap<string, readonly string[]>;

export function snapshotInterfaces(raw: RawInterfaces): InterfaceSnapshot {
  const snapshot = new Map<string, string[]>();
  for (const [name, infos] of Object.entries(raw)) {
    const addresses = (infos ?? []).filter((i) => !i.internal).map((i) => i.address);
    if (addresses.length > 0) snapshot.set(name, [...new Set(addresses)].sort());
  }
  return snapshot;
}

/** What changed from one snapshot to the next; empty when nothing did. */
export function diffInterfaces(before: InterfaceSnapshot, after: InterfaceSnapshot): InterfaceChange[] {
  const changes: InterfaceChange[] = [];
  const names = [...new Set([...before.keys(), ...after.keys()])].sort();
  for (const name of names) {
    const was = before.get(name) ?? [];
    const now = after.get(name) ?? [];
    const added = now.filter((a) => !was.includes(a));
    const removed = was.filter((a) => !now.includes(a));
    if (added.length === 0 && removed.length === 0) continue;
    const change = was.length === 0 ? 'added' : now.length === 0 ? 'removed' : 'changed';
    changes.push({ name, change, added, removed, vpn: vpnReason(name) !== null });
  }
  return changes;
}

export class NetworkWatcher {
  private last: InterfaceSnapshot = new Map();
  private lastCheckMono: number;

  /** `read` is `os.networkInterfaces` except in tests, which play adapter histories. */
  constructor(
    private readonly read: () => RawInterfaces = () => os.networkInterfaces(),
    startMono = 0,
  ) {
    this.last = this.snapshot();
    this.lastCheckMono = startMono;
  }

  /** Compares with the last snapshot when NETWORK_CHECK_MIN_MS have passed; null when not checked or nothing changed. */
  check(mono: number): InterfaceChange[] | null {
    if (mono - this.lastCheckMono < NETWORK_CHECK_MIN_MS) return null;
    this.lastCheckMono = mono;
    const next = this.snapshot();
    const changes = diffInterfaces(this.last, next);
    this.last = next;
    return changes.length > 0 ? changes : null;
  }

  private snapshot(): InterfaceSnapshot {
    try {
      return snapshotInterfaces(this.read());
    } catch {
      // os.networkInterfaces() can throw on some systems while adapters are being torn down; the next check will see the result.
      return this.last;
    }
  }
}
