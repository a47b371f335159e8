import { describe, expect, it } from 'vitest';
import { readCollectorFixture as fixture } from '../../../e2e/fixtures/collectors';
import { readSample } from '../../../e2e/fixtures/samples';
import { dnsCacheForRun, parseDnsCache } from './dns-cache';
import { parseNetAdapters } from './net-adapters';
import { parseNltestDsGetDc } from './nltest-dsgetdc';
import { parseAdScp } from './ad-scp';
import { parseRoutePrint } from './route-print';
import { parseW32tmStatus } from './w32tm-status';
import { parseWhoamiUpn } from './whoami-upn';
import { parseWinHttpProxy } from './winhttp-proxy';

describe('parseDnsCache', () => {
  it('reads a real English capture: CNAME chains, several A records, SRV over four lines, additional section', () => {
    const data = parseDnsCache(readSample('windows-cmd/ipconfig-displaydns-en-excerpt.txt'));
    expect(data.entries.map((e) => e.name)).toEqual([
      'v10.events.data.microsoft.com',
      'login.microsoftonline.com',
      '_ldap._tcp.default-first-site-name._sites.dc._msdcs.mydomain.com',
      'dc-1.mydomain.com',
    ]);
    const login = data.entries[1]!;
    expect(login.records.map((r) => `${r.typeName} ${r.name} ${r.data}`)).toEqual([
      'CNAME login.microsoftonline.com login.mso.msidentity.com',
      'CNAME login.mso.msidentity.com ak.privatelink.msidentity.com',
      'CNAME ak.privatelink.msidentity.com www.tm.a.prd.aadg.trafficmanager.net',
      'A www.tm.a.prd.aadg.trafficmanager.net 20.190.151.67',
      'A www.tm.a.prd.aadg.trafficmanager.net 20.190.151.132',
    ]);
    expect(login.records[0]).toMatchObject({ ttl: 199, section: 'answer', type: 5 });
    const srv = data.entries[2]!.records;
    expect(srv[0]).toMatchObject({ typeName: 'SRV', data: 'dc-1.mydomain.com', srv: { priority: 0, weight: 100, port: 389 } });
    expect(srv[1]).toMatchObject({ typeName: 'A', data: '10.0.0.4', section: 'additional' });
  });

  it('reads German output by position and keeps cached negative answers', () => {
    const data = parseDnsCache(fixture('windows/ipconfig-displaydns-de.txt'));
    expect(data.entries.find((e) => e.name === 'mail.contoso.com')!.records).toEqual([
      { name: 'mail.contoso.com', type: 1, typeName: 'A', ttl: 238, section: 'answer', data: '10.0.0.25' },
    ]);
    expect(data.entries.find((e) => e.name === 'autodiscover.contoso.com')!.records.map((r) => r.data)).toEqual(['mail.contoso.com', '10.0.0.25']);
    expect(data.entries.find((e) => e.name === 'wpad')).toEqual({ name: 'wpad', records: [], negative: 'Der Name ist nicht vorhanden.' });
  });

  it('gives an empty cache for the header alone', () => {
    expect(parseDnsCache('\r\nWindows IP Configuration\r\n\r\n')).toEqual({ entries: [], totalEntries: 0 });
  });
});

describe('dnsCacheForRun', () => {
  it('keeps the entries of the run\'s names and counts the rest', () => {
    const all = parseDnsCache(readSample('windows-cmd/ipconfig-displaydns-en-excerpt.txt'));
    const run = dnsCacheForRun(all, { email: 'someone@mydomain.com' });
    expect(run.totalEntries).toBe(4);
    expect(run.entries.map((e) => e.name)).toEqual(['_ldap._tcp.default-first-site-name._sites.dc._msdcs.mydomain.com', 'dc-1.mydomain.com']);
    expect(dnsCacheForRun(all, { server: { host: 'login.microsoftonline.com', port: 443 } }).entries.map((e) => e.name)).toEqual(['login.microsoftonline.com']);
  });
});

describe('parseRoutePrint', () => {
  it('reads a real English capture (CRLF): interface list, IPv4 and IPv6 tables, persistent routes', () => {
    const data = parseRoutePrint(readSample('windows-cmd/route-print-en-windows-10-jc.txt'));
    expect(data.interfaces[0]).toEqual({ index: 8, mac: '00-FF-58-60-5F-61', description: 'TAP-Windows Adapter V9' });
    expect(data.interfaces.find((i) => i.index === 1)).toEqual({ index: 1, mac: null, description: 'Software Loopback Interface 1' });
    expect(data.defaultRoutes).toEqual([{ family: 4, destination: '0.0.0.0/0', gateway: '192.168.31.1', interface: '192.168.31.221', metric: 30 }]);
    expect(data.routes.find((r) => r.destination === '127.0.0.0/8')).toMatchObject({ gateway: null, interface: '127.0.0.1', metric: 331 });
    expect(data.persistent).toEqual([{ family: 4, destination: '157.0.0.0/8', gateway: '157.55.80.1', interface: null, metric: 3 }]);
    const v6 = data.routes.filter((r) => r.family === 6);
    expect(v6).toHaveLength(26);
    // The gateway of a long destination stands on the next line.
    expect(v6.find((r) => r.destination === 'fe80::244e:2f1e:2096:62b2/128')).toMatchObject({ gateway: null, interface: '9', metric: 286 });
  });

  it('reads German output ("Auf Verbindung", "Ständige Routen") with an IPv6 default route', () => {
    const data = parseRoutePrint(readCollectorFixture('windows/route-print-de.txt'));
    expect(data.defaultRoutes).toEqual([
      { family: 4, destination: '0.0.0.0/0', gateway: '192.168.178.1', interface: '192.168.178.44', metric: 25 },
      { family: 6, destination: '::/0', gateway: 'fe80::62b5:8dff:fe35:646d', interface: '12', metric: 281 },
    ]);
    expect(data.routes.find((r) => r.destination === '0.0.0.0/1')).toMatchObject({ gateway: null, interface: '10.8.0.6' });
    expect(data.routes.find((r) => r.destination === '2a04:9546:19ba:af01:c52c:be1:3372:e973/128')).toMatchObject({ gateway: null });
    expect(data.persistent).toEqual([]);
    expect(data.interfaces.map((i) => i.index)).toEqual([12, 23, 1]);
  });
});

function readCollectorFixture(relative: string): string {
  return fixture(relative);
}

describe('parseWinHttpProxy', () => {
  it('reads the English direct and proxy samples', () => {
    expect(parseWinHttpProxy(readSample('windows-cmd/netsh-winhttp-show-proxy-en-direct.txt'))).toEqual({ direct: true, proxyServer: null, bypassList: [] });
    expect(parseWinHttpProxy(readSample('windows-cmd/netsh-winhttp-show-proxy-en-proxy.txt'))).toEqual({
      direct: false,
      proxyServer: '127.0.0.1:8080',
      bypassList: ['<local>', 'localhost'],
    });
  });

  it('reads German output', () => {
    expect(parseWinHttpProxy(fixture('windows/netsh-winhttp-show-proxy-de-direct.txt'))).toEqual({ direct: true, proxyServer: null, bypassList: [] });
    expect(parseWinHttpProxy(fixture('windows/netsh-winhttp-show-proxy-de-proxy.txt'))).toEqual({
      direct: false,
      proxyServer: 'proxy.contoso.com:8080',
      bypassList: ['<local>', '*.contoso.com'],
    });
    expect(parseWinHttpProxy('\r\nAktuelle WinHTTP-Proxyeinstellungen:\r\n\r\n    Proxyserver : p:3128\r\n    Umgehungsliste : (keine)\r\n')).toEqual({
      direct: false,
      proxyServer: 'p:3128',
      bypassList: [],
    });
  });
});

describe('parseW32tmStatus', () => {
  it('reads English and German status of a domain member alike', () => {
    const en = parseW32tmStatus(fixture('windows/w32tm-status-en-domain.txt'), 0)!;
    const de = parseW32tmStatus(fixture('windows/w32tm-status-de-domain.txt'), 0)!;
    expect(en).toMatchObject({ serviceRunning: true, leapIndicator: 0, stratum: 4, source: 'DC01.contoso.com', pollIntervalSeconds: 1024, synchronized: true });
    expect(en.lastSync).toBe(new Date(2026, 2, 14, 10, 15, 3).toISOString());
    expect({ ...de, lastSyncText: null }).toEqual({ ...en, lastSyncText: null });
  });

  it('says "not synchronised" for the local CMOS clock and for a stopped service', () => {
    expect(parseW32tmStatus(fixture('windows/w32tm-status-de-local-cmos.txt'), 0)).toMatchObject({ synchronized: false, source: 'Local CMOS Clock', lastSync: null });
    expect(parseW32tmStatus(fixture('windows/w32tm-status-en-service-stopped.txt'), -2147023834)).toMatchObject({ serviceRunning: false, synchronized: false });
  });
});

describe('parseNltestDsGetDc', () => {
  it('reads the DC, its address, domain and sites', () => {
    expect(parseNltestDsGetDc(fixture('windows/nltest-dsgetdc-en.txt'), 0)).toMatchObject({
      dcFound: true,
      dc: 'DC01.contoso.com',
      dcAddress: '10.0.0.10',
      domain: 'contoso.com',
      forest: 'contoso.com',
      clientSite: 'Default-First-Site-Name',
      flags: expect.arrayContaining(['KDC', 'GC']) as string[],
    });
  });

  it('reads a failure by its status, whatever the language', () => {
    expect(parseNltestDsGetDc(fixture('windows/nltest-dsgetdc-de-no-domain.txt'), 1355)).toMatchObject({
      dcFound: false,
      error: { status: 1355, name: 'ERROR_NO_SUCH_DOMAIN' },
    });
  });
});

describe('parseAdScp', () => {
  it('reads URL and pointer SCPs with their sites, a single URL string included', () => {
    expect(parseAdScp(fixture('windows/ad-scp.json'))).toEqual({
      entries: [
        { name: 'EX01', url: 'https://ex01.contoso.com/Autodiscover/Autodiscover.xml', site: 'Berlin', pointer: false },
        { name: 'EX02', url: 'https://ex02.contoso.com/Autodiscover/Autodiscover.xml', site: 'Hamburg', pointer: false },
        { name: 'Pointer', url: 'LDAP://dc01.fabrikam.com/CN=Configuration,DC=fabrikam,DC=com', site: null, pointer: true },
      ],
    });
  });

  it('reads the failure outside a domain, and refuses output that is not our JSON', () => {
    expect(parseAdScp(fixture('windows/ad-scp-not-joined.json'))).toEqual({
      entries: [],
      error: expect.stringContaining('could not be contacted') as string,
    });
    expect(parseAdScp('Der Begriff "powershell" wurde nicht erkannt')).toBeNull();
    expect(parseAdScp('{"entries":[{"name":1,"urls":[null,""]}, 7]}')).toEqual({ entries: [] });
  });
});

describe('parseWhoamiUpn', () => {
  it('reads a UPN, and the no-UPN answer of a local account', () => {
    expect(parseWhoamiUpn(fixture('windows/whoami-upn-en.txt'), '', 0)).toEqual({ upn: 'alice@contoso.com' });
    expect(parseWhoamiUpn('', fixture('windows/whoami-upn-de-local-account.stderr.txt'), 1)).toMatchObject({ upn: null, message: expect.stringContaining('UPN') as string });
  });
});

describe('parseNetAdapters', () => {
  it('reads our PowerShell JSON, a single profile object included, and marks the TAP adapter', () => {
    const data = parseNetAdapters(fixture('windows/get-netadapter.json'))!;
    expect(data.adapters.map((a) => [a.name, a.status, a.vpn !== null])).toEqual([
      ['Ethernet', 'Up', false],
      ['Ethernet 3', 'Up', true],
    ]);
    expect(data.profiles).toEqual([
      { name: 'contoso.com', interfaceAlias: 'Ethernet', interfaceIndex: 12, networkCategory: 'DomainAuthenticated', ipv4Connectivity: 'Internet', ipv6Connectivity: 'NoTraffic' },
    ]);
    expect(parseNetAdapters('Get-NetAdapter : Der Begriff wurde nicht erkannt')).toBeNull();
  });
});
