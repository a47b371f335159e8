import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLabDnsServer, type LabDnsServer } from '../../../e2e/lab/dns-server';
import type { ProbeResultOf } from '../../../shared/model/probe-result';
import type { RunInput } from '../../../shared/model/run-input';
import { createRunServices } from '../create-run-services';
import { DNS_QUERY_TIMEOUT_MS } from '../net/dns-client';
import type { AnyProbeDefinition } from '../probe';
import { DEADLINE_GRACE_MS, runProbes } from '../runner';
import { dnsDirectProbe } from './dns-direct';
import { dnsSrvProbe } from './dns-srv';
import { dnsSystemProbe } from './dns-system';

let primary: LabDnsServer;
let secondary: LabDnsServer;
let dead: LabDnsServer;
let dir: string;
let hostsFile: string;

beforeAll(async () => {
  primary = await startLabDnsServer({
    zone: {
      'mail.contoso.test': ['127.0.0.2', '127.0.0.3', '::1'],
      'autodiscover.contoso.test': { cname: 'lb.contoso.test' },
      'lb.contoso.test': { cname: 'mail.contoso.test' },
      'v4only.contoso.test': ['127.0.0.4'],
      'noaaaa.contoso.test': { addresses: ['127.0.0.5'], rcode: { AAAA: 'SERVFAIL' } },
      'dropaaaa.contoso.test': { addresses: ['127.0.0.6'], silent: ['AAAA'] },
      'broken.contoso.test': { rcode: 'SERVFAIL' },
      'hole.contoso.test': { silent: true },
    },
  });
  secondary = await startLabDnsServer({ zone: { 'mail.contoso.test': ['127.0.0.9'], 'split.contoso.test': ['127.0.0.10'] } });
  dead = await startLabDnsServer();
  dead.setSilent(true);
  dir = await mkdtemp(join(tmpdir(), 'od-dns-direct-'));
  hostsFile = join(dir, 'hosts');
  await writeFile(hostsFile, '127.0.0.1 localhost\n');
});

afterAll(async () => {
  await Promise.all([primary.close(), secondary.close(), dead.close()]);
  await rm(dir, { recursive: true, force: true });
});

function inputFor(server: string, dnsServers: string[], extra: Partial<RunInput> = {}): RunInput {
  return {
    server: { host: server, port: 443 },
    serverSource: 'option',
    dnsServers,
    connectivityUrl: 'http://127.0.0.1:9/',
    connectivityExpect: 'x',
    proxy: { mode: 'none' },
    timeoutMs: 10_000,
    ...extra,
  };
}

async function run(definitions: AnyProbeDefinition[], input: RunInput, deadlineMs = input.timeoutMs) {
  const services = createRunServices(input, { extraCa: [], hostsFile });
  const started = performance.now();
  try {
    const results = await runProbes({ definitions, input, services, deadlineMs });
    return { results, elapsed: performance.now() - started };
  } finally {
    await services.close();
  }
}

async function direct(name: string, dnsServers: string[]) {
  const { results } = await run([dnsDirectProbe], inputFor(name, dnsServers));
  const result = results.find((r) => r.id === `dns.direct:${name}`) as ProbeResultOf<'dns.direct'>;
  expect(result).toBeDefined();
  return result;
}

describe('dns.direct', () => {
  it('asks A and AAAA of every server and takes the addresses of the first', async () => {
    const result = await direct('mail.contoso.test', [primary.address, secondary.address]);
    expect(result.status).toBe('ok');
    expect(result.data?.servers).toEqual([primary.address, secondary.address]);
    expect(result.data?.addresses).toEqual([
      { address: '127.0.0.2', family: 4, ttl: 60 },
      { address: '127.0.0.3', family: 4, ttl: 60 },
      { address: '::1', family: 6, ttl: 60 },
    ]);
    expect(result.data?.queries.map((q) => `${q.server} ${q.type} ${q.rcode} ${q.answers.map((a) => a.data).join(',')}`)).toEqual([
      `${primary.address} A NOERROR 127.0.0.2,127.0.0.3`,
      `${primary.address} AAAA NOERROR ::1`,
      `${secondary.address} A NOERROR 127.0.0.9`,
      // No AAAA record there: NOERROR with an empty answer.
      `${secondary.address} AAAA NOERROR `,
    ]);
    expect(result.data?.cnameChain).toEqual([]);
    expect(result.data?.error).toBeUndefined();
    expect(result.summary).toContain('127.0.0.2');
  });

  it('records the CNAME chain and the addresses of its end', async () => {
    const result = await direct('autodiscover.contoso.test', [primary.address]);
    expect(result.status).toBe('ok');
    expect(result.data?.cnameChain).toEqual(['autodiscover.contoso.test', 'lb.contoso.test', 'mail.contoso.test']);
    expect(result.data?.addresses.map((a) => a.address)).toEqual(['127.0.0.2', '127.0.0.3', '::1']);
  });

  it('keeps the addresses when only AAAA fails, and still shows the failure', async () => {
    const nodata = await direct('v4only.contoso.test', [primary.address]);
    expect(nodata.status).toBe('ok');
    expect(nodata.data?.addresses.map((a) => a.address)).toEqual(['127.0.0.4']);
    expect(nodata.data?.error).toBeUndefined();

    const servfail = await direct('noaaaa.contoso.test', [primary.address]);
    expect(servfail.status).toBe('ok');
    expect(servfail.data?.addresses.map((a) => a.address)).toEqual(['127.0.0.5']);
    expect(servfail.data?.error?.kind).toBe('servfail');

    const dropped = await direct('dropaaaa.contoso.test', [primary.address]);
    expect(dropped.status).toBe('ok');
    expect(dropped.data?.addresses.map((a) => a.address)).toEqual(['127.0.0.6']);
    expect(dropped.data?.error?.kind).toBe('timeout');
    // Timed until the answer that gave the addresses, not until the AAAA query gave up.
    expect(dropped.data?.durationMs).toBeLessThan(DNS_QUERY_TIMEOUT_MS);
  });

  it('tells NXDOMAIN, SERVFAIL and timeout apart', async () => {
    const [nx, servfail, timeout] = await Promise.all([
      direct('nothing.contoso.test', [primary.address]),
      direct('broken.contoso.test', [primary.address]),
      direct('hole.contoso.test', [primary.address]),
    ]);
    expect(nx).toMatchObject({ status: 'fail', data: { addresses: [], error: { kind: 'nxdomain' } } });
    expect(servfail).toMatchObject({ status: 'fail', data: { addresses: [], error: { kind: 'servfail' } } });
    expect(timeout).toMatchObject({ status: 'timeout', data: { addresses: [], error: { kind: 'timeout' } } });
    expect(nx.summary).toMatch(/NXDOMAIN/);
  });

  it('falls to the next server when the first never answers', async () => {
    const result = await direct('mail.contoso.test', [dead.address, secondary.address]);
    expect(result.status).toBe('ok');
    expect(result.data?.addresses.map((a) => a.address)).toEqual(['127.0.0.9']);
    expect(result.data?.queries.filter((q) => q.server === dead.address).map((q) => q.error?.kind)).toEqual(['timeout', 'timeout']);
    // The time is that of the server that answered, not of the one that never did.
    expect(result.data?.durationMs).toBeLessThan(DNS_QUERY_TIMEOUT_MS);
  });

  it('asks at most three servers', async () => {
    const servers = [primary.address, secondary.address, `127.0.0.2:${primary.port}`, `127.0.0.3:${primary.port}`];
    const result = await direct('mail.contoso.test', servers);
    expect(result.data?.servers).toEqual(servers.slice(0, 3));
    expect(result.data?.queries).toHaveLength(6);
  });
});

describe('DNS probes against a server that never answers', () => {
  it('end within their own timeout, with evidence', async () => {
    const input = inputFor('mail.contoso.test', [dead.address], { email: 'anna@contoso.test' });
    const { results, elapsed } = await run([dnsSystemProbe, dnsDirectProbe, dnsSrvProbe], input);
    expect(results.map((r) => r.id).sort()).toEqual([
      'dns.direct:autodiscover.contoso.test',
      'dns.direct:contoso.test',
      'dns.direct:mail.contoso.test',
      'dns.srv:_autodiscover._tcp.contoso.test',
      'dns.system:autodiscover.contoso.test',
      'dns.system:contoso.test',
      'dns.system:mail.contoso.test',
    ]);
    for (const result of results) {
      expect(result.status, result.id).toBe('timeout');
      expect((result.data as { error?: { kind: string } } | undefined)?.error?.kind, result.id).toBe('timeout');
    }
    // Probe timeout 4 s; the margin is for a loaded machine.
    expect(elapsed).toBeLessThan(4_000 + 2_000);
  });

  it('end with the run deadline when it comes first', async () => {
    const input = inputFor('mail.contoso.test', [dead.address], { email: 'anna@contoso.test', timeoutMs: 800 });
    const { results, elapsed } = await run([dnsSystemProbe, dnsDirectProbe, dnsSrvProbe], input);
    expect(results).toHaveLength(7);
    for (const result of results) {
      expect(result.status, result.id).toBe('timeout');
      // The probes hand in what they have instead of being cut off without data.
      expect(result.data, result.id).toBeDefined();
    }
    expect(elapsed).toBeLessThan(800 + DEADLINE_GRACE_MS + 1_000);
  });
});
