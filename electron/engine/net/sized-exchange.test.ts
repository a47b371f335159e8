import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startExchangeLab, type ExchangeLab } from '../../../e2e/lab/exchange-server';
import { startBrokenTlsServer, type LabServer } from '../../../e2e/lab/tls-server';
import { refusedPort } from '../../../e2e/lab/tcp-blackhole';
import { mtuRequest } from '../probes/mtu';
import { sizedExchange } from './sized-exchange';
import { tlsContext } from './tls-handshake';

/** Short deadline for the stall cases: what is measured is "open and silent", not how long. */
const STALL_MS = 400;
const MARGIN_MS = 1_500;
const HOST = 'mail.contoso.test';

let lab: ExchangeLab;
const broken: LabServer[] = [];
beforeAll(async () => {
  lab = await startExchangeLab({
    addresses: { '127.0.0.2': {}, '127.0.0.3': { fault: 'silent', faultPaths: ['/ews'] }, '127.0.0.4': { fault: 'endless-body', faultPaths: ['/ews'] } },
  });
});
afterAll(async () => {
  await Promise.all([lab.close(), ...broken.map((s) => s.close())]);
});

function exchange(address: string, port: number, padding: number, options: { timeoutMs?: number; signal?: AbortSignal } = {}) {
  return sizedExchange({
    address,
    port,
    servername: HOST,
    context: tlsContext([lab.ca.certPem], 'modern'),
    request: mtuRequest(HOST, port, padding),
    timeoutMs: options.timeoutMs ?? 5_000,
    signal: options.signal ?? new AbortController().signal,
  });
}

describe('sized exchange', () => {
  it('completes a small and a large request against an Exchange-like server, counting bytes', async () => {
    const [small, large] = await Promise.all([exchange('127.0.0.2', lab.port, 0), exchange('127.0.0.2', lab.port, 6_000)]);
    expect(small).toMatchObject({ outcome: 'ok' });
    expect(small.requestBytes).toBeLessThan(300);
    expect(large).toMatchObject({ outcome: 'ok' });
    expect(large.requestBytes).toBeGreaterThan(6_000);
    for (const e of [small, large]) {
      expect(e.receivedBytes).toBe(e.responseBytes);
      expect(e.receivedBytes).toBeGreaterThan(100);
    }
    // The server saw the padding: the whole head arrived.
    const seen = lab.requests.filter((r) => r.address === '127.0.0.2').map((r) => r.headers.find(([n]) => n === 'X-Outlook-Doktor-Padding')?.[1].length ?? 0);
    expect(seen.sort((a, b) => a - b)).toEqual([0, 6_000]);
  });

  it('calls an open, silent connection stalled at its deadline', async () => {
    const started = performance.now();
    const result = await exchange('127.0.0.3', lab.port, 0, { timeoutMs: STALL_MS });
    expect(result).toMatchObject({ outcome: 'stalled', receivedBytes: 0, error: { kind: 'timeout' } });
    expect(result.error?.message).toContain('connection still open');
    expect(performance.now() - started).toBeLessThan(STALL_MS + MARGIN_MS);
  });

  it('does not call a body that keeps trickling in stalled: that is a slow path, not a black hole', async () => {
    const result = await exchange('127.0.0.4', lab.port, 0, { timeoutMs: STALL_MS });
    expect(result).toMatchObject({ outcome: 'failed', error: { kind: 'timeout' } });
    expect(result.error?.message).toContain('still arriving');
    expect(result.receivedBytes).toBeGreaterThan(0);
  });

  it('stalls in the handshake when the server never answers the ClientHello', async () => {
    const server = await startBrokenTlsServer({ addresses: ['127.0.0.5'], behaviour: 'stall' });
    broken.push(server);
    const result = await exchange('127.0.0.5', server.port, 0, { timeoutMs: STALL_MS });
    expect(result).toMatchObject({ outcome: 'stalled', receivedBytes: 0 });
    expect(result.error?.message).toContain('no TLS handshake');
  });

  it('calls a reset or a refused connection failed, not stalled', async () => {
    const server = await startBrokenTlsServer({ addresses: ['127.0.0.5'], behaviour: 'reset' });
    broken.push(server);
    expect((await exchange('127.0.0.5', server.port, 0)).outcome).toBe('failed');
    expect((await exchange('127.0.0.5', await refusedPort('127.0.0.5'), 0)).outcome).toBe('failed');
  });

  it('ends at once on the caller’s signal, as failed: the stall was not watched to the end', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('run deadline')), 100);
    const started = performance.now();
    const result = await exchange('127.0.0.3', lab.port, 0, { timeoutMs: 10_000, signal: controller.signal });
    expect(result).toMatchObject({ outcome: 'failed', error: { kind: 'timeout' } });
    expect(performance.now() - started).toBeLessThan(100 + MARGIN_MS);
  });
});
