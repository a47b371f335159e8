import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCollectorFixture as fixture } from '../../../e2e/fixtures/collectors';
import { readSample } from '../../../e2e/fixtures/samples';
import { startLabDnsServer, type LabDnsServer } from '../../../e2e/lab/dns-server';
import { startPacServer, type PacServer } from '../../../e2e/lab/pac-server';
import type { WinInetProxyData } from '../../../shared/model/probe-data';
import { parseScutilProxy } from '../collectors/scutil-proxy';
import { parseRegQuery } from '../collectors/reg-query';
import { parseWinHttpProxy } from '../collectors/winhttp-proxy';
import { wininetSettings } from '../collectors/wininet-proxy';
import { createRunServices, type ClosableRunServices } from '../create-run-services';
import { prepareRun } from '../engine-options';
import { runPacFile } from './pac-outcome';
import { decideProxy, type ProxyDecisionServices, type ProxySnapshot } from './proxy-decision';
import { wpadUrl } from './wpad';

/**
 * The proxy decision per source, with real PAC files from a loopback server and names from the
 * lab DNS server (WPAD). The WinINET, WinHTTP and macOS inputs are the collectors' parsers run on
 * their fixtures.
 */

const EXCHANGE_URL = 'https://mail.contoso.test/';
const LAB_PROXY = 'proxy.contoso.test:3128';

let dns: LabDnsServer;
let pac: PacServer;
let services: ClosableRunServices;

beforeAll(async () => {
  pac = await startPacServer({ proxy: LAB_PROXY });
  dns = await startLabDnsServer({ zone: { 'mail.contoso.test': ['127.0.0.2'], 'wpad.corp.contoso.test': [pac.address] } });
  const prepared = await prepareRun({ server: 'mail.contoso.test', dnsServers: dns.servers, hostsFile: '/nonexistent-hosts' });
  services = createRunServices(prepared.input, { extraCa: [], hostsFile: '/nonexistent-hosts' });
});
afterAll(async () => {
  await services.close();
  await Promise.all([dns.close(), pac.close()]);
});

const decision: () => ProxyDecisionServices = () => ({
  runPac: (pacUrl, via) =>
    runPacFile(services, { lookup: (n, s) => services.lookup(n, s), localAddresses: ['192.0.2.10'] }, pacUrl, via, EXCHANGE_URL, AbortSignal.timeout(20_000)),
  resolves: async (name) => (await services.lookup(name, AbortSignal.timeout(5_000)).catch(() => [])).length > 0,
  wpadUrl: (name) => wpadUrl(name, pac.port),
});

const userSettings = () => wininetSettings(parseRegQuery(fixture('windows/reg-internet-settings-user.txt')), parseRegQuery(fixture('windows/reg-internet-settings-connections-user.txt')), 'user');
const winhttp = { data: parseWinHttpProxy(readSample('windows-cmd/netsh-winhttp-show-proxy-en-proxy.txt'))! };

function windows(wininet: Partial<WinInetProxyData>, extra: Partial<ProxySnapshot> = {}): ProxySnapshot {
  return {
    option: { mode: 'system' },
    platform: 'windows',
    wininet: { data: { ...userSettings(), autoDetect: false, ...wininet } },
    winhttp,
    dnsSuffixes: [],
    ...extra,
  };
}

describe('proxy decision: options', () => {
  it('--proxy decides alone; the system settings are still read for the report', async () => {
    const data = await decideProxy(EXCHANGE_URL, windows({}, { option: { mode: 'url', url: 'http://127.0.0.1:3128' } }), decision());
    expect(data).toMatchObject({ source: 'option', proxies: [{ url: 'http://127.0.0.1:3128', host: '127.0.0.1', port: 3128 }], bypassed: false });
    expect(data.readings.map((r) => r.source)).toEqual(['option', 'wininet', 'winhttp']);
  });

  it('--no-proxy decides "direct"', async () => {
    const data = await decideProxy(EXCHANGE_URL, windows({}, { option: { mode: 'none' } }), decision());
    expect(data).toMatchObject({ source: 'option', proxies: [], bypassed: false });
  });
});

describe('proxy decision: Windows (WinINET for Outlook, WinHTTP beside it)', () => {
  it('uses the https= entry of a per-scheme list; WinHTTP is read but does not decide', async () => {
    const data = await decideProxy(EXCHANGE_URL, windows({}), decision());
    expect(data).toMatchObject({ source: 'wininet', proxies: [{ url: 'http://proxy.contoso.com:8443' }], bypassed: false, directFallback: false });
    expect(data.readings).toEqual([
      {
        source: 'wininet',
        proxy: 'http=proxy.contoso.com:8080;https=proxy.contoso.com:8443;ftp=proxy.contoso.com:2121;socks=socks.contoso.com:1080',
        bypass: ['*.contoso.local', '10.*', 'https://owa.contoso.com', '<local>'],
        autoDetect: false,
      },
      { source: 'winhttp', proxy: '127.0.0.1:8080', bypass: ['<local>', 'localhost'] },
    ]);
  });

  it('goes direct for hosts on the bypass list (<local>, wildcard, scheme entry)', async () => {
    for (const host of ['exchange01', 'mail.contoso.local', 'owa.contoso.com']) {
      const data = await decideProxy(`https://${host}/`, windows({}), decision());
      expect(data, host).toMatchObject({ source: 'wininet', proxies: [], bypassed: true });
    }
  });

  it('a configuration script overrides the fixed proxy', async () => {
    const data = await decideProxy(EXCHANGE_URL, windows({ autoConfigUrl: pac.url('/good.pac') }), decision());
    expect(data).toMatchObject({
      source: 'pac',
      proxies: [{ url: `http://${LAB_PROXY}` }],
      directFallback: true,
      pac: { url: pac.url('/good.pac'), via: 'configured', status: 200, result: `PROXY ${LAB_PROXY}; DIRECT` },
    });
    expect(data.pac?.error).toBeUndefined();
  });

  it('a script using dnsResolve/isInNet/shExpMatch decides with the run\'s names', async () => {
    const data = await decideProxy(EXCHANGE_URL, windows({ proxyEnabled: false, autoConfigUrl: pac.url('/dns.pac') }), decision());
    expect(data).toMatchObject({ source: 'pac', proxies: [{ host: 'proxy.contoso.test', port: 3128 }], directFallback: false, pac: { result: `PROXY ${LAB_PROXY}` } });
    const direct = await decideProxy(EXCHANGE_URL, windows({ proxyEnabled: false, autoConfigUrl: pac.url('/direct.pac') }), decision());
    expect(direct).toMatchObject({ source: 'pac', proxies: [], directFallback: true });
  });

  it('a failing script: Windows falls back to the fixed proxy, or goes direct; the failure stays in the evidence', async () => {
    const withProxy = await decideProxy(EXCHANGE_URL, windows({ autoConfigUrl: pac.url('/broken.pac') }), decision());
    expect(withProxy).toMatchObject({ source: 'wininet', proxies: [{ port: 8443 }], pac: { via: 'configured', status: 200, error: { kind: 'eval' } } });
    expect(withProxy.pac?.error?.message).toMatch(/isInNett/);
    const direct = await decideProxy(EXCHANGE_URL, windows({ proxyEnabled: false, autoConfigUrl: pac.url('/missing.pac') }), decision());
    expect(direct).toMatchObject({ source: 'pac', proxies: [], pac: { status: 404, error: { kind: 'http-status', message: 'Not Found' } } });
  });

  it.each([
    ['/syntax.pac', 'syntax'],
    ['/loop.pac', 'timeout'],
    ['/alloc.pac', 'eval'],
    ['/garbage-answer.pac', 'bad-result'],
    ['/huge.pac', 'too-large'],
    ['http://127.0.0.1:1/proxy.pac', 'fetch'],
    ['file://C:/proxy.pac', 'fetch'],
  ])('a script at %s fails as %s, within its limits', async (path, kind) => {
    const started = performance.now();
    const data = await decideProxy(EXCHANGE_URL, windows({ proxyEnabled: false, autoConfigUrl: path.includes(':') ? path : pac.url(path) }), decision());
    expect(data.pac?.error?.kind).toBe(kind);
    expect(data.proxies).toEqual([]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('a script server that never answers is given up at the download deadline', async () => {
    const data = await decideProxy(EXCHANGE_URL, windows({ proxyEnabled: false, autoConfigUrl: pac.url('/silent.pac') }), decision());
    expect(data.pac?.error?.kind).toBe('timeout');
  });

  it('follows a redirect to the script', async () => {
    const data = await decideProxy(EXCHANGE_URL, windows({ autoConfigUrl: pac.url('/moved.pac') }), decision());
    expect(data).toMatchObject({ source: 'pac', pac: { url: pac.url('/good.pac'), status: 200 } });
  });

  it('auto-detect finds wpad.<domain> through DNS, devolving the suffix', async () => {
    const data = await decideProxy(EXCHANGE_URL, windows({ autoDetect: true }, { dnsSuffixes: ['sub.corp.contoso.test'] }), decision());
    expect(data).toMatchObject({ source: 'wpad', proxies: [{ url: `http://${LAB_PROXY}` }], pac: { via: 'wpad-dns', url: wpadUrl('wpad.corp.contoso.test', pac.port), status: 200 } });
  });

  it('auto-detect without a WPAD server is the normal case: the fixed proxy applies', async () => {
    const data = await decideProxy(EXCHANGE_URL, windows({ autoDetect: true }, { dnsSuffixes: ['fabrikam.test'] }), decision());
    expect(data).toMatchObject({ source: 'wininet', proxies: [{ port: 8443 }], pac: { via: 'wpad-dns', error: { kind: 'fetch', code: 'ENOTFOUND' } } });
    const nothing = await decideProxy(EXCHANGE_URL, windows({ autoDetect: true, proxyEnabled: false }, { dnsSuffixes: [] }), decision());
    expect(nothing).toMatchObject({ source: 'none', proxies: [] });
  });

  it('an unreadable WinINET setting or source is reported, not guessed', async () => {
    const bad = await decideProxy(EXCHANGE_URL, windows({ proxyServer: 'https=:::' }), decision());
    expect(bad).toMatchObject({ source: 'none', proxies: [] });
    expect(bad.readings[0]?.error).toMatch(/cannot be read/);
    const unread = await decideProxy(EXCHANGE_URL, { option: { mode: 'system' }, platform: 'windows', wininet: { error: 'reg.exe not found' }, dnsSuffixes: [] }, decision());
    expect(unread).toMatchObject({ source: 'none', readings: [{ source: 'wininet', error: 'reg.exe not found' }] });
  });
});

describe('proxy decision: macOS and the environment', () => {
  it('macOS: the HTTPS proxy of the system settings, with its exceptions', async () => {
    const settings = parseScutilProxy(fixture('macos/scutil-proxy.txt'))!;
    const snapshot: ProxySnapshot = { option: { mode: 'system' }, platform: 'macos', macos: { data: settings }, dnsSuffixes: [] };
    expect(await decideProxy(EXCHANGE_URL, snapshot, decision())).toMatchObject({ source: 'system', proxies: [{ url: 'http://proxy.contoso.com:8080' }] });
    expect(await decideProxy('https://mail.contoso.com/', snapshot, decision())).toMatchObject({ source: 'system', proxies: [], bypassed: true });
  });

  it('elsewhere: HTTPS_PROXY with NO_PROXY; credentials in the variable never reach the evidence', async () => {
    const env = { HTTPS_PROXY: 'http://alice:secret@proxy.contoso.test:3128', NO_PROXY: 'localhost,.intranet.test' };
    const data = await decideProxy(EXCHANGE_URL, { option: { mode: 'system' }, platform: 'other', env, dnsSuffixes: [] }, decision());
    expect(data).toMatchObject({ source: 'env', proxies: [{ url: 'http://proxy.contoso.test:3128' }], readings: [{ source: 'env', proxy: 'http://proxy.contoso.test:3128', bypass: ['localhost', '.intranet.test'] }] });
    expect(JSON.stringify(data)).not.toContain('secret');
    const bypassed = await decideProxy('https://ex.intranet.test/', { option: { mode: 'system' }, platform: 'other', env, dnsSuffixes: [] }, decision());
    expect(bypassed).toMatchObject({ source: 'env', proxies: [], bypassed: true });
    const none = await decideProxy(EXCHANGE_URL, { option: { mode: 'system' }, platform: 'other', env: {}, dnsSuffixes: [] }, decision());
    expect(none).toMatchObject({ source: 'none', proxies: [], readings: [{ source: 'env' }] });
  });
});
