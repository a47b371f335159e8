import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConnectivityServer, type ConnectivityServer } from '../../../e2e/lab/connectivity-server';
import { startLabDnsServer, type LabDnsServer } from '../../../e2e/lab/dns-server';
import { BEARER_REJECTED_DIAGNOSTICS, EXCHANGE_ONLINE_CLIENT_ID, startExchangeLab, type ExchangeLab } from '../../../e2e/lab/exchange-server';
import { okProbesOf } from '../../../shared/model/evidence';
import { prepareRun } from '../engine-options';
import { runDiagnosis } from '../run-diagnosis';

/**
 * Modern authentication (Exchange Online, hybrid): the Bearer challenge's parameters and
 * Exchange's x-ms-diagnostics travel from a real answer into the evidence and the finding.
 */

const HOST = 'outlook.contoso.test';
const NCSI_HOST = 'www.msftconnecttest.test';
let lab: ExchangeLab;
let ncsi: ConnectivityServer;
let dns: LabDnsServer;
let dir: string;
let caFile: string;

beforeAll(async () => {
  [lab, ncsi] = await Promise.all([startExchangeLab({ hostNames: [HOST], addresses: { '127.0.0.2': { auth: 'exchange-online' } } }), startConnectivityServer({ variant: 'ok' })]);
  dns = await startLabDnsServer({ zone: { [HOST]: ['127.0.0.2'], [NCSI_HOST]: [ncsi.address] } });
  dir = await mkdtemp(path.join(tmpdir(), 'od-bearer-'));
  caFile = path.join(dir, 'ca.pem');
  await writeFile(caFile, lab.ca.certPem);
});
afterAll(async () => {
  await Promise.all([lab.close(), ncsi.close(), dns.close()]);
  await rm(dir, { recursive: true, force: true });
});

async function diagnose() {
  const prepared = await prepareRun({ server: `https://${HOST}:${lab.port}/`, dnsServers: dns.servers, caFiles: [caFile], connectivityUrl: ncsi.urlFor(NCSI_HOST), hostsFile: path.join(dir, 'no-hosts') });
  return runDiagnosis(prepared);
}

describe('Bearer challenges in a diagnosis', () => {
  it('authorization_uri, trusted_issuers and the client id reach the evidence and auth.modern-auth', async () => {
    lab.setBehaviour('127.0.0.2', { auth: 'exchange-online' });
    const { evidence, diagnosis } = await diagnose();
    const mapi = okProbesOf(evidence, 'http').find((r) => r.data.endpoint === 'mapi')!;
    expect(mapi.data.response?.challenges[0]).toEqual({
      scheme: 'Bearer',
      params: {
        client_id: EXCHANGE_ONLINE_CLIENT_ID,
        trusted_issuers: '00000001-0000-0000-c000-000000000000@*',
        token_types: 'app_asserted_user_v1 service_asserted_app_v1',
        authorization_uri: 'https://login.microsoftonline.com/common/oauth2/authorize',
      },
    });
    const hit = diagnosis.findings.find((f) => f.id === 'auth.modern-auth');
    expect(hit?.args).toMatchObject({ host: HOST, authority: 'https://login.microsoftonline.com/common/oauth2/authorize', resource: 'Exchange' });
    expect(hit?.args.note).toBeUndefined();
  });

  it('a rejected token: error and x-ms-diagnostics reach the evidence and the finding', async () => {
    lab.setBehaviour('127.0.0.2', { auth: 'exchange-online', bearerRejects: true });
    const { evidence, diagnosis } = await diagnose();
    const mapi = okProbesOf(evidence, 'http').find((r) => r.data.endpoint === 'mapi')!;
    expect(mapi.data.response?.challenges[0]?.params.error).toBe('invalid_token');
    expect(mapi.data.response?.identity.xMsDiagnostics).toBe(BEARER_REJECTED_DIAGNOSTICS);
    const hit = diagnosis.findings.find((f) => f.id === 'auth.modern-auth');
    expect(hit?.args).toMatchObject({ tokenError: 'invalid_token', note: 'token-rejected', diagnostics: BEARER_REJECTED_DIAGNOSTICS });
  });
});
