import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { healthyRun, iface, localNetwork, LOOPBACK_IFACE, makeEvidence } from '../testing/evidence-builders';
import { evaluateChecked, firing } from '../testing/rule-check';
import { vpnAdapterActive as rule } from './vpn-adapter-active';

const withVpn = (address: string) =>
  localNetwork({
    interfaces: [
      LOOPBACK_IFACE,
      iface('Ethernet', ['192.168.10.23']),
      iface('Ethernet 3', [address], { vpn: { reason: 'Cisco AnyConnect / Secure Client' }, medium: 'unknown', description: 'Cisco AnyConnect Virtual Miniport Adapter' }),
    ],
  });

describe('vpn.adapter-active', () => {
  it('is raised for a connected VPN adapter, named with its description', () => {
    const net = withVpn('10.8.0.2');
    const hit = evaluateChecked(rule, makeEvidence([net]));
    expect(hit).toEqual({ evidence: [net.id], args: { adapters: 'Ethernet 3 (Cisco AnyConnect Virtual Miniport Adapter)' } });
    expect(diagnose(makeEvidence([net]), [rule]).findings[0]?.severity).toBe('info');
  });

  it('is not raised for a VPN adapter without a routable address (disconnected), or without VPN', () => {
    expect(rule.evaluate(makeEvidence([withVpn('169.254.3.4')]))).toBeNull();
    expect(rule.evaluate(makeEvidence(healthyRun()))).toBeNull();
  });

  it('is dropped under net.no-interface', () => {
    expect(diagnose(makeEvidence([withVpn('10.8.0.2')]), [rule, firing('net.no-interface')]).findings.map((f) => f.id)).toEqual(['net.no-interface']);
  });
});
