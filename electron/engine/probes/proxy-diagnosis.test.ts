import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCollectorFixture as fixture } from '../../../e2e/fixtures/collectors';
import { startConnectivityServer, type ConnectivityServer } from '../../../e2e/lab/connectivity-server';
import { startLabDnsServer, type LabDnsServer } from '../../../e2e/lab/dns-server';
import { startExchangeLab, type ExchangeLab } from '../../../e2e/lab/exchange-server';
import { startPacServer, type PacServer } from '../../../e2e/lab/pac-server';
import { spkiSha256Of } from '../../../e2e/lab/pki';
import { startTestProxy, type TestProxy } from '../../../e2e/lab/test-proxy';
import { startTinyproxy, tinyproxyUnavailable, type Tinyproxy } from '../../../e2e/lab/tinyproxy';
import { probesOf, okProbesOf } from '../../../shared/model/evidence';
import { parseRegQuery } from '../collectors/reg-query';
import { wininetSettings } from '../collectors/wininet-proxy';
import { prepareRun, type EngineOptions } from '../engine-options';
import { runDiagnosis } from '../run-diagnosis';
import { PROBES } from '.';
import { createProxyConfigProbe } from './proxy-config';

/**
 * Whole diagnoses through proxies on loopback: tinyproxy (the healthy path), the lab proxy
 * asking for a sign-in, refusing, staying silent, inspecting TLS with its own CA; PAC files from
 * a loopback server. The catalog's proxy findings must come from these real runs, and the
 * healthy proxy must raise no alarm.
 */

const HOST = 'mail.contoso.test';
const NCSI_HOST = 'www.msftconnecttest.test';

let lab: ExchangeLab;
let ncsi: ConnectivityServer;
let dns: LabDnsServer;
let dir: string;
let caFile: string;
let tiny: Tinyproxy | undefined;
const proxies: Record<'auth' | 'refuse' | 'silent' | 'intercept' | 'zscaler' | 'lookalike', TestProxy> = {} as never;
let pac: PacServer;
const noTinyproxy = tinyproxyUnavailable();
if (noTinyproxy) console.log(`proxy-diagnosis: runs through tinyproxy skipped: ${noTinyproxy}`);

beforeAll(async () => {
  [lab, ncsi] = await Promise.all([startExchangeLab({ addresses: { '127.0.0.2': {} } }), startConnectivityServer({ variant: 'ok' })]);
  dns = await startLabDnsServer({ zone: { [HOST]: ['127.0.0.2'], [NCSI_HOST]: [ncsi.address], 'dead.contoso.test': ['127.0.0.9'] } });
  const upstream = { [HOST]: '127.0.0.2', 'dead.contoso.test': '127.0.0.2' };
  [proxies.auth, proxies.refuse, proxies.silent, proxies.intercept, proxies.zscaler, proxies.lookalike] = await Promise.all([
    startTestProxy({ mode: 'auth', upstream }),
    startTestProxy({ mode: 'refuse', upstream }),
    startTestProxy({ mode: 'silent', upstream }),
    startTestProxy({ mode: 'intercept', upstream }),
    startTestProxy({ mode: 'intercept', upstream, caName: 'Zscaler Intermediate Root CA (zscaler.net)' }),
    startTestProxy({ mode: 'intercept', upstream, impersonate: lab.ca }),
  ]);
  if (!noTinyproxy) tiny = await startTinyproxy(upstream);
  pac = await startPacServer({ proxy: tiny ? `${tiny.address}:${tiny.port}` : `${proxies.auth.address}:${proxies.auth.port}` });
  dir = await mkdtemp(path.join(tmpdir(), 'od-proxy-'));
  caFile = path.join(dir, 'ca.pem');
  // Outlook trusts the inspection CA in these runs (companies deploy it): the finding must come from the issuer, not from trust.
  await writeFile(caFile, [lab.ca.certPem, proxies.intercept.ca.certPem, proxies.zscaler.ca.certPem].join('\n'));
});
afterAll(async () => {
  await Promise.all([lab.close(), ncsi.close(), dns.close(), pac.close(), tiny?.close(), ...Object.values(proxies).map((p) => p.close())]);
  await rm(dir, { recursive: true, force: true });
});

async function diagnoseWith(options: Partial<EngineOptions>, probes = PROBES) {
  const prepared = await prepareRun({
    server: `https://${HOST}:${lab.port}/`,
    dnsServers: dns.servers,
    caFiles: [caFile],
    connectivityUrl: ncsi.urlFor(NCSI_HOST),
    hostsFile: path.join(dir, 'no-hosts'),
    timeoutSeconds: 15,
    ...options,
  });
  const outcome = await runDiagnosis(prepared, { probes });
  const ids = outcome.diagnosis.findings.map((f) => f.id);
  return { ...outcome, ids, finding: (id: string) => outcome.diagnosis.findings.find((f) => f.id === id) };
}

describe('diagnosis through a proxy', () => {
  it.skipIf(noTinyproxy)('healthy tinyproxy: the path is named, nothing is raised against it, Outlook\'s requests get Exchange\'s 401 through it', async () => {
    const run = await diagnoseWith({ proxy: tiny!.url });
    const [config] = okProbesOf(run.evidence, 'proxy.config');
    expect(config?.data).toMatchObject({ source: 'option', proxies: [{ url: tiny!.url }] });
    const [connect] = okProbesOf(run.evidence, 'proxy.connect');
    expect(connect?.data).toMatchObject({ outcome: 'tunnel', status: 200, tls: { servername: HOST, trusted: true } });
    const [direct] = okProbesOf(run.evidence, 'tls');
    expect(connect?.data.tls?.chain[0]?.fingerprint256).toBe(direct?.data.chain[0]?.fingerprint256);

    const viaProxy = okProbesOf(run.evidence, 'http').filter((r) => r.data.via);
    expect(viaProxy.map((r) => r.data.endpoint).sort()).toEqual(['autodiscover', 'ews', 'mapi', 'rpc', 'rpc-in-data']);
    expect(viaProxy.find((r) => r.data.endpoint === 'mapi')?.data.response?.challenges.map((c) => c.scheme)).toEqual(['Negotiate', 'NTLM']);
    expect(run.ids).toContain('proxy.configured');
    for (const id of ['tls.intercepted', 'proxy.auth-required', 'proxy.connect-blocked', 'proxy.pac-failed', 'lb.inconsistent']) expect(run.ids, id).not.toContain(id);
    expect(run.finding('proxy.configured')?.args).toMatchObject({ proxy: `127.0.0.1:${tiny!.port}`, source: 'option', host: HOST });
  });

  it.skipIf(noTinyproxy)('off Windows and macOS, HTTPS_PROXY is the system setting; NO_PROXY exempts the host', async () => {
    process.env.HTTPS_PROXY = tiny!.url;
    try {
      const run = await diagnoseWith({});
      expect(run.finding('proxy.configured')?.args).toMatchObject({ source: 'env', proxy: `127.0.0.1:${tiny!.port}` });
      expect(okProbesOf(run.evidence, 'proxy.connect')[0]?.data.outcome).toBe('tunnel');
      process.env.NO_PROXY = '.contoso.test';
      const bypassed = await diagnoseWith({});
      expect(okProbesOf(bypassed.evidence, 'proxy.config')[0]?.data).toMatchObject({ source: 'env', bypassed: true, proxies: [] });
      expect(bypassed.ids).not.toContain('proxy.configured');
      expect(probesOf(bypassed.evidence, 'proxy.connect')).toEqual([]);
      // --no-proxy wins over the variable.
      delete process.env.NO_PROXY;
      const none = await diagnoseWith({ noProxy: true });
      expect(okProbesOf(none.evidence, 'proxy.config')[0]?.data).toMatchObject({ source: 'option', proxies: [] });
    } finally {
      delete process.env.HTTPS_PROXY;
      delete process.env.NO_PROXY;
    }
  });

  it('a proxy that wants a sign-in: proxy.auth-required with the offered methods', async () => {
    const run = await diagnoseWith({ proxy: proxies.auth.url });
    expect(run.finding('proxy.auth-required')?.args).toMatchObject({ proxy: `127.0.0.1:${proxies.auth.port}`, host: HOST, methods: 'Negotiate, NTLM, Basic' });
    expect(proxies.auth.requests.every((r) => !r.headers.some(([n]) => n.toLowerCase() === 'proxy-authorization'))).toBe(true);
    // The CONNECT itself is an HTTP exchange for the bundle's HAR, with the proxy's 407 and its page.
    const [connect] = probesOf(run.evidence, 'proxy.connect')[0]!.data!.exchanges!;
    expect(connect).toMatchObject({ request: { method: 'CONNECT', url: `https://${HOST}:${lab.port}` }, address: '127.0.0.1', response: { status: 407, body: { preview: expect.stringContaining('Please sign in') as string } } });
    expect(connect!.response!.headers.filter(([n]) => n === 'Proxy-Authenticate').map(([, v]) => v)).toEqual(['Negotiate', 'NTLM', 'Basic realm="Contoso Proxy"']);
    // No request went through it: nothing Outlook-like was sent past a 407.
    expect(okProbesOf(run.evidence, 'http').filter((r) => r.data.via)).toEqual([]);
  });

  it('a proxy that refuses CONNECT, and one that never answers: proxy.connect-blocked', async () => {
    const refused = await diagnoseWith({ proxy: proxies.refuse.url });
    expect(refused.finding('proxy.connect-blocked')?.args).toMatchObject({ host: HOST, port: lab.port, answer: 'HTTP 403 Forbidden' });
    expect(probesOf(refused.evidence, 'proxy.connect')[0]?.data?.body?.preview).toContain('Access Denied');

    const silent = await diagnoseWith({ proxy: proxies.silent.url });
    expect(silent.finding('proxy.connect-blocked')?.args).toMatchObject({ answer: expect.stringMatching(/^timeout/) as string });
  });

  it('an inspecting proxy: tls.intercepted names the foreign issuer; a known product by its CA name', async () => {
    const run = await diagnoseWith({ proxy: proxies.intercept.url });
    const hit = run.finding('tls.intercepted');
    expect(hit?.args).toMatchObject({ host: HOST, issuer: expect.stringContaining('Contoso Inspection CA') as string, path: proxies.intercept.url });
    expect(hit?.args.product).toBeUndefined();
    // Exchange still answers through it: the requests were re-originated to the lab server.
    expect(okProbesOf(run.evidence, 'http').some((r) => r.data.via && r.data.response?.status === 401)).toBe(true);

    const zscaler = await diagnoseWith({ proxy: proxies.zscaler.url });
    expect(zscaler.finding('tls.intercepted')?.args).toMatchObject({ product: 'Zscaler' });
  });

  it('an inspecting proxy whose CA copies the real CA\'s name: the issuer reads the same, the key tells it', async () => {
    const run = await diagnoseWith({ proxy: proxies.lookalike.url });
    const [connect] = okProbesOf(run.evidence, 'proxy.connect');
    const [direct] = okProbesOf(run.evidence, 'tls');
    expect(connect?.data.tls?.chain[0]?.issuer).toBe(direct?.data.chain[0]?.issuer);
    expect(connect?.data.tls?.chain[1]?.subject).toBe(direct?.data.chain[1]?.subject);
    const hit = run.finding('tls.intercepted');
    expect(hit?.args).toMatchObject({
      host: HOST,
      issuer: 'CN=Outlook-Doktor Test Root CA, O=Outlook-Doktor Tests',
      path: proxies.lookalike.url,
      note: 'same-name-other-key',
      issuerKey: await spkiSha256Of(proxies.lookalike.ca.certPem),
      directIssuerKey: await spkiSha256Of(lab.ca.certPem),
    });
    expect(run.report.findings.find((f) => f.id === 'tls.intercepted')?.detail).toContain(await spkiSha256Of(proxies.lookalike.ca.certPem));
  });

  it('only the proxy path works: tcp.unreachable is lowered, Outlook\'s path is fine', async () => {
    const run = await diagnoseWith({ server: `https://dead.contoso.test:${lab.port}/`, proxy: proxies.intercept.url });
    const unreachable = run.finding('tcp.unreachable');
    expect(unreachable).toMatchObject({ severity: 'warning', defaultSeverity: 'problem', args: { host: 'dead.contoso.test', lowered: 'other-path' } });
    // The answers through the proxy are the evidence for the other path.
    expect(unreachable?.evidence.filter((id) => id.includes('@proxy:'))).toHaveLength(5);
  });
});

describe('diagnosis with a PAC file (Windows settings handed in, everything else real)', () => {
  const windowsWith = (autoConfigUrl: string) =>
    PROBES.map((p) =>
      p.id === 'proxy.config'
        ? createProxyConfigProbe({
            snapshot: (view) => ({
              option: view.input.proxy,
              platform: 'windows',
              wininet: {
                data: {
                  ...wininetSettings(parseRegQuery(fixture('windows/reg-internet-settings-user-script.txt')), [], 'user'),
                  autoConfigUrl,
                },
              },
              dnsSuffixes: [],
            }),
          })
        : p,
    );

  it.each(['/broken.pac', '/loop.pac', '/missing.pac'])('a failing script %s: proxy.pac-failed, and the run still ends in time', async (file) => {
    const started = performance.now();
    const run = await diagnoseWith({}, windowsWith(pac.url(file)));
    expect(run.finding('proxy.pac-failed')?.args).toMatchObject({ pacUrl: pac.url(file) });
    // The download is an HTTP exchange for the bundle's HAR, the script capped as any body.
    const download = probesOf(run.evidence, 'proxy.config')[0]!.data!.pac!.exchanges!;
    expect(download.map((e) => `${e.request.method} ${e.request.url} ${e.response?.status}`)).toEqual([`GET ${pac.url(file)} ${file === '/missing.pac' ? 404 : 200}`]);
    expect(performance.now() - started).toBeLessThan(12_000);
    // Windows goes direct after a failed script: no proxy finding besides it.
    expect(run.ids).not.toContain('proxy.configured');
  });

  it.skipIf(noTinyproxy)('a working script sends Outlook through the proxy it names', async () => {
    const run = await diagnoseWith({}, windowsWith(pac.url('/dns.pac')));
    expect(run.finding('proxy.configured')?.args).toMatchObject({ source: 'pac', pacUrl: pac.url('/dns.pac'), proxy: `127.0.0.1:${tiny!.port}` });
    expect(okProbesOf(run.evidence, 'proxy.connect')[0]?.data.outcome).toBe('tunnel');
    expect(run.ids).not.toContain('proxy.pac-failed');
    expect(run.ids).not.toContain('tls.intercepted');
  });
});
