import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { healthyRun, iface, localNetwork, LOOPBACK_IFACE, makeEvidence } from '../testing/evidence-builders';
import { evaluateChecked, firing } from '../testing/rule-check';
import { netMultipleActive as rule } from './net-multiple-active';

const lanAndWlan = () =>
  localNetwork({
    interfaces: [LOOPBACK_IFACE, iface('Ethernet', ['192.168.10.23']), iface('WLAN', ['10.20.30.40'], { medium: 'wireless' })],
  });

describe('net.multiple-active', () => {
  it('is raised for LAN and WLAN at once', () => {
    const net = lanAndWlan();
    const hit = evaluateChecked(rule, makeEvidence([net]));
    expect(hit).toEqual({ evidence: [net.id], args: { interfaces: 'Ethernet (LAN), WLAN (WLAN)', adapterCount: 2, note: 'lan-and-wlan' } });
  });

  it('does not count VPN adapters, loopback, host-only virtual adapters or link-local-only ones', () => {
    const net = localNetwork({
      interfaces: [
        LOOPBACK_IFACE,
        iface('Ethernet', ['192.168.10.23']),
        iface('tun0', ['10.8.0.2'], { vpn: { reason: 'tunnel interface name' }, medium: 'unknown' }),
        iface('vEthernet (WSL)', ['172.29.64.1'], { medium: 'virtual' }),
        iface('Ethernet 2', ['fe80::2']),
      ],
    });
    expect(rule.evaluate(makeEvidence([net]))).toBeNull();
    expect(rule.evaluate(makeEvidence(healthyRun()))).toBeNull();
  });

  it('is dropped when there is no interface at all (dependsOn net.no-interface)', () => {
    const ids = diagnose(makeEvidence([lanAndWlan()]), [rule, firing('net.no-interface')]).findings.map((f) => f.id);
    expect(ids).toEqual(['net.no-interface']);
  });
});
