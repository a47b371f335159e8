import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probesOf } from '../../../shared/model/evidence';
import type { RunInput } from '../../../shared/model/run-input';
import { OWA_LOGON_PAGE_BYTES, startExchangeLab, type ExchangeLab } from '../../../e2e/lab/exchange-server';
import { staticDnsProbe } from '../../../e2e/lab/static-dns';
import { createRunServices } from '../create-run-services';
import { runProbes } from '../runner';
import { DF_SWEEP_TIMEOUT_MS, LARGE_REQUEST_PADDING_BYTES, LARGE_RESPONSE_MIN_BYTES, MTU_EXCHANGE_TIMEOUT_MS, mtuProbe } from './mtu';
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
    addresses: {
      '127.0.0.2': {},
      '127.0.0.3': {},
      '127.0.0.4': { fault: 'silent', faultPaths: ['/ews'] },
      // Exchange Online: no forms sign-in page, OWA sends the browser to Microsoft's sign-in.
      '127.0.0.5': { auth: 'exchange-online' },
      // Only the large answer goes unanswered: what a server → client black hole looks like from here.
      '127.0.0.6': { fault: 'silent', faultPaths: ['/owa/auth/'] },
    },
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
      // The server → client direction: OWA's sign-in page, uncompressed, after a handshake of the server's certificate flight.
      expect(r.data!.largeResponse).toMatchObject({ path: '/owa/auth/logon.aspx', outcome: 'ok', status: 200 });
      expect(r.data!.largeResponse!.responseBytes).toBeGreaterThanOrEqual(OWA_LOGON_PAGE_BYTES);
      expect(r.data!.largeResponse!.receivedBytes).toBe(r.data!.largeResponse!.responseBytes);
      for (const e of [r.data!.small, r.data!.large, r.data!.largeResponse!]) expect(e.handshakeBytes).toBeGreaterThan(500);
      expect(r.summary).toMatch(/^small \d+ B request: answered in \d+ ms; large \d+ B request: answered in \d+ ms; large answer \(\d+ B, status 200\) in \d+ ms$/);
      // All three transfers as HTTP exchanges for the bundle's HAR: the request as sent, the answer's head.
      const [small, large, largeAnswer] = r.data!.exchanges!;
      expect(small).toMatchObject({ request: { method: 'GET', url: `https://${HOST}:${lab.port}/EWS/Exchange.asmx` }, address: r.data!.address, response: { status: 401, statusText: 'Unauthorized', httpVersion: '1.1' } });
      expect(small!.response!.challenges.map((c) => c.scheme)).toEqual(['Negotiate', 'NTLM']);
      expect(large!.request.headers.find(([n]) => n === 'X-Outlook-Doktor-Padding')?.[1]).toHaveLength(LARGE_REQUEST_PADDING_BYTES);
      expect(large!.response?.status).toBe(401);
      expect(largeAnswer).toMatchObject({ request: { url: expect.stringContaining('/owa/auth/logon.aspx') as string }, response: { status: 200 } });
    }
    const owa = lab.requests.filter((q) => q.target.startsWith('/owa/auth/logon.aspx'));
    expect(owa.map((q) => q.target)).toContain(`/owa/auth/logon.aspx?url=${encodeURIComponent(`https://${HOST}:${lab.port}/owa/`)}&reason=0`);
    expect(owa.every((q) => !q.headers.some(([n]) => n.toLowerCase() === 'accept-encoding'))).toBe(true);
    expect(elapsed).toBeLessThan(MARGIN_MS);
  });

  it('says when the server has no large anonymous answer: then only the TLS handshake tests the way back', async () => {
    const { mtu } = await probe({ [HOST]: ['127.0.0.5'] });
    expect(mtu).toHaveLength(1);
    const { status, data, summary } = mtu[0]!;
    expect(status).toBe('ok');
    expect(data!.largeResponse).toMatchObject({ outcome: 'ok', status: 302 });
    expect(data!.largeResponse!.responseBytes).toBeLessThan(LARGE_RESPONSE_MIN_BYTES);
    expect(summary).toMatch(/no large anonymous answer \(\d+ B, status 302\): server → client tested by the TLS handshake only \(\d+ B\)$/);
  });

  it('fails when only the large answer stalls, the small and the large request passing', async () => {
    const { mtu, elapsed } = await probe({ [HOST]: ['127.0.0.6'] });
    expect(mtu).toHaveLength(1);
    expect(mtu[0]).toMatchObject({ status: 'fail', data: { small: { outcome: 'ok' }, large: { outcome: 'ok' }, largeResponse: { outcome: 'stalled', receivedBytes: 0 } } });
    expect(mtu[0]!.summary).toContain('large answer: stalled');
    expect(elapsed).toBeLessThan(MTU_EXCHANGE_TIMEOUT_MS + DF_SWEEP_TIMEOUT_MS + MARGIN_MS);
  });

  it('is not planned for an address whose TCP connect failed', async () => {
    // 127.0.0.9 has no listener: refused.
    const { mtu } = await probe({ [HOST]: ['127.0.0.2', '127.0.0.9'] });
    expect(mtu.map((r) => r.data?.address)).toEqual(['127.0.0.2']);
  });

  it('records both EWS exchanges stalled when the server answers nothing there, and sweeps no pings (the path is not the cause)', async () => {
    const { mtu, elapsed } = await probe({ [HOST]: ['127.0.0.4'] });
    expect(mtu).toHaveLength(1);
    expect(mtu[0]).toMatchObject({ status: 'fail', data: { small: { outcome: 'stalled' }, large: { outcome: 'stalled' } } });
    expect(mtu[0]!.data!.dfSweep).toBeUndefined();
    expect(mtu[0]!.data!.exchanges?.map((e) => `${e.response?.status ?? 'none'} ${e.error?.kind}`)).toEqual(['none timeout', 'none timeout', '200 undefined']);
    expect(elapsed).toBeLessThan(MTU_EXCHANGE_TIMEOUT_MS + MARGIN_MS);
  });
});
