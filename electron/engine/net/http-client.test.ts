import net from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunInput } from '../../../shared/model/run-input';
import { startConnectivityServer, type ConnectivityServer } from '../../../e2e/lab/connectivity-server';
import { startExchangeLab, type ExchangeLab } from '../../../e2e/lab/exchange-server';
import { createRunServices, type ClosableRunServices } from '../create-run-services';
import { MAX_BODY_BYTES, sendHttpRequest } from './http-client';

const HOST = 'mail.contoso.test';
const HEALTHY = '127.0.0.2';
const FAULTY = '127.0.0.3';

const input: RunInput = {
  server: { host: HOST, port: 443 },
  dnsServers: [],
  connectivityUrl: 'http://127.0.0.1:9/',
  connectivityExpect: 'x',
  proxy: { mode: 'none' },
  timeoutMs: 10_000,
};

let lab: ExchangeLab;
let services: ClosableRunServices;
const url = (path: string) => `https://${HOST}:${lab.port}${path}`;

beforeAll(async () => {
  lab = await startExchangeLab({ addresses: { [HEALTHY]: { basicRealm: HOST }, [FAULTY]: {} } });
});
afterAll(async () => {
  await lab.close();
});
beforeEach(() => {
  services = createRunServices(input, { extraCa: [lab.ca.certPem] });
  lab.requests.length = 0;
});
afterEach(async () => {
  await services.close();
});

const signal = () => AbortSignal.timeout(20_000);

describe('sendHttpRequest against the Exchange lab', () => {
  it('records an anonymous 401: status, challenges, identity, Date, timings, Host and SNI', async () => {
    const exchange = await sendHttpRequest(services, {
      url: url('/autodiscover/autodiscover.xml'),
      address: HEALTHY,
      method: 'POST',
      headers: [['Content-Type', 'text/xml'], ['X-MapiHttpCapability', '1']],
      body: '<Autodiscover/>',
      signal: signal(),
    });
    expect(exchange.error).toBeUndefined();
    const response = exchange.response!;
    expect(response.status).toBe(401);
    expect(response.statusText).toBe('Unauthorized');
    expect(response.httpVersion).toBe('1.1');
    expect(response.challenges).toEqual([
      { scheme: 'Negotiate', params: {} },
      { scheme: 'NTLM', params: {} },
      { scheme: 'Basic', params: { realm: HOST } },
    ]);
    expect(response.headers.filter(([n]) => n === 'WWW-Authenticate')).toHaveLength(3);
    expect(response.identity.xFeServer).toEqual(['EX01']);
    expect(response.identity.server).toBe('Microsoft-IIS/10.0');
    expect(response.identity.xPoweredBy).toBe('ASP.NET');
    expect(response.identity.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.identity.xCalculatedBeTarget).toBe('ex01.contoso.corp');
    expect(response.date).toBeDefined();
    expect(Math.abs(response.clockSkewMs!)).toBeLessThan(5_000);
    expect(response.body).toMatchObject({ bytes: 0, truncated: false });

    expect(exchange.timings.connectMs).toBeGreaterThanOrEqual(0);
    expect(exchange.timings.tlsMs).toBeGreaterThan(0);
    expect(exchange.timings.ttfbMs).toBeGreaterThanOrEqual(0);
    expect(exchange.timings.totalMs).toBeGreaterThanOrEqual(exchange.timings.ttfbMs!);
    expect(exchange.timings.unansweredMs).toBeUndefined();
    expect(exchange.timings.reusedConnection).toBe(false);

    expect(exchange.request).toMatchObject({ method: 'POST', url: url('/autodiscover/autodiscover.xml'), bodyBytes: 15 });
    expect(exchange.request.headers).toContainEqual(['Host', `${HOST}:${lab.port}`]);
    expect(exchange.request.headers).toContainEqual(['X-MapiHttpCapability', '1']);

    expect(lab.requests).toHaveLength(1);
    expect(lab.requests[0]).toMatchObject({ address: HEALTHY, servername: HOST, method: 'POST', body: '<Autodiscover/>' });
    expect(lab.requests[0]!.headers).toContainEqual(['host', `${HOST}:${lab.port}`]);
  });

  it('sends to the address asked, reuses the connection for the next request, and says so', async () => {
    const first = await sendHttpRequest(services, { url: url('/EWS/Exchange.asmx'), address: FAULTY, method: 'GET', signal: signal() });
    const second = await sendHttpRequest(services, { url: url('/mapi/healthcheck.htm'), address: FAULTY, method: 'GET', signal: signal() });
    expect(first.response?.identity.xFeServer).toEqual(['EX02']);
    expect(second.response?.status).toBe(200);
    expect(second.response?.body.preview).toBe('200 OK<br/>EX02');
    expect(second.timings.reusedConnection).toBe(true);
    expect(second.timings.connectMs).toBeUndefined();
    expect(lab.requests.map((r) => r.address)).toEqual([FAULTY, FAULTY]);
  });

  it('keeps the connection after RPC_IN_DATA with its body, as Outlook does (the next request reuses it)', async () => {
    const rpc = await sendHttpRequest(services, {
      url: url(`/rpc/rpcproxy.dll?${HOST}:6001`),
      address: FAULTY,
      method: 'RPC_IN_DATA',
      headers: [['Accept', 'application/rpc']],
      body: new Uint8Array(16),
      signal: signal(),
    });
    const next = await sendHttpRequest(services, { url: url('/mapi/healthcheck.htm'), address: FAULTY, method: 'GET', signal: signal() });
    expect(rpc.response?.status).toBe(401);
    expect(next.response?.status).toBe(200);
    expect(next.timings.reusedConnection).toBe(true);
  });

  it('records a redirect without following it, and never records cookie or credential values', async () => {
    const exchange = await sendHttpRequest(services, {
      url: url('/owa/'),
      address: HEALTHY,
      method: 'GET',
      headers: [['Authorization', 'Basic dXNlcjpzM2NyM3QtcGFzc3dvcmQ='], ['Cookie', 'X-BackEndCookie=planted-cookie-value'], ['Proxy-Authorization', 'NTLM TlRMTVNTUAABAAAA']],
      signal: signal(),
    });
    expect(exchange.response?.status).toBe(302);
    expect(exchange.response?.location).toMatch(/^https:\/\/mail\.contoso\.test\/owa\/auth\/logon\.aspx\?/);
    expect(lab.requests).toHaveLength(1);
    expect(lab.requests[0]!.headers).toContainEqual(['Authorization', 'Basic dXNlcjpzM2NyM3QtcGFzc3dvcmQ=']);

    expect(exchange.response?.headers).toContainEqual(['Set-Cookie', 'ClientId=[redacted]']);
    expect(exchange.request.headers).toContainEqual(['Authorization', '[redacted]']);
    const recorded = JSON.stringify(exchange);
    for (const secret of ['1A2B3C4D5E6F', 'dXNlcjpzM2NyM3QtcGFzc3dvcmQ', 'planted-cookie-value', 'TlRMTVNTUAABAAAA']) expect(recorded).not.toContain(secret);
  });

  it('reads the HTTP version from the status line', async () => {
    lab.setBehaviour(FAULTY, { httpVersion: '1.0' });
    try {
      const first = await sendHttpRequest(services, { url: url('/EWS/Exchange.asmx'), address: FAULTY, method: 'GET', signal: signal() });
      const second = await sendHttpRequest(services, { url: url('/EWS/Exchange.asmx'), address: FAULTY, method: 'GET', signal: signal() });
      expect(first.response).toMatchObject({ status: 401, httpVersion: '1.0' });
      // HTTP/1.0 closes the connection: the next request opens its own.
      expect(second.response).toMatchObject({ status: 401, httpVersion: '1.0' });
      expect(second.timings.reusedConnection).toBe(false);
    } finally {
      lab.setBehaviour(FAULTY, {});
    }
  });

  it('measures the clock skew from the Date header', async () => {
    lab.setBehaviour(FAULTY, { clockOffsetMs: 10 * 60_000 });
    try {
      const exchange = await sendHttpRequest(services, { url: url('/EWS/Exchange.asmx'), address: FAULTY, method: 'GET', signal: signal() });
      expect(exchange.response!.clockSkewMs).toBeGreaterThan(10 * 60_000 - 5_000);
      expect(exchange.response!.clockSkewMs).toBeLessThan(10 * 60_000 + 5_000);
    } finally {
      lab.setBehaviour(FAULTY, {});
    }
  });
});

describe('sendHttpRequest: limits and deadlines', () => {
  afterEach(() => lab.setBehaviour(FAULTY, {}));

  it('stops reading a huge body at the cap and keeps a preview', async () => {
    lab.setBehaviour(FAULTY, { fault: 'huge-body', hugeBodyBytes: 50 * 1024 * 1024 });
    const started = performance.now();
    const exchange = await sendHttpRequest(services, { url: url('/owa/'), address: FAULTY, method: 'GET', signal: signal() });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(exchange.error).toBeUndefined();
    expect(exchange.response?.status).toBe(200);
    expect(exchange.response?.body.truncated).toBe(true);
    expect(exchange.response?.body.bytes).toBeGreaterThan(MAX_BODY_BYTES);
    expect(exchange.response?.body.bytes).toBeLessThan(50 * 1024 * 1024);
    expect(exchange.response?.body.preview).toMatch(/^A{100}/);
    expect(exchange.response!.body.preview!.length).toBeLessThanOrEqual(2_000);
  });

  it('ends a body that never ends by the request timeout, keeping the response head', async () => {
    lab.setBehaviour(FAULTY, { fault: 'endless-body' });
    const started = performance.now();
    const exchange = await sendHttpRequest(services, { url: url('/owa/'), address: FAULTY, method: 'GET', signal: signal(), timeoutMs: 1_000 });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(1_000 + 2_000);
    expect(exchange.response?.status).toBe(200);
    expect(exchange.response?.body.bytes).toBeGreaterThan(0);
    expect(exchange.error).toMatchObject({ kind: 'timeout' });
    expect(exchange.error?.message).toContain('reading the body');
  });

  it('ends a request whose headers never come by the timeout', async () => {
    lab.setBehaviour(FAULTY, { fault: 'silent' });
    const started = performance.now();
    const exchange = await sendHttpRequest(services, { url: url('/mapi/emsmdb/'), address: FAULTY, method: 'POST', body: '', signal: signal(), timeoutMs: 1_000 });
    expect(performance.now() - started).toBeLessThan(1_000 + 2_000);
    expect(exchange.response).toBeUndefined();
    expect(exchange.error).toMatchObject({ kind: 'timeout' });
    expect(exchange.error?.message).toContain('response headers');
    // Sent over a finished handshake and waited for the rest of the timeout: the silent server's evidence.
    expect(exchange.timings.tlsMs).toBeGreaterThan(0);
    expect(exchange.timings.unansweredMs).toBeGreaterThan(500);
    expect(exchange.timings.unansweredMs).toBeLessThanOrEqual(exchange.timings.totalMs);
  });

  it('honours the caller signal at once', async () => {
    lab.setBehaviour(FAULTY, { fault: 'silent' });
    const started = performance.now();
    const exchange = await sendHttpRequest(services, { url: url('/EWS/Exchange.asmx'), address: FAULTY, method: 'GET', signal: AbortSignal.timeout(300) });
    expect(performance.now() - started).toBeLessThan(300 + 1_500);
    expect(exchange.error?.kind).toBe('timeout');
  });

  it('tells broken headers (protocol) and oversized headers (too-large) apart', async () => {
    lab.setBehaviour(FAULTY, { fault: 'broken-headers' });
    const broken = await sendHttpRequest(services, { url: url('/EWS/Exchange.asmx'), address: FAULTY, method: 'GET', signal: signal() });
    expect(broken.response).toBeUndefined();
    expect(broken.error?.kind).toBe('protocol');

    lab.setBehaviour(FAULTY, { fault: 'oversized-headers' });
    const oversized = await sendHttpRequest(services, { url: url('/EWS/Exchange.asmx'), address: FAULTY, method: 'GET', signal: signal() });
    expect(oversized.response).toBeUndefined();
    expect(oversized.error?.kind).toBe('too-large');
  });

  it('classifies a refused connection', async () => {
    const port = await freePort();
    const exchange = await sendHttpRequest(services, { url: `https://${HOST}:${port}/owa/`, address: '127.0.0.1', method: 'GET', signal: signal() });
    expect(exchange.error?.kind).toBe('refused');
    expect(exchange.timings.totalMs).toBeGreaterThanOrEqual(0);
    // Never sent: nothing to wait for an answer to.
    expect(exchange.timings.unansweredMs).toBeUndefined();
  });

  it('closes every pooled connection when the run services close', async () => {
    await sendHttpRequest(services, { url: url('/EWS/Exchange.asmx'), address: HEALTHY, method: 'GET', signal: signal() });
    expect(lab.openConnections()).toBeGreaterThan(0);
    await services.close();
    const until = performance.now() + 3_000;
    while (lab.openConnections() > 0 && performance.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(lab.openConnections()).toBe(0);
  });
});

describe('sendHttpRequest: TLS to a plain HTTP server', () => {
  let plain: ConnectivityServer;
  beforeAll(async () => {
    plain = await startConnectivityServer();
  });
  afterAll(async () => {
    await plain.close();
  });

  it('classifies the failed handshake as tls', async () => {
    const exchange = await sendHttpRequest(services, { url: `https://${HOST}:${plain.port}/`, address: plain.address, method: 'GET', signal: signal() });
    expect(exchange.response).toBeUndefined();
    expect(exchange.error?.kind).toBe('tls');
  });

  it('speaks plain HTTP for http:// URLs, to the address asked', async () => {
    const exchange = await sendHttpRequest(services, { url: plain.urlFor('www.msftconnecttest.test'), address: plain.address, method: 'GET', signal: signal() });
    expect(exchange.response?.status).toBe(200);
    expect(exchange.response?.body.preview).toBe('Microsoft Connect Test');
    expect(exchange.timings.tlsMs).toBeUndefined();
    expect(plain.requests.at(-1)?.host).toBe(`www.msftconnecttest.test:${plain.port}`);
  });
});

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('sendHttpRequest: undici deadlines', () => {
  afterEach(() => lab.setBehaviour(FAULTY, {}));

  it('reports a headers timeout shorter than the request timeout as timeout, with undici code', async () => {
    lab.setBehaviour(FAULTY, { fault: 'silent' });
    const started = performance.now();
    const exchange = await sendHttpRequest(services, { url: url('/EWS/Exchange.asmx'), address: FAULTY, method: 'GET', signal: signal(), headersTimeoutMs: 500, timeoutMs: 10_000 });
    expect(performance.now() - started).toBeLessThan(500 + 2_500);
    expect(exchange.error).toMatchObject({ kind: 'timeout', code: 'UND_ERR_HEADERS_TIMEOUT' });
  });
});

describe('sendHttpRequest: a TLS handshake that never completes', () => {
  it('ends by the caller deadline, and closing the run drops the hanging connection at once', async () => {
    // Accepts TCP and never answers the ClientHello.
    const open = new Set<net.Socket>();
    const stalled = net.createServer((socket) => {
      open.add(socket);
      // Reads and drops the ClientHello, so the client's close is seen.
      socket.resume();
      socket.on('error', () => undefined);
      socket.on('close', () => open.delete(socket));
    });
    await new Promise<void>((resolve) => stalled.listen(0, '127.0.0.4', resolve));
    const { port } = stalled.address() as net.AddressInfo;
    try {
      const started = performance.now();
      const exchange = await sendHttpRequest(services, { url: `https://${HOST}:${port}/owa/`, address: '127.0.0.4', method: 'GET', signal: AbortSignal.timeout(300) });
      expect(performance.now() - started).toBeLessThan(300 + 1_500);
      expect(exchange.error?.kind).toBe('timeout');
      expect(exchange.error?.message).toContain('before a connection was ready');
      expect(open.size).toBe(1);
      await services.close();
      const until = performance.now() + 1_000;
      while (open.size > 0 && performance.now() < until) await new Promise((r) => setTimeout(r, 20));
      expect(open.size).toBe(0);
    } finally {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => stalled.close(() => resolve()));
    }
  });
});
