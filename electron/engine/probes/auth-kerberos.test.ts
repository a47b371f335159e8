import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConnectivityServer, type ConnectivityServer } from '../../../e2e/lab/connectivity-server';
import { startLabDnsServer, type LabDnsServer } from '../../../e2e/lab/dns-server';
import { startExchangeLab, type ExchangeLab } from '../../../e2e/lab/exchange-server';
import { kdcUnavailable, startKdc, type LabKdc } from '../../../e2e/lab/kdc';
import { probesOf } from '../../../shared/model/evidence';
import { prepareRun } from '../engine-options';
import { runDiagnosis } from '../run-diagnosis';

/**
 * The Kerberos check in whole diagnoses against a throw-away MIT realm on 127.0.0.1: the Exchange
 * lab offers Negotiate, the realm has HTTP/mail.test.lan but not HTTP/mail2.test.lan.
 */

const DOMAIN = 'test.lan';
const NCSI_HOST = 'www.msftconnecttest.test';
const missingTools = kdcUnavailable();
if (missingTools) console.log(`auth-kerberos: skipped: ${missingTools}`);

let lab: ExchangeLab;
let ncsi: ConnectivityServer;
let dns: LabDnsServer;
let kdc: LabKdc | undefined;
let dir: string;
let caFile: string;
const savedEnv: Record<string, string | undefined> = {};

beforeAll(async () => {
  [lab, ncsi] = await Promise.all([
    startExchangeLab({ hostNames: [`mail.${DOMAIN}`, `mail2.${DOMAIN}`, `autodiscover.${DOMAIN}`], addresses: { '127.0.0.2': {} } }),
    startConnectivityServer({ variant: 'ok' }),
  ]);
  dns = await startLabDnsServer({ zone: { [`mail.${DOMAIN}`]: ['127.0.0.2'], [`mail2.${DOMAIN}`]: ['127.0.0.2'], [NCSI_HOST]: [ncsi.address] } });
  dir = await mkdtemp(path.join(tmpdir(), 'od-kerberos-'));
  caFile = path.join(dir, 'ca.pem');
  await writeFile(caFile, lab.ca.certPem);
  if (missingTools) return;
  kdc = await startKdc({ domain: DOMAIN, users: ['alice'], services: [`HTTP/mail.${DOMAIN}`] });
  // The probes and the klist collector run the tools with this process's environment.
  for (const [name, value] of Object.entries(kdc.env)) {
    savedEnv[name] = process.env[name];
    process.env[name] = value;
  }
});
afterAll(async () => {
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await Promise.all([lab.close(), ncsi.close(), dns.close(), kdc?.close()]);
  await rm(dir, { recursive: true, force: true });
});

async function diagnose(host: string) {
  const prepared = await prepareRun({ server: `https://${host}:${lab.port}/`, dnsServers: dns.servers, caFiles: [caFile], connectivityUrl: ncsi.urlFor(NCSI_HOST), hostsFile: path.join(dir, 'no-hosts') });
  const outcome = await runDiagnosis(prepared);
  return { kerberos: probesOf(outcome.evidence, 'auth.kerberos')[0], finding: outcome.diagnosis.findings.find((f) => f.id === 'auth.kerberos-no-ticket'), outcome };
}

describe.skipIf(missingTools)('Kerberos ticket for the Exchange host', () => {
  it('obtains a ticket for an SPN the realm has, then finds it in the cache; nothing is raised', async () => {
    kdc!.kinit('alice');
    const first = await diagnose(`mail.${DOMAIN}`);
    expect(first.kerberos?.data).toEqual({ host: `mail.${DOMAIN}`, spn: `HTTP/mail.${DOMAIN}`, tool: 'mit-klist', tgt: true, realm: 'TEST.LAN', ticket: 'obtained' });
    expect(first.finding).toBeUndefined();
    expect(first.outcome.artifacts.map((a) => a.path)).toContain('system/kvno-http.txt');

    const second = await diagnose(`mail.${DOMAIN}`);
    expect(second.kerberos?.data).toMatchObject({ ticket: 'cached', tgt: true });
  });

  it('an SPN no account holds: auth.kerberos-no-ticket with the KDC\'s reason', async () => {
    kdc!.kinit('alice');
    const run = await diagnose(`mail2.${DOMAIN}`);
    expect(run.kerberos?.data).toMatchObject({ ticket: 'failed', tgt: true, realm: 'TEST.LAN', error: { kind: 'principal-unknown', code: 'KDC_ERR_S_PRINCIPAL_UNKNOWN' } });
    expect(run.finding?.args).toEqual({ host: `mail2.${DOMAIN}`, spn: `HTTP/mail2.${DOMAIN}`, reason: 'principal-unknown (KDC_ERR_S_PRINCIPAL_UNKNOWN)', realm: 'TEST.LAN' });
  });

  it('no ticket-granting ticket (not signed in to a realm): nothing asked, nothing raised', async () => {
    kdc!.kdestroy();
    const run = await diagnose(`mail2.${DOMAIN}`);
    expect(run.kerberos?.data).toMatchObject({ tool: 'mit-klist', tgt: false, ticket: 'unknown' });
    expect(run.finding).toBeUndefined();
    expect(run.outcome.artifacts.map((a) => a.path)).not.toContain('system/kvno-http.txt');
  });

  it('the KDC cannot be reached: raised with that reason, within the deadline', async () => {
    kdc!.kinit('alice');
    await kdc!.stop();
    const started = performance.now();
    const run = await diagnose(`mail2.${DOMAIN}`);
    expect(run.kerberos?.data).toMatchObject({ ticket: 'failed', error: { kind: 'kdc-unreachable' } });
    expect(run.finding?.args.reason).toBe('kdc-unreachable (KRB5_KDC_UNREACH)');
    expect(performance.now() - started).toBeLessThan(15_000);
  });
});

describe('Kerberos check without Negotiate', () => {
  it('is not planned where the server offers no Negotiate', async () => {
    lab.setBehaviour('127.0.0.2', { auth: 'basic-only' });
    try {
      const run = await diagnose(`mail.${DOMAIN}`);
      expect(run.kerberos).toBeUndefined();
    } finally {
      lab.setBehaviour('127.0.0.2', {});
    }
  });
});
