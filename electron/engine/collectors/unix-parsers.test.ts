import { describe, expect, it } from 'vitest';
import { readCollectorFixture as fixture } from '../../../e2e/fixtures/collectors';
import { parseIpAddrJson } from './ip-addr';
import { parseIpRouteJson } from './ip-route';
import { parseNetstatRoutes } from './netstat-routes';
import { parseResolvConf } from './resolv-conf';
import { parseResolvectlStatus } from './resolvectl';
import { parseScutilDns } from './scutil-dns';
import { parseScutilProxy } from './scutil-proxy';

describe('Linux', () => {
  it('reads real `ip -j addr` captures (test namespace and host)', () => {
    const ns = parseIpAddrJson(fixture('linux/ip-j-addr-offline-namespace.json'));
    const eth0 = ns.interfaces.find((i) => i.name === 'eth0')!;
    expect(eth0).toMatchObject({ state: 'UP', linkType: 'ether', vpn: null });
    expect(eth0.addresses.map((a) => `${a.address}/${a.prefixLength} ${a.scope}`)).toEqual(['192.0.2.10/24 global', '2001:db8::10/64 global', expect.stringMatching(/^fe80::.* link$/) as string]);
    expect(ns.interfaces.find((i) => i.name === 'lo')!.flags).toContain('LOOPBACK');
    const host = parseIpAddrJson(fixture('linux/ip-j-addr-host.json'));
    expect(host.interfaces.map((i) => i.name)).toEqual(['lo', 'ifb0', 'ifb1', 'eth0']);
  });

  it('reads real `ip -j route` captures and finds the default routes', () => {
    expect(parseIpRouteJson(fixture('linux/ip-j-4-route-offline-namespace.json'), 4)).toEqual([
      { family: 4, destination: '0.0.0.0/0', gateway: '192.0.2.1', interface: 'eth0', metric: null },
      { family: 4, destination: '192.0.2.0/24', gateway: null, interface: 'eth0', metric: null },
    ]);
    expect(parseIpRouteJson(fixture('linux/ip-j-6-route-host.json'), 6).find((r) => r.destination === '::/0')).toEqual({
      family: 6,
      destination: '::/0',
      gateway: 'fd00::1',
      interface: 'eth0',
      metric: 1024,
    });
    expect(parseIpRouteJson('', 6)).toEqual([]);
  });

  it('reads the real resolv.conf and resolvectl status with split DNS', () => {
    const conf = parseResolvConf(fixture('linux/resolv-conf-this-machine.txt'));
    expect(conf.scopes[0]!.servers.length).toBeGreaterThan(0);
    expect(parseResolvConf('# c\nnameserver 10.0.0.53 ; x\nnameserver fd00::1\nsearch corp.example example\noptions edns0\n').scopes[0]).toEqual({
      scope: 'resolv.conf',
      interface: null,
      servers: ['10.0.0.53', 'fd00::1'],
      searchDomains: ['corp.example', 'example'],
      routingDomains: [],
    });
    const status = parseResolvectlStatus(fixture('linux/resolvectl-status.txt'))!;
    expect(status.scopes.map((s) => s.scope)).toEqual(['global', 'link enp0s31f6', 'link tun0']);
    expect(status.scopes[1]).toMatchObject({ servers: ['192.168.178.1', 'fd00::62b5:8dff:fe35:646d'], searchDomains: ['fritz.box'] });
    expect(status.scopes[2]).toMatchObject({ interface: 'tun0', servers: ['10.0.0.53', '10.0.0.54'], routingDomains: ['contoso.com', 'contoso.local'] });
  });
});

describe('macOS', () => {
  it('reads scutil --dns: default resolver and a VPN resolver for one domain', () => {
    const data = parseScutilDns(fixture('macos/scutil-dns.txt'))!;
    expect(data.scopes).toHaveLength(3);
    expect(data.scopes[0]).toMatchObject({ interface: 'en0', servers: ['192.168.178.1'], searchDomains: ['fritz.box'] });
    expect(data.scopes[1]).toMatchObject({ interface: 'utun3', servers: ['10.0.0.53', '10.0.0.54'], routingDomains: ['contoso.com'] });
  });

  it('reads scutil --proxy', () => {
    expect(parseScutilProxy(fixture('macos/scutil-proxy.txt'))).toEqual({
      http: { host: 'proxy.contoso.com', port: 8080 },
      https: { host: 'proxy.contoso.com', port: 8080 },
      pacUrl: null,
      autoDiscovery: false,
      exceptions: ['*.local', '169.254/16', '*.contoso.com'],
    });
  });

  it('reads netstat -rn: a gateway default and an on-link VPN default', () => {
    const data = parseNetstatRoutes(fixture('macos/netstat-rn.txt'));
    expect(data.defaultRoutes).toEqual([
      { family: 4, destination: '0.0.0.0/0', gateway: '192.168.178.1', interface: 'en0', metric: null },
      { family: 4, destination: '0.0.0.0/0', gateway: null, interface: 'utun3', metric: null },
      { family: 6, destination: '::/0', gateway: 'fe80::62b5:8dff:fe35:646d', interface: 'en0', metric: null },
    ]);
  });
});
