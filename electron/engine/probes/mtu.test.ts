import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probesOf } from '../../../shared/model/evidence';
import type { RunInput } from '../../../shared/model/run-input';
import { startExchangeLab, type ExchangeLab } from '../../../e2e/lab/exchange-server';
import { staticDnsProbe } from '../../../e2e/lab/static-dns';
import { createRunServices } from '../create-run-services';
import { runProbes } from '../runner';
import { LARGE_REQUEST_PADDING_BYTES, MTU_EXCHANGE_TIMEOUT_MS, mtuProbe } from './mtu';
import { tcpProbe } from './tcp';

/**
 * The MTU probe on loopback: planning, a healthy path, a server that answers nothing. The black
 * hole itself (small passes, large stalls, the DF sweep) needs a real small-MTU link: see
 * e2e/netlab/scenarios.test.ts.
 */

const MARGIN_MS = 1_500;
const HOST = 'mail.contoso.test';

let lab: ExchangeLab;
beforeAll(async () => {
  lab = await startExchangeLab({
    addresses: { '127.0.0.2': {}, '127.0.0.3': {}, '127.0.0.4': { fault: 'silent', faultPaths: ['/ews'] } },
  });
});
afterAll(async () => {
  await lab.close();
});

async function probe(answers: Record<string, string[]>, options: { email?: string } = {}) {
  const input: RunInput = {
    server: { host: HOST, port: lab.port },
    ...(options.email ? { email: options.email } : {}),
    dnsServers: [],
    connectivityUrl: 'http://127.0.0.1:9/',
    connectivityExpect: 'x',
    proxy: { mode: 'none' },
    timeoutMs: 15_000,
  };
  const services = createRunServices(input, { extraCa: [lab.ca.certPem] });
  const started = performance.now();
  try {
    const results = await runProbes({ definitions: [staticDnsProbe(answers), tcpProbe, mtuProbe], input, services, deadlineMs: input.timeoutMs });
    return { mtu: probesOf({ probes: results }, 'mtu'), elapsed: performance.now() - started };
  } finally {
    await services.close();
  }
}

describe('mtu probe', () => {
  it('checks each address of the Exchange host once, after its TCP connect, and is quick on a healthy path', async () => {
    const { mtu, elapsed } = await probe({ [HOST]: ['127.0.0.2', '127.0.0.3'], 'contoso.test': ['127.0.0.2'], 'autodiscover.contoso.test': ['127.0.0.3'] }, { email: 'anna@contoso.test' });
    expect(mtu.map((r) => r.id).sort()).toEqual([`mtu:${HOST}@127.0.0.2:${lab.port}`, `mtu:${HOST}@127.0.0.3:${lab.port}`]);
    for (const r of mtu) {
      expect(r.status).toBe('ok');
      expect(r.after).toEqual([r.id.replace(/^mtu:/, 'tcp:')]);
      expect(r.data).toMatchObject({ host: HOST, family: 4, port: lab.port, small: { outcome: 'ok' }, large: { outcome: 'ok' } });
      expect(r.data!.dfSweep).toBeUndefined();
      expect(r.summary).toMatch(/^small \d+ B request: answered in \d+ ms; large \d+ B request: answered in \d+ ms$/);
      // Both transfers as HTTP exchanges for the bundle's HAR: the request as sent, the answer's head.
      const [small, large] = r.data!.exchanges!;
      expect(small).toMatchObject({ request: { method: 'GET', url: `https://${HOST}:${lab.port}/EWS/Exchange.asmx` }, address: r.data!.address, response: { status: 401, statusText: 'Unauthorized', httpVersion: '1.1' } });
      expect(small!.response!.challenges.map((c) => c.scheme)).toEqual(['Negotiate', 'NTLM']);
      expect(large!.request.headers.find(([n]) => n === 'X-Outlook-Doktor-Padding')?.[1]).toHaveLength(LARGE_REQUEST_PADDING_BYTES);
      expect(large!.response?.status).toBe(401);
    }
    expect(elapsed).toBeLessThan(MARGIN_MS);
  });

  it('is not planned for an address whose TCP connect failed', async () => {
    // 127.0.0.9 has no listener: refused.
    const { mtu } = await probe({ [HOST]: ['127.0.0.2', '127.0.0.9'] });
    expect(mtu.map((r) => r.data?.address)).toEqual(['127.0.0.2']);
  });

  it('records both exchanges stalled when the server answers nothing, and sweeps no pings (the path is not the cause)', async () => {
    const { mtu, elapsed } = await probe({ [HOST]: ['127.0.0.4'] });
    expect(mtu).toHaveLength(1);
    expect(mtu[0]).toMatchObject({ status: 'fail', data: { small: { outcome: 'stalled' }, large: { outcome: 'stalled' } } });
    expect(mtu[0]!.data!.dfSweep).toBeUndefined();
    expect(mtu[0]!.data!.exchanges?.map((e) => `${e.response?.status ?? 'none'} ${e.error?.kind}`)).toEqual(['none timeout', 'none timeout']);
    expect(elapsed).toBeLessThan(MTU_EXCHANGE_TIMEOUT_MS + MARGIN_MS);
  });
});
