import { describe, expect, it } from 'vitest';
import { healthyRun, iface, localNetwork, localNetworkRecheck, LOOPBACK_IFACE, makeEvidence } from '../testing/evidence-builders';
import { evaluateChecked } from '../testing/rule-check';
import { netChangedDuringRun as rule, networkChanges } from './net-changed-during-run';
import { localNetworkData } from '../testing/evidence-builders';

describe('net.changed-during-run', () => {
  it('is raised when the end-of-run snapshot differs: adapter, address, gateway and DNS changes spelled out', () => {
    const before = localNetwork();
    const after = localNetworkRecheck({
      interfaces: [LOOPBACK_IFACE, iface('WLAN', ['10.20.30.40'], { medium: 'wireless' })],
      defaultRoutes: [{ family: 4, gateway: '10.20.30.1', interface: 'WLAN' }],
      dnsServers: ['10.20.30.1'],
    });
    const hit = evaluateChecked(rule, makeEvidence([before, after]));
    expect(hit?.evidence).toEqual([before.id, after.id]);
    expect(hit?.args).toEqual({
      changes: '+WLAN (10.20.30.40); −Ethernet (192.168.10.23); Gateway: 192.168.10.1 → 10.20.30.1; DNS: 192.168.10.2 → 10.20.30.1',
    });
  });

  it('compares monitor rechecks in order and cites only the snapshots around a change', () => {
    const a = localNetwork();
    const b = localNetworkRecheck({}, 'monitor-1');
    const c = localNetworkRecheck({ interfaces: [LOOPBACK_IFACE, iface('Ethernet', ['192.168.10.77'])] }, 'monitor-2');
    const hit = evaluateChecked(rule, makeEvidence([a, b, c]));
    expect(hit?.evidence).toEqual([b.id, c.id]);
    expect(hit?.args?.changes).toBe('Ethernet: 192.168.10.23 → 192.168.10.77');
  });

  it('is not raised without a recheck, for an identical one, or for a rotated IPv6 privacy address in the same /64', () => {
    expect(rule.evaluate(makeEvidence(healthyRun()))).toBeNull();
    expect(rule.evaluate(makeEvidence([localNetwork(), localNetworkRecheck()]))).toBeNull();
    const v6 = (tail: string) => ({ interfaces: [LOOPBACK_IFACE, iface('Ethernet', ['192.168.10.23', `2001:db8:1:2:${tail}`])] });
    expect(rule.evaluate(makeEvidence([localNetwork(v6('a:b:c:d')), localNetworkRecheck(v6('1:2:3:4'))]))).toBeNull();
  });

  it('does not report the gateway when one routing table is unknown', () => {
    expect(networkChanges(localNetworkData(), localNetworkData({ defaultRoutes: null }))).toEqual([]);
  });
});
