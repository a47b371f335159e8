import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startExchangeLab, type ExchangeLab } from '../../../e2e/lab/exchange-server';
import { startTestProxy, type TestProxy } from '../../../e2e/lab/test-proxy';
import { startTinyproxy, tinyproxyUnavailable, type Tinyproxy } from '../../../e2e/lab/tinyproxy';
import type { ProxyServer } from '../../../shared/model/probe-data';
import { openTunnel, type TunnelOptions } from './proxy-tunnel';

/**
 * CONNECT through real proxies on loopback: tinyproxy from Debian for the healthy path, the lab's
 * own proxy for sign-in, refusals, silence and garbage.
 */

const HOST = 'mail.contoso.test';
let lab: ExchangeLab;
let proxy: TestProxy;
let tiny: Tinyproxy | undefined;
const noTinyproxy = tinyproxyUnavailable();

beforeAll(async () => {
  lab = await startExchangeLab({ addresses: { '127.0.0.2': {} } });
  proxy = await startTestProxy({ mode: 'auth', upstream: { [HOST]: '127.0.0.2' } });
  if (!noTinyproxy) tiny = await startTinyproxy({ [HOST]: '127.0.0.2' });
});
afterAll(async () => {
  await Promise.all([lab.close(), proxy.close(), tiny?.close()]);
});

const server = (url: string): ProxyServer => {
  const u = new URL(url);
  return { url, host: u.hostname, port: Number(u.port) };
};
const options = (p: ProxyServer, extra: Partial<TunnelOptions> = {}): TunnelOptions => ({
  proxy: p,
  host: HOST,
  port: lab.port,
  lookup: () => Promise.reject(new Error('no lookups in this test')),
  trustedCa: [],
  timeoutMs: 3_000,
  signal: AbortSignal.timeout(10_000),
  ...extra,
});

describe('CONNECT through a proxy', () => {
  it.skipIf(noTinyproxy)('opens a tunnel through tinyproxy, and the tunnel reaches the server', async () => {
    const result = await openTunnel(options(server(tiny!.url)));
    expect(result).toMatchObject({ status: 200, challenges: [], proxyAddress: '127.0.0.1' });
    expect(result.socket).toBeDefined();
    expect(result.timings.connectMs).toBeGreaterThanOrEqual(0);
    // The server's TLS stack answers through the tunnel (a handshake or an alert record to this minimal hello).
    const hello = await new Promise<Buffer>((resolve) => {
      result.socket!.once('data', resolve);
      result.socket!.write(Buffer.from('160301002e0100002a0303' + '00'.repeat(32) + '0000020035010000', 'hex'));
    });
    expect([0x15, 0x16]).toContain(hello[0]);
    result.socket!.destroy();
    expect(await tiny!.log()).toContain(`CONNECT ${HOST}:${lab.port}`);
  });

  it.skipIf(noTinyproxy)('reports a real proxy\'s refusal when it cannot reach the host', async () => {
    const result = await openTunnel(options(server(tiny!.url), { port: 9 }));
    expect(result).toMatchObject({ status: 500, statusText: 'Unable to connect' });
    expect(result.socket).toBeUndefined();
    expect(result.body?.preview).toContain('Tinyproxy was unable to connect');
  });

  it('407: the methods of every Proxy-Authenticate line, the page, and no credentials sent', async () => {
    proxy.setMode('auth');
    const result = await openTunnel(options(server(proxy.url)));
    expect(result).toMatchObject({ status: 407, statusText: 'Proxy Authentication Required' });
    expect(result.challenges.map((c) => c.scheme)).toEqual(['Negotiate', 'NTLM', 'Basic']);
    expect(result.challenges[2]?.params).toEqual({ realm: 'Contoso Proxy' });
    // The chunked page decoded.
    expect(result.body?.preview).toBe('<html><head><title>407 Proxy Authentication Required</title></head><body>Please sign in to the proxy.</body></html>');
    const sent = proxy.requests.at(-1)!;
    expect(sent.target).toBe(`${HOST}:${lab.port}`);
    expect(sent.headers.map(([n]) => n.toLowerCase())).not.toContain('proxy-authorization');
  });

  it.each([403, 405, 502] as const)('refused CONNECT %i with its block page', async (status) => {
    const refusing = await startTestProxy({ mode: 'refuse', refuseStatus: status });
    try {
      const result = await openTunnel(options(server(refusing.url)));
      expect(result.status).toBe(status);
      expect(result.body).toMatchObject({ contentType: 'text/html; charset=utf-8', truncated: false });
      expect(result.body?.preview).toContain('Access Denied');
      expect(result.headers?.find(([n]) => n === 'Server')?.[1]).toBe('ContosoGate/2.1');
    } finally {
      await refusing.close();
    }
  });

  it('an https:// proxy: TLS to the proxy first (its certificate checked), then CONNECT inside', async () => {
    const secure = await startTestProxy({ mode: 'tunnel', secure: true, upstream: { [HOST]: '127.0.0.2' } });
    try {
      const trusted = await openTunnel(options(server(secure.url), { trustedCa: [secure.ca.certPem] }));
      expect(trusted).toMatchObject({ status: 200 });
      trusted.socket?.destroy();
      const untrusted = await openTunnel(options(server(secure.url)));
      expect(untrusted.socket).toBeUndefined();
      expect(untrusted.error?.kind).toBe('other');
      expect(untrusted.error?.message).toMatch(/certificate/i);
    } finally {
      await secure.close();
    }
  });

  it('no answer: silence ends at the deadline, a closed port at once, garbage as a protocol error', async () => {
    proxy.setMode('silent');
    const started = performance.now();
    const silent = await openTunnel(options(server(proxy.url), { timeoutMs: 500 }));
    expect(silent.error?.kind).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(500 + 2_000);

    const closed = await openTunnel(options(server('http://127.0.0.1:1')));
    expect(closed.error).toMatchObject({ kind: 'proxy-unreachable', code: 'ECONNREFUSED' });

    proxy.setMode('garbage');
    const garbage = await openTunnel(options(server(proxy.url)));
    expect(garbage.error?.kind).toMatch(/^(protocol|reset)$/);

    const unresolvable = await openTunnel(options(server('http://proxy.nonexistent.test:8080')));
    expect(unresolvable.error).toMatchObject({ kind: 'proxy-unreachable' });
  });
});
