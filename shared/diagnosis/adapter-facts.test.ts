import { describe, expect, it } from 'vitest';
import { readCollectorFixture } from '../../e2e/fixtures/collectors';
import { parseNetAdapters } from '../../electron/engine/collectors/net-adapters';
import { localNetworkOf } from './evidence-queries';
import { withNetAdapterFacts } from './adapter-facts';
import { collected, iface, localNetwork, localNetworkData, LOOPBACK_IFACE, makeEvidence } from './testing/evidence-builders';
import { evaluateChecked } from './testing/rule-check';
import { vpnAdapterActive } from './rules/vpn-adapter-active';
import { netMultipleActive } from './rules/net-multiple-active';

const adapters = (fixture: string) => parseNetAdapters(readCollectorFixture(`windows/${fixture}`))!;

describe('Get-NetAdapter and Get-NetConnectionProfile joined to the interfaces', () => {
  it('adds status and network profile, and the VPN mark only the adapter description gives away', () => {
    // Node's view without ipconfig: names only.
    const net = localNetworkData({ interfaces: [LOOPBACK_IFACE, iface('Ethernet', ['10.1.2.3']), iface('Ethernet 3', ['10.8.0.6'])] });
    const joined = withNetAdapterFacts(net, adapters('get-netadapter.json'));
    expect(joined.interfaces.find((i) => i.name === 'Ethernet')).toMatchObject({
      status: 'Up',
      medium: 'wired',
      description: 'Intel(R) Ethernet Connection I219-LM',
      network: { name: 'contoso.com', category: 'DomainAuthenticated', ipv4Connectivity: 'Internet', ipv6Connectivity: 'NoTraffic' },
    });
    expect(joined.interfaces.find((i) => i.name === 'Ethernet 3')).toMatchObject({ vpn: { reason: 'OpenVPN adapter' }, description: 'TAP-Windows Adapter V9', status: 'Up' });
    expect(joined.interfaces.find((i) => i.name === 'Ethernet 3')).not.toHaveProperty('network');
    expect(joined.interfaces[0]).toEqual(LOOPBACK_IFACE);
  });

  it('feeds vpn.adapter-active through the evidence', () => {
    const net = localNetwork({ interfaces: [LOOPBACK_IFACE, iface('Ethernet', ['10.1.2.3']), iface('Ethernet 3', ['10.8.0.6'])] });
    expect(vpnAdapterActive.evaluate(makeEvidence([net]))).toBeNull();
    const facts = collected('collector.net-adapters', adapters('get-netadapter.json'));
    expect(evaluateChecked(vpnAdapterActive, makeEvidence([net, facts]))?.args).toEqual({ adapters: 'Ethernet 3 (TAP-Windows Adapter V9)' });
    expect(localNetworkOf(makeEvidence([net, collected('collector.net-adapters', null)]))?.data).toEqual(net.data);
  });

  it('the virtual flag and the physical media type decide the medium where the name does not tell', () => {
    const facts = adapters('get-netadapter-hotel-wlan-public.json');
    const renamed = {
      ...facts,
      adapters: facts.adapters.map((a) => (a.name === 'WLAN' ? { ...a, name: 'Funk' } : a.name.startsWith('vEthernet') ? { ...a, name: 'Ethernet 2' } : a)),
    };
    const net = localNetworkData({ interfaces: [iface('Funk', ['10.20.30.40'], { medium: 'unknown' }), iface('Ethernet 2', ['172.29.64.1'])] });
    const joined = withNetAdapterFacts(net, renamed);
    expect(joined.interfaces.map((i) => [i.name, i.medium])).toEqual([
      ['Funk', 'wireless'],
      ['Ethernet 2', 'virtual'],
    ]);
    // A host-only adapter no longer counts as a second network beside the Wi-Fi.
    const before = makeEvidence([localNetwork({ interfaces: net.interfaces, defaultRoutes: [{ family: 4, gateway: '10.20.30.1', interface: 'Funk' }] })]);
    expect(netMultipleActive.evaluate(before)).not.toBeNull();
    expect(netMultipleActive.evaluate({ ...before, probes: [...before.probes, collected('collector.net-adapters', renamed)] })).toBeNull();
  });

  it('a VPN adapter stays a VPN adapter even when PowerShell calls it virtual', () => {
    const facts = adapters('get-netadapter.json');
    const virtualTap = { ...facts, adapters: facts.adapters.map((a) => (a.name === 'Ethernet 3' ? { ...a, virtual: true } : a)) };
    const joined = withNetAdapterFacts(localNetworkData({ interfaces: [iface('Ethernet 3', ['10.8.0.6'])] }), virtualTap);
    expect(joined.interfaces[0]).toMatchObject({ medium: 'wired', vpn: { reason: 'OpenVPN adapter' } });
  });
});
