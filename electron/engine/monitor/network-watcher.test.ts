import type os from 'node:os';
import { describe, expect, it } from 'vitest';
import { diffInterfaces, NETWORK_CHECK_MIN_MS, NetworkWatcher, snapshotInterfaces, type RawInterfaces } from './network-watcher';

function info(address: string, extra: Partial<os.NetworkInterfaceInfo> = {}): os.NetworkInterfaceInfo {
  const v6 = address.includes(':');
  return {
    address,
    netmask: v6 ? 'ffff:ffff:ffff:ffff::' : '255.255.255.0',
    family: v6 ? 'IPv6' : 'IPv4',
    mac: '00:15:5d:01:02:03',
    internal: false,
    cidr: `${address}/${v6 ? 64 : 24}`,
    ...(v6 ? { scopeid: 0 } : {}),
    ...extra,
  } as os.NetworkInterfaceInfo;
}

const LOOPBACK = { lo: [info('127.0.0.1', { internal: true }), info('::1', { internal: true })] };
const DOCKED: RawInterfaces = { ...LOOPBACK, Ethernet: [info('10.1.2.30'), info('fe80::1')] };
const WLAN: RawInterfaces = { ...LOOPBACK, WLAN: [info('192.168.178.23')] };
const WLAN_VPN: RawInterfaces = { ...WLAN, 'PANGP Virtual Ethernet Adapter': [info('10.200.0.7')], tun0: [info('10.8.0.2')] };

describe('interface snapshots', () => {
  it('leave out loopback and keep each adapter’s addresses sorted', () => {
    expect([...snapshotInterfaces({ ...DOCKED, Empty: [] }).entries()]).toEqual([['Ethernet', ['10.1.2.30', 'fe80::1']]]);
  });

  it('tell undocking to WLAN as one adapter gone and one come', () => {
    expect(diffInterfaces(snapshotInterfaces(DOCKED), snapshotInterfaces(WLAN))).toEqual([
      { name: 'Ethernet', change: 'removed', added: [], removed: ['10.1.2.30', 'fe80::1'], vpn: false },
      { name: 'WLAN', change: 'added', added: ['192.168.178.23'], removed: [], vpn: false },
    ]);
  });

  it('mark VPN adapters and see a new address on a known adapter as a change', () => {
    const changes = diffInterfaces(snapshotInterfaces(WLAN), snapshotInterfaces(WLAN_VPN));
    expect(changes.map((c) => [c.name, c.change, c.vpn])).toEqual([
      ['PANGP Virtual Ethernet Adapter', 'added', true],
      ['tun0', 'added', true],
    ]);
    const renewed = { ...LOOPBACK, WLAN: [info('192.168.178.99')] };
    expect(diffInterfaces(snapshotInterfaces(WLAN), snapshotInterfaces(renewed))).toEqual([
      { name: 'WLAN', change: 'changed', added: ['192.168.178.99'], removed: ['192.168.178.23'], vpn: false },
    ]);
    expect(diffInterfaces(snapshotInterfaces(WLAN), snapshotInterfaces(WLAN))).toEqual([]);
  });
});

describe('the network watcher', () => {
  it('looks at most every NETWORK_CHECK_MIN_MS and reports each change once', () => {
    let current: RawInterfaces = DOCKED;
    let reads = 0;
    const watcher = new NetworkWatcher(() => {
      reads += 1;
      return current;
    }, 0);
    current = WLAN;
    expect(watcher.check(NETWORK_CHECK_MIN_MS - 1)).toBeNull(); // too soon: not even read
    expect(reads).toBe(1);
    expect(watcher.check(NETWORK_CHECK_MIN_MS)?.map((c) => c.name)).toEqual(['Ethernet', 'WLAN']);
    expect(watcher.check(2 * NETWORK_CHECK_MIN_MS)).toBeNull();
    expect(reads).toBe(3);
  });

  it('survives a failing read (adapters being torn down) and compares with the last good snapshot', () => {
    let fail = false;
    let current: RawInterfaces = DOCKED;
    const watcher = new NetworkWatcher(() => {
      if (fail) throw new Error('getifaddrs failed');
      return current;
    }, 0);
    fail = true;
    expect(watcher.check(NETWORK_CHECK_MIN_MS)).toBeNull();
    fail = false;
    current = WLAN;
    expect(watcher.check(2 * NETWORK_CHECK_MIN_MS)).toHaveLength(2);
  });
});
