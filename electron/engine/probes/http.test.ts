import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probesOf } from '../../../shared/model/evidence';
import type { HttpEndpointData, ProbeDataMap } from '../../../shared/model/probe-data';
import type { ProbeResult, ProbeResultOf } from '../../../shared/model/probe-result';
import type { RunInput } from '../../../shared/model/run-input';
import { startExchangeLab, EXCHANGE_ONLINE_CLIENT_ID, type ExchangeBehaviour, type ExchangeLab } from '../../../e2e/lab/exchange-server';
import { staticDnsProbe } from '../../../e2e/lab/static-dns';
import { createRunServices } from '../create-run-services';
import { instanceId, type PlanView } from '../probe';
import { DEADLINE_GRACE_MS, runProbes } from '../runner';
import { HTTP_REQUEST_TIMEOUT_MS, httpProbe, planHttp } from './http';
import { tcpProbe } from './tcp';

/** Slack for a loaded two-core machine on top of a deadline. */
const MARGIN_MS = 1_500;
const HOST = 'mail.contoso.test';
const A = '127.0.0.2';
const B = '127.0.0.3';
const EMAIL = 'anna.schmidt@contoso.test';

function runInput(port: number, extra: Partial<RunInput> = {}): RunInput {
  return { server: { host: HOST, port }, dnsServers: [], connectivityUrl: 'http://127.0.0.1:9/', connectivityExpect: 'x', proxy: { mode: 'none' }, timeoutMs: 10_000, ...extra };
}

let lab: ExchangeLab;
beforeAll(async () => {
  lab = await startExchangeLab({ addresses: { [A]: {}, [B]: {} } });
});
afterAll(async () => {
  await lab.close();
});

/** DNS stand-in, the real TCP probe and the HTTP probe, as a diagnosis runs them. */
async function probeLab(behaviours: Record<string, ExchangeBehaviour>, options: { deadlineMs?: number; extra?: Partial<RunInput> } = {}) {
  for (const address of [A, B]) lab.setBehaviour(address, behaviours[address] ?? {});
  lab.requests.length = 0;
  const input = runInput(lab.port, options.extra);
  const services = createRunServices(input, { extraCa: [lab.ca.certPem] });
  const started = performance.now();
  try {
    const results = await runProbes({
      definitions: [staticDnsProbe({ [HOST]: Object.keys(behaviours) }), tcpProbe, httpProbe],
      input,
      services,
      deadlineMs: options.deadlineMs ?? 10_000,
    });
    return { results, elapsed: performance.now() - started, http: probesOf({ probes: results }, 'http') };
  } finally {
    await services.close();
  }
}

type HttpResult = ProbeResultOf<'http'>;
function find(http: HttpResult[], address: string, name: string): HttpResult & { data: HttpEndpointData } {
  const result = http.find((r) => r.id === `http:${HOST}@${address}:${lab.port}/${name}`);
  if (!result?.data) throw new Error(`no http result ${address} ${name}: ${http.map((r) => r.id).join(', ')}`);
  return result as HttpResult & { data: HttpEndpointData };
}

const REQUEST_NAMES = ['autodiscover', 'mapi', 'rpc', 'rpc-in-data', 'ews', 'owa', 'healthcheck-mapi', 'healthcheck-ews', 'healthcheck-owa', 'healthcheck-autodiscover', 'healthcheck-rpc'];

describe('planHttp', () => {
  const tcp = (host: string, address: string, port: number, status: ProbeResult['status'] = 'ok'): ProbeResultOf<'tcp'> => ({
    id: instanceId('tcp', `${host}@${address.includes(':') ? `[${address}]` : address}:${port}`),
    probe: 'tcp',
    kind: 'tcp',
    target: host,
    status,
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 1,
    summary: '',
    data: { host, address, family: address.includes(':') ? 6 : 4, port, ...(status === 'ok' ? { connectMs: 1 } : { error: { kind: 'refused', message: 'refused' } }) },
  });
  const view = (input: RunInput, results: ProbeResult[]): PlanView => ({
    input,
    results: new Map(results.map((r) => [r.id, r])),
    of: <P extends keyof ProbeDataMap>(probe: P) => results.filter((r) => r.probe === probe) as unknown as ProbeResultOf<P>[],
  });

  it('plans every Outlook request per reachable address of the Exchange host, after its TCP probe', () => {
    const results = [tcp(HOST, '192.0.2.7', 443), tcp(HOST, '2001:db8::7', 443), tcp(HOST, '192.0.2.8', 443, 'fail')];
    const tasks = planHttp(view(runInput(443), results));
    expect(tasks).toHaveLength(2 * REQUEST_NAMES.length);
    expect(tasks.filter((t) => t.input.address === '192.0.2.7').map((t) => t.key)).toEqual(REQUEST_NAMES.map((n) => `${HOST}@192.0.2.7:443/${n}`));
    expect(tasks.find((t) => t.input.address === '2001:db8::7')).toMatchObject({
      key: `${HOST}@[2001:db8::7]:443/autodiscover`,
      after: [`tcp:${HOST}@[2001:db8::7]:443`],
      input: { host: HOST, port: 443, role: 'exchange', request: 'autodiscover' },
      target: `POST https://${HOST}/autodiscover/autodiscover.xml via 2001:db8::7`,
    });
    expect(tasks.some((t) => t.input.address === '192.0.2.8')).toBe(false);
  });

  it('asks the Autodiscover names of the mail domain only the Autodiscover POST, on 443', () => {
    const results = [tcp(HOST, '192.0.2.7', 443), tcp('contoso.test', '192.0.2.20', 443), tcp('autodiscover.contoso.test', '192.0.2.21', 443), tcp('other.test', '192.0.2.30', 443), tcp('contoso.test', '192.0.2.20', 8443)];
    const tasks = planHttp(view(runInput(443, { email: EMAIL }), results));
    const others = tasks.filter((t) => t.input.host !== HOST);
    expect(others.map((t) => t.key)).toEqual(['contoso.test@192.0.2.20:443/autodiscover', 'autodiscover.contoso.test@192.0.2.21:443/autodiscover']);
    expect(others.every((t) => t.input.role === 'autodiscover-name')).toBe(true);
  });

  it('when the server is itself autodiscover.<domain>, it gets the full set once', () => {
    const input = runInput(443, { email: EMAIL, server: { host: 'autodiscover.contoso.test', port: 443 }, serverSource: 'autodiscover-name' });
    const tasks = planHttp(view(input, [tcp('autodiscover.contoso.test', '192.0.2.21', 443), tcp('contoso.test', '192.0.2.20', 443)]));
    expect(tasks.filter((t) => t.input.host === 'autodiscover.contoso.test')).toHaveLength(REQUEST_NAMES.length);
    expect(tasks.filter((t) => t.input.host === 'contoso.test').map((t) => t.input.request)).toEqual(['autodiscover']);
  });

  it('plans nothing without a server or before any TCP result', () => {
    expect(planHttp(view({ ...runInput(443), server: undefined }, [tcp(HOST, '192.0.2.7', 443)]))).toEqual([]);
    expect(planHttp(view(runInput(443), []))).toEqual([]);
  });
});

describe('http probe against a healthy Exchange on two addresses', () => {
  it('records the 401 challenges, identities and health checks of every address', async () => {
    const { http } = await probeLab({ [A]: { basicRealm: HOST }, [B]: {} }, { extra: { email: EMAIL } });
    expect(http).toHaveLength(2 * REQUEST_NAMES.length);
    expect(http.every((r) => r.status === 'ok')).toBe(true);

    const autodiscover = find(http, A, 'autodiscover');
    expect(autodiscover.after).toEqual([`tcp:${HOST}@${A}:${lab.port}`]);
    expect(autodiscover.data).toMatchObject({ host: HOST, address: A, port: lab.port, endpoint: 'autodiscover', role: 'exchange' });
    expect(autodiscover.data.response!.challenges.map((c) => c.scheme)).toEqual(['Negotiate', 'NTLM', 'Basic']);
    expect(autodiscover.data.responder).toMatchObject({ verdict: 'exchange-like', reason: 'exchange-headers', challenged: true });
    expect(autodiscover.summary).toMatch(/^401 Negotiate, NTLM, Basic \(\d+ ms\)$/);
    expect(find(http, B, 'autodiscover').summary).toMatch(/^401 Negotiate, NTLM \(\d+ ms\)$/);

    for (const name of ['mapi', 'rpc', 'rpc-in-data', 'ews']) {
      expect(find(http, B, name).data.response?.status).toBe(401);
      expect(find(http, B, name).data.response?.identity.xFeServer).toEqual(['EX02']);
    }
    const owa = find(http, A, 'owa');
    expect(owa.data.response?.status).toBe(302);
    expect(owa.data.response?.location).toMatch(/\/owa\/auth\/logon\.aspx/);
    expect(owa.data.responder).toMatchObject({ verdict: 'exchange-like', redirectForeign: false });

    for (const [address, server] of [[A, 'EX01'], [B, 'EX02']] as const) {
      const health = find(http, address, 'healthcheck-mapi');
      expect(health.data).toMatchObject({ endpoint: 'healthcheck', vdir: '/mapi', healthServer: server, response: { status: 200 } });
      expect(health.summary).toMatch(new RegExp(`^200 ${server} \\(\\d+ ms\\)$`));
    }
    expect(find(http, A, 'healthcheck-autodiscover').data.request.url).toBe(`https://${HOST}:${lab.port}/Autodiscover/healthcheck.htm`);
    for (const r of http) expect(r.data!.timings.totalMs).toBeGreaterThanOrEqual(r.data!.timings.ttfbMs ?? 0);
  });

  it('sends what Outlook sends, with the right Host and SNI to each address', async () => {
    await probeLab({ [A]: {}, [B]: {} }, { extra: { email: EMAIL } });
    const seen = (address: string, method: string, prefix: string) => lab.requests.find((r) => r.address === address && r.method === method && r.target.startsWith(prefix));
    for (const address of [A, B]) {
      const autodiscover = seen(address, 'POST', '/autodiscover/autodiscover.xml')!;
      expect(autodiscover.servername).toBe(HOST);
      expect(autodiscover.headers).toContainEqual(['host', `${HOST}:${lab.port}`]);
      expect(autodiscover.headers).toContainEqual(['Content-Type', 'text/xml; charset=utf-8']);
      expect(autodiscover.headers).toContainEqual(['X-MapiHttpCapability', '1']);
      expect(autodiscover.body).toContain(`<EMailAddress>${EMAIL}</EMailAddress>`);
      expect(autodiscover.body).toContain('http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a');

      const mapi = seen(address, 'POST', '/mapi/emsmdb/')!;
      expect(mapi.target).toBe('/mapi/emsmdb/?MailboxId=00000000-0000-0000-0000-000000000000@contoso.test');
      expect(mapi.headers).toEqual(expect.arrayContaining([['Content-Type', 'application/mapi-http'], ['X-RequestType', 'Connect'], ['X-ClientApplication', expect.stringMatching(/^Outlook\/16\./)]]));
      expect(mapi.headers.find(([n]) => n === 'X-RequestId')?.[1]).toMatch(/^\{[0-9A-F-]{36}\}:1$/);

      const rpcIn = seen(address, 'RPC_IN_DATA', '/rpc/rpcproxy.dll')!;
      expect(rpcIn.target).toBe(`/rpc/rpcproxy.dll?${HOST}:6001`);
      expect(rpcIn.bodyBytes).toBe(76);
      expect(rpcIn.headers).toContainEqual(['User-Agent', 'MSRPC']);
      expect(seen(address, 'GET', '/rpc/rpcproxy.dll')).toBeDefined();
      expect(seen(address, 'GET', '/EWS/Exchange.asmx')).toBeDefined();
      expect(seen(address, 'GET', '/owa/')).toBeDefined();
    }
    // Redirects are recorded, never followed.
    expect(lab.requests.some((r) => r.target.startsWith('/owa/auth/'))).toBe(false);
  });

  it('puts a stand-in mailbox in the Autodiscover body when no address is given', async () => {
    await probeLab({ [A]: {} });
    const autodiscover = lab.requests.find((r) => r.target === '/autodiscover/autodiscover.xml')!;
    expect(autodiscover.body).toContain('<EMailAddress>outlook-doktor-probe@contoso.test</EMailAddress>');
    expect(lab.requests.find((r) => r.method === 'POST' && r.target.startsWith('/mapi/'))!.target).toMatch(/@contoso\.test$/);
  });
});

describe('http probe: what the anonymous answers tell', () => {
  it('Basic only', async () => {
    const { http } = await probeLab({ [A]: { auth: 'basic-only' } });
    const ews = find(http, A, 'ews');
    expect(ews.data.response?.challenges).toEqual([{ scheme: 'Basic', params: { realm: HOST } }]);
    expect(ews.summary).toMatch(/^401 Basic \(/);
  });

  it('an Exchange Online-like Bearer challenge', async () => {
    const { http } = await probeLab({ [A]: { auth: 'exchange-online' } });
    const mapi = find(http, A, 'mapi');
    const [bearer, basic] = mapi.data.response!.challenges;
    expect(bearer).toMatchObject({ scheme: 'Bearer', params: { client_id: EXCHANGE_ONLINE_CLIENT_ID } });
    expect(bearer!.params.authorization_uri).toContain('/oauth2/authorize');
    expect(basic).toEqual({ scheme: 'Basic', params: { realm: '' } });
    expect(mapi.data.response?.identity.xFeServer).toHaveLength(2);
    expect(mapi.summary).toMatch(/^401 Bearer, Basic \(/);
  });

  it('a reverse proxy answering 200 HTML without any challenge is not Exchange', async () => {
    const { http } = await probeLab({ [A]: { auth: 'none' } });
    for (const name of ['mapi', 'ews', 'autodiscover']) {
      const r = find(http, A, name);
      expect(r.status).toBe('ok');
      expect(r.data.response).toMatchObject({ status: 200, challenges: [] });
      expect(r.data.responder).toMatchObject({ verdict: 'not-exchange', reason: 'html-without-challenge', html: true, exchangeHeaders: [] });
      expect(r.data.response?.body.preview).toContain('<title>Anmeldung</title>');
    }
    expect(find(http, A, 'mapi').summary).toMatch(/^200 \(/);
  });

  it('a redirect to another host without a challenge is not Exchange', async () => {
    const { http } = await probeLab({ [A]: { auth: 'redirect' } });
    const ews = find(http, A, 'ews');
    expect(ews.data.responder).toMatchObject({ verdict: 'not-exchange', reason: 'redirect-foreign-host', redirectHost: 'login.portal-example.test', redirectForeign: true });
    expect(ews.summary).toMatch(/^302 → login\.portal-example\.test\/login \(/);
  });

  it('a back-end error (500) and an unavailable server (503) on different addresses', async () => {
    const { http } = await probeLab({ [A]: { status: 500 }, [B]: { status: 503 } });
    expect(find(http, A, 'mapi').data.response).toMatchObject({ status: 500, challenges: [] });
    expect(find(http, A, 'mapi').data.responder?.verdict).toBe('exchange-like');
    expect(find(http, B, 'healthcheck-owa').data.response).toMatchObject({ status: 503, identity: { server: 'Microsoft-HTTPAPI/2.0' } });
    expect(find(http, B, 'healthcheck-owa').data.healthServer).toBeUndefined();
  });

  it('load-balancer members that answer differently are recorded per address', async () => {
    const { http } = await probeLab({ [A]: {}, [B]: { mapiMissing: true } });
    expect(find(http, A, 'mapi').data.response?.status).toBe(401);
    expect(find(http, B, 'mapi').data.response?.status).toBe(404);
    expect(find(http, B, 'healthcheck-mapi').data.response?.status).toBe(404);
    expect(find(http, B, 'ews').data.response?.status).toBe(401);
  });

  it.each([405, 501] as const)('RPC_IN_DATA rejected with %i while GET still gets its challenge', async (status) => {
    const { http } = await probeLab({ [A]: { rpcMethods: status } });
    expect(find(http, A, 'rpc-in-data').data.response?.status).toBe(status);
    expect(find(http, A, 'rpc-in-data').data.request.method).toBe('RPC_IN_DATA');
    expect(find(http, A, 'rpc').data.response?.status).toBe(401);
  });

  it('a server clock 10 minutes ahead', async () => {
    const { http } = await probeLab({ [A]: { clockOffsetMs: 10 * 60_000 } });
    const skew = find(http, A, 'ews').data.response!.clockSkewMs!;
    expect(skew).toBeGreaterThan(10 * 60_000 - 5_000);
    expect(skew).toBeLessThan(10 * 60_000 + 5_000);
  });

  it('a huge body is cut at the cap', async () => {
    const { http } = await probeLab({ [A]: { fault: 'huge-body', faultPaths: ['/owa/'], hugeBodyBytes: 30 * 1024 * 1024 } });
    const owa = find(http, A, 'owa');
    expect(owa.status).toBe('ok');
    expect(owa.data.response?.body.truncated).toBe(true);
    expect(owa.summary).toContain('body cut at the cap');
  });

  it('broken and oversized headers fail with their kind, the rest of the address still answers', async () => {
    const { http } = await probeLab({ [A]: { fault: 'broken-headers', faultPaths: ['/ews/'] }, [B]: { fault: 'oversized-headers', faultPaths: ['/ews/'] } });
    expect(find(http, A, 'ews')).toMatchObject({ status: 'fail', data: { error: { kind: 'protocol' } } });
    expect(find(http, B, 'ews')).toMatchObject({ status: 'fail', data: { error: { kind: 'too-large' } } });
    expect(find(http, A, 'mapi').data.response?.status).toBe(401);
    expect(find(http, B, 'mapi').data.response?.status).toBe(401);
  });
});

describe('http probe deadlines', () => {
  it('a body that never ends ends with the request deadline, head kept', async () => {
    const { http, elapsed } = await probeLab({ [A]: { fault: 'endless-body', faultPaths: ['/owa/'] } });
    const owa = find(http, A, 'owa');
    expect(owa.status).toBe('timeout');
    expect(owa.data.response?.status).toBe(200);
    expect(owa.data.error).toMatchObject({ kind: 'timeout' });
    expect(owa.summary).toMatch(/^200, then timeout: /);
    expect(find(http, A, 'ews').status).toBe('ok');
    expect(elapsed).toBeLessThan(HTTP_REQUEST_TIMEOUT_MS + MARGIN_MS);
  });

  it('headers that never come: every request hands in its evidence by the run deadline', async () => {
    const deadlineMs = 1_500;
    const { http, elapsed } = await probeLab({ [A]: { fault: 'silent' }, [B]: { fault: 'silent', faultPaths: ['/mapi/'] } }, { deadlineMs });
    expect(elapsed).toBeLessThan(deadlineMs + DEADLINE_GRACE_MS + MARGIN_MS);
    const silent = http.filter((r) => r.data?.address === A);
    expect(silent).toHaveLength(REQUEST_NAMES.length);
    for (const r of silent) {
      expect(r.status).toBe('timeout');
      expect(r.data?.response).toBeUndefined();
      expect(r.data?.error?.kind).toBe('timeout');
    }
    expect(find(http, B, 'mapi').status).toBe('timeout');
    expect(find(http, B, 'ews')).toMatchObject({ status: 'ok', data: { response: { status: 401 } } });
  });
});

describe('http probe for an Autodiscover name', () => {
  it('sends only the Autodiscover POST with the mailbox', async () => {
    lab.setBehaviour(A, {});
    lab.requests.length = 0;
    const input = runInput(lab.port, { email: EMAIL });
    const services = createRunServices(input, { extraCa: [lab.ca.certPem] });
    try {
      const outcome = await httpProbe.run({
        signal: AbortSignal.timeout(10_000),
        input: { host: 'autodiscover.contoso.test', address: A, port: lab.port, role: 'autodiscover-name', request: 'autodiscover' },
        run: input,
        services,
        view: { input, results: new Map(), of: () => [] },
      });
      expect(outcome.status).toBe('ok');
      expect(outcome.data).toMatchObject({ host: 'autodiscover.contoso.test', role: 'autodiscover-name', endpoint: 'autodiscover', response: { status: 401 } });
      expect(lab.requests).toHaveLength(1);
      expect(lab.requests[0]).toMatchObject({ servername: 'autodiscover.contoso.test', method: 'POST', target: '/autodiscover/autodiscover.xml' });
    } finally {
      await services.close();
    }
  });
});

describe('http probe for a server given as an IP address', () => {
  it('sends no SNI and uses the address where a domain would go', async () => {
    lab.setBehaviour(A, {});
    lab.requests.length = 0;
    const input = runInput(lab.port, { server: { host: A, port: lab.port } });
    const services = createRunServices(input, { extraCa: [lab.ca.certPem] });
    try {
      const outcome = await httpProbe.run({
        signal: AbortSignal.timeout(10_000),
        input: { host: A, address: A, port: lab.port, role: 'exchange', request: 'mapi' },
        run: input,
        services,
        view: { input, results: new Map(), of: () => [] },
      });
      expect(outcome.data.response?.status).toBe(401);
      expect(lab.requests[0]).toMatchObject({ servername: false, target: `/mapi/emsmdb/?MailboxId=00000000-0000-0000-0000-000000000000@${A}` });
    } finally {
      await services.close();
    }
  });
});
