import { describe, expect, it } from 'vitest';
import { readCollectorFixture } from '../../../e2e/fixtures/collectors';
import { parseNetAdapters } from '../../../electron/engine/collectors/net-adapters';
import { translator } from '../../i18n';
import { diagnose } from '../diagnose';
import { collected, dnsDirect, dnsSystem, healthyRun, HOST, iface, localNetwork, LOOPBACK_IFACE, makeEvidence } from '../testing/evidence-builders';
import { evaluateChecked } from '../testing/rule-check';
import { RULES } from '.';
import { netNoInterface as rule } from './net-no-interface';

describe('net.no-interface', () => {
  it('is raised when only loopback is up', () => {
    const net = localNetwork({ interfaces: [LOOPBACK_IFACE], defaultRoutes: [] });
    const hit = evaluateChecked(rule, makeEvidence([net]));
    expect(hit).toEqual({ evidence: [net.id], args: {} });
  });

  it('is raised when an adapter has nothing but an IPv6 link-local address', () => {
    const net = localNetwork({ interfaces: [LOOPBACK_IFACE, iface('Ethernet', ['fe80::1c2d:3e4f:5a6b:7c8d'])], defaultRoutes: [] });
    expect(evaluateChecked(rule, makeEvidence([net]))).not.toBeNull();
  });

  it('names host-only virtual adapters, which do not lead anywhere', () => {
    const net = localNetwork({
      interfaces: [LOOPBACK_IFACE, iface('vEthernet (Default Switch)', ['172.29.64.1'], { medium: 'virtual' })],
      defaultRoutes: [],
    });
    const hit = evaluateChecked(rule, makeEvidence([net]));
    expect(hit?.args).toEqual({ note: 'virtual-only', virtual: 'vEthernet (Default Switch)' });
  });

  it('is not raised on a healthy network, with an APIPA address (that is net.apipa-only), or without data', () => {
    expect(rule.evaluate(makeEvidence(healthyRun()))).toBeNull();
    const apipa = localNetwork({ interfaces: [LOOPBACK_IFACE, iface('Ethernet', ['169.254.7.1'])], defaultRoutes: [] });
    expect(rule.evaluate(makeEvidence([apipa]))).toBeNull();
    expect(rule.evaluate(makeEvidence([]))).toBeNull();
  });

  it('counts a virtual adapter that carries the default route (Hyper-V external switch)', () => {
    const net = localNetwork({
      interfaces: [LOOPBACK_IFACE, iface('vEthernet (External)', ['192.168.10.23'], { medium: 'virtual' })],
      defaultRoutes: [{ family: 4, gateway: '192.168.10.1', interface: 'vEthernet (External)' }],
    });
    expect(rule.evaluate(makeEvidence([net]))).toBeNull();
  });

  it('explains the failures after it: DNS timeouts are not shown beside it', () => {
    const evidence = makeEvidence([localNetwork({ interfaces: [LOOPBACK_IFACE], defaultRoutes: [], dnsServers: [] }), dnsSystem(HOST, 'timeout'), dnsDirect(HOST, 'timeout')]);
    const ids = diagnose(evidence, RULES).findings.map((f) => f.id);
    expect(ids).toEqual(['net.no-interface']);
  });
});

describe('net.no-interface with what Get-NetAdapter says of the cable and Wi-Fi adapters', () => {
  const netAdapters = (fixture: string) => collected('collector.net-adapters', parseNetAdapters(readCollectorFixture(`windows/${fixture}`)));

  it('tells the pulled cable from the switched-off Wi-Fi; Bluetooth is not a network the user means', () => {
    const net = localNetwork({ interfaces: [LOOPBACK_IFACE], defaultRoutes: [] });
    const adapters = netAdapters('get-netadapter-cable-out-wlan-off.json');
    const hit = evaluateChecked(rule, makeEvidence([net, adapters]))!;
    expect(hit).toEqual({
      evidence: [net.id, adapters.id],
      args: { note: 'adapters-disconnected,adapters-disabled', disconnected: 'Ethernet (LAN)', disabled: 'WLAN (WLAN)' },
    });
    const de = translator('de').finding('net.no-interface', hit.args).detail;
    expect(de).toContain('Windows meldet diese Adapter als getrennt: Ethernet (LAN).');
    expect(de).toContain('ausgeschaltet (deaktiviert): WLAN (WLAN).');
  });

  it('with only a host-only adapter up: both notes', () => {
    const net = localNetwork({ interfaces: [LOOPBACK_IFACE, iface('vEthernet (Default Switch)', ['172.29.64.1'])], defaultRoutes: [] });
    const hit = evaluateChecked(rule, makeEvidence([net, netAdapters('get-netadapter-hotel-wlan-public.json')]))!;
    expect(hit.args).toEqual({ note: 'virtual-only,adapters-disconnected', virtual: 'vEthernet (Default Switch)', disconnected: 'Ethernet (LAN)' });
  });
});
