import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { okProbesOf, probesOf } from '../../../shared/model/evidence';
import { NCSI_TEXT, startConnectivityServer, type ConnectivityServer } from '../../../e2e/lab/connectivity-server';
import { startLabDnsServer, type LabDnsServer } from '../../../e2e/lab/dns-server';
import { startExchangeLab, type ExchangeLab } from '../../../e2e/lab/exchange-server';
import { prepareRun } from '../engine-options';
import { runDiagnosis } from '../run-diagnosis';

/**
 * The HTTP and connectivity probes inside a whole diagnosis: names from the lab DNS server
 * (`--dns-server`), trust from `--ca-file`, every probe of the product list.
 */

const HOST = 'mail.contoso.test';
const NCSI_HOST = 'www.msftconnecttest.test';

let lab: ExchangeLab;
let ncsi: ConnectivityServer;
let dns: LabDnsServer;
let dir: string;
let caFile: string;

beforeAll(async () => {
  [lab, ncsi] = await Promise.all([startExchangeLab({ addresses: { '127.0.0.2': {}, '127.0.0.3': { status: 503 } } }), startConnectivityServer({ variant: 'login-page' })]);
  dns = await startLabDnsServer({ zone: { [HOST]: ['127.0.0.2', '127.0.0.3'], [NCSI_HOST]: [ncsi.address] } });
  dir = await mkdtemp(path.join(tmpdir(), 'od-http-'));
  caFile = path.join(dir, 'ca.pem');
  await writeFile(caFile, lab.ca.certPem);
});
afterAll(async () => {
  await Promise.all([lab.close(), ncsi.close(), dns.close(), rm(dir, { recursive: true, force: true })]);
});

describe('HTTP and connectivity probes in a diagnosis', () => {
  it('asks every address of the name and the connectivity check by name, and ends long before the deadline', async () => {
    const timeoutSeconds = 10;
    const prepared = await prepareRun({
      server: `https://${HOST}:${lab.port}/`,
      dnsServers: dns.servers,
      caFiles: [caFile],
      connectivityUrl: ncsi.urlFor(NCSI_HOST),
      timeoutSeconds,
    });
    const started = performance.now();
    const { evidence } = await runDiagnosis(prepared);
    // About 0.25 s here; nothing may wait for the deadline when every server answers.
    expect(performance.now() - started).toBeLessThan((timeoutSeconds * 1000) / 2);

    const http = okProbesOf(evidence, 'http');
    const byAddress = (address: string, endpoint: string) => http.find((r) => r.data.address === address && r.data.endpoint === endpoint);
    expect(byAddress('127.0.0.2', 'mapi')?.data.response?.status).toBe(401);
    expect(byAddress('127.0.0.2', 'mapi')?.data.response?.challenges.map((c) => c.scheme)).toEqual(['Negotiate', 'NTLM']);
    expect(byAddress('127.0.0.3', 'mapi')?.data.response?.status).toBe(503);
    expect(http.filter((r) => r.data.endpoint === 'healthcheck').map((r) => `${r.data.address} ${r.data.response?.status}`).sort()).toEqual([
      ...Array<string>(5).fill('127.0.0.2 200'),
      ...Array<string>(5).fill('127.0.0.3 503'),
    ]);
    // Each HTTP instance waited for the TCP probe of its own address.
    expect(byAddress('127.0.0.3', 'ews')?.after).toEqual([`tcp:${HOST}@127.0.0.3:${lab.port}`]);

    const [connectivity] = probesOf(evidence, 'connectivity');
    expect(connectivity?.data).toMatchObject({ outcome: 'portal', portalReason: 'html-page', address: ncsi.address, expected: NCSI_TEXT });
    expect(ncsi.requests.at(-1)?.host).toBe(`${NCSI_HOST}:${ncsi.port}`);
  });
});
