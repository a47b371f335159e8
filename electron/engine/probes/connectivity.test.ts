import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probesOf } from '../../../shared/model/evidence';
import type { ConnectivityData, HttpExchange, ResolvedAddress } from '../../../shared/model/probe-data';
import type { RunInput } from '../../../shared/model/run-input';
import { NCSI_TEXT, PORTAL_HOST, startConnectivityServer, type ConnectivityServer, type ConnectivityVariant } from '../../../e2e/lab/connectivity-server';
import { refusedPort } from '../../../e2e/lab/tcp-blackhole';
import { createRunServices } from '../create-run-services';
import { DEADLINE_GRACE_MS, runProbes } from '../runner';
import type { RunServices } from '../run-services';
import { connectivityProbe, judgeConnectivity } from './connectivity';

/** Slack for a loaded two-core machine on top of a deadline. */
const MARGIN_MS = 1_500;
const NCSI_HOST = 'www.msftconnecttest.test';

function input(url: string): RunInput {
  return { server: { host: 'mail.contoso.test', port: 443 }, dnsServers: [], connectivityUrl: url, connectivityExpect: NCSI_TEXT, proxy: { mode: 'none' }, timeoutMs: 10_000 };
}

/** A name table standing in for the run's resolver (the DNS probes' lab covers real resolution). */
function lookupFrom(table: Record<string, string[]>): RunServices['lookup'] {
  return async (name, signal) => {
    signal.throwIfAborted();
    const addresses = table[name];
    if (!addresses) throw Object.assign(new Error(`queryA ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
    return addresses.map((address): ResolvedAddress => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
}

async function check(url: string, options: { table?: Record<string, string[]>; deadlineMs?: number } = {}) {
  const runInput = input(url);
  const base = createRunServices(runInput, { extraCa: [] });
  const services = options.table ? { ...base, lookup: lookupFrom(options.table) } : base;
  const started = performance.now();
  try {
    const results = await runProbes({ definitions: [connectivityProbe], input: runInput, services, deadlineMs: options.deadlineMs ?? 10_000 });
    const [result] = probesOf({ probes: results }, 'connectivity');
    return { result: result!, data: result!.data as ConnectivityData, elapsed: performance.now() - started };
  } finally {
    await base.close();
  }
}

let server: ConnectivityServer;
beforeAll(async () => {
  server = await startConnectivityServer();
});
afterAll(async () => {
  await server.close();
});
const variant = (v: ConnectivityVariant) => server.setVariant(v);

describe('connectivity probe', () => {
  it('ok: the expected text from the check URL', async () => {
    variant('ok');
    const { result, data } = await check(server.url);
    expect(result.status).toBe('ok');
    expect(data).toMatchObject({ outcome: 'ok', url: server.url, expected: NCSI_TEXT, address: '127.0.0.1', response: { status: 200 } });
    expect(data.request.headers).toContainEqual(['User-Agent', 'Microsoft NCSI']);
    expect(result.summary).toMatch(/^ok: 200 "Microsoft Connect Test" \(\d+ ms\)$/);
  });

  it('resolves the check host through the run services and sends its name as Host', async () => {
    variant('ok');
    const url = server.urlFor(NCSI_HOST);
    const { data } = await check(url, { table: { [NCSI_HOST]: ['127.0.0.1'] } });
    expect(data).toMatchObject({ outcome: 'ok', address: '127.0.0.1', addresses: ['127.0.0.1'] });
    expect(data.lookupMs).toBeGreaterThanOrEqual(0);
    expect(server.requests.at(-1)).toEqual({ host: `${NCSI_HOST}:${server.port}`, path: '/connecttest.txt' });
  });

  it('tries the next address when the first refuses', async () => {
    variant('ok');
    const url = server.urlFor(NCSI_HOST);
    const { data } = await check(url, { table: { [NCSI_HOST]: ['127.0.0.5', '127.0.0.1'] } });
    expect(data).toMatchObject({ outcome: 'ok', address: '127.0.0.1', addresses: ['127.0.0.5', '127.0.0.1'] });
  });

  it('portal: a redirect to a foreign host, with tokens in its URL redacted', async () => {
    variant('redirect');
    const { result, data } = await check(server.url);
    expect(result.status).toBe('fail');
    expect(data).toMatchObject({ outcome: 'portal', portalReason: 'redirect-foreign-host', redirectHost: PORTAL_HOST, response: { status: 302 } });
    expect(data.response?.location).toContain('session_token=[redacted]');
    expect(JSON.stringify(data)).not.toContain('s3cr3t');
    expect(result.summary).toBe(`portal: 302 → ${PORTAL_HOST} (${Math.round(data.timings.totalMs)} ms)`);
  });

  it('portal: an HTML login page instead of the text', async () => {
    variant('login-page');
    const { data } = await check(server.url);
    expect(data).toMatchObject({ outcome: 'portal', portalReason: 'html-page', response: { status: 200 } });
    expect(data.response?.body.preview).toContain('Gast-WLAN');
  });

  it('portal: 511 Network Authentication Required', async () => {
    variant('network-auth-required');
    const { data } = await check(server.url);
    expect(data).toMatchObject({ outcome: 'portal', portalReason: 'network-authentication-required' });
  });

  it('wrong answer: other text', async () => {
    variant('wrong-text');
    const { result, data } = await check(server.url);
    expect(data.outcome).toBe('wrong-answer');
    expect(data.portalReason).toBeUndefined();
    expect(result.summary).toContain('"Access denied by web filter"');
  });

  it('unreachable: connection refused', async () => {
    const port = await refusedPort('127.0.0.1');
    const { result, data } = await check(`http://127.0.0.1:${port}/connecttest.txt`);
    expect(result.status).toBe('fail');
    expect(data).toMatchObject({ outcome: 'unreachable', error: { kind: 'refused' } });
    expect(data.response).toBeUndefined();
  });

  it('unreachable: the name does not resolve', async () => {
    const { result, data } = await check(`http://${NCSI_HOST}/connecttest.txt`, { table: {} });
    expect(result.status).toBe('fail');
    expect(data).toMatchObject({ outcome: 'unreachable', error: { kind: 'dns' } });
    expect(data.error?.message).toContain(NCSI_HOST);
  });

  it('unreachable by the deadline when the check never answers', async () => {
    variant('silent');
    const deadlineMs = 800;
    const { result, data, elapsed } = await check(server.url, { deadlineMs });
    expect(elapsed).toBeLessThan(deadlineMs + DEADLINE_GRACE_MS + MARGIN_MS);
    expect(result.status).toBe('timeout');
    expect(data).toMatchObject({ outcome: 'unreachable', error: { kind: 'timeout' } });
  });
});

describe('judgeConnectivity', () => {
  const answer = (status: number, extra: { location?: string; contentType?: string; preview?: string; truncated?: boolean } = {}): HttpExchange => ({
    request: { method: 'GET', url: 'http://www.msftconnecttest.com/connecttest.txt', headers: [] },
    response: {
      status,
      statusText: '',
      httpVersion: '1.1',
      headers: extra.location ? [['Location', extra.location]] : [],
      challenges: [],
      identity: {},
      ...(extra.location ? { location: extra.location } : {}),
      body: { bytes: extra.preview?.length ?? 0, truncated: extra.truncated ?? false, ...(extra.contentType ? { contentType: extra.contentType } : {}), ...(extra.preview !== undefined ? { preview: extra.preview } : {}) },
    },
    timings: { totalMs: 1 },
    startedAt: '2026-01-01T00:00:00.000Z',
  });
  const judge = (exchange: HttpExchange) => judgeConnectivity(exchange, 'http://www.msftconnecttest.com/connecttest.txt', 'Microsoft Connect Test');

  it('trims whitespace around the expected text', () => {
    expect(judge(answer(200, { contentType: 'text/plain', preview: 'Microsoft Connect Test\r\n' }))).toEqual({ outcome: 'ok' });
  });

  it('a redirect on the same host is a wrong answer, not a portal', () => {
    expect(judge(answer(301, { location: '/connecttest.txt?x=1' }))).toEqual({ outcome: 'wrong-answer', redirectHost: 'www.msftconnecttest.com' });
  });

  it('a meta refresh in a portal page names the portal host', () => {
    const page = '<html><head><meta http-equiv="refresh" content="0; url=https://wifi.hotel.test/login"></head></html>';
    expect(judge(answer(200, { contentType: 'text/html', preview: page }))).toEqual({ outcome: 'portal', portalReason: 'html-page', redirectHost: 'wifi.hotel.test' });
  });

  it('the expected text in a body cut at the cap does not count', () => {
    expect(judge(answer(200, { contentType: 'text/plain', preview: 'Microsoft Connect Test', truncated: true })).outcome).toBe('wrong-answer');
  });
});
