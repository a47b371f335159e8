import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLabDnsServer, type LabDnsServer } from '../../../e2e/lab/dns-server';
import type { RunInput } from '../../../shared/model/run-input';
import { createRunServices } from '../create-run-services';
import { DnsLookupError } from './dns-errors';
import { SystemResolver, systemResolverOf } from './system-resolver';

let lab: LabDnsServer;
let dir: string;
let hostsFile: string;
const never = new AbortController().signal;

beforeAll(async () => {
  lab = await startLabDnsServer({
    zone: {
      'mail.contoso.test': ['127.0.0.2', '::1'],
      'v4only.contoso.test': ['127.0.0.4'],
      'srvonly.contoso.test': { srv: [{ target: 'mail.contoso.test', port: 443 }] },
      'autodiscover.contoso.test': { cname: 'lb.contoso.test' },
      'lb.contoso.test': { cname: 'mail.contoso.test' },
      'pinned.contoso.test': ['127.0.0.20'],
      'broken.contoso.test': { rcode: 'SERVFAIL' },
      'closed.contoso.test': { rcode: 'REFUSED' },
      'hole.contoso.test': { silent: true },
      'slow.contoso.test': { addresses: ['127.0.0.5'], delayMs: 300 },
      'big.contoso.test': { addresses: Array.from({ length: 120 }, (_, i) => `127.0.1.${i + 1}`) },
    },
  });
  dir = await mkdtemp(join(tmpdir(), 'od-resolver-'));
  hostsFile = join(dir, 'hosts');
  await writeFile(hostsFile, '# test hosts file\r\n127.0.0.9  Pinned.Contoso.Test  # migration\r\n127.0.0.10 pinned.contoso.test\r\n');
});

afterAll(async () => {
  await lab.close();
  await rm(dir, { recursive: true, force: true });
});

const resolver = (extra: { timeoutMs?: number; hosts?: string } = {}) =>
  new SystemResolver({ dnsServers: [lab.address], hostsFile: extra.hosts ?? hostsFile, ...(extra.timeoutMs ? { timeoutMs: extra.timeoutMs } : {}) });

describe('SystemResolver with --dns-server', () => {
  it('resolves A and AAAA on the given servers', async () => {
    const result = await resolver().resolve('Mail.Contoso.Test', never);
    expect(result).toMatchObject({ name: 'mail.contoso.test', method: 'resolver', servers: [lab.address], source: 'dns' });
    expect(result.error).toBeUndefined();
    expect(result.addresses).toEqual([
      { address: '127.0.0.2', family: 4, ttl: 60 },
      { address: '::1', family: 6, ttl: 60 },
    ]);
    expect(result.hostsFile).toEqual({ path: hostsFile, entries: [] });
  });

  it('follows a CNAME chain and keeps one family when the other has no data', async () => {
    const chain = await resolver().resolve('autodiscover.contoso.test', never);
    expect(chain.addresses.map((a) => a.address)).toEqual(['127.0.0.2', '::1']);
    const v4 = await resolver().resolve('v4only.contoso.test', never);
    expect(v4.addresses.map((a) => a.address)).toEqual(['127.0.0.4']);
    expect(v4.error).toBeUndefined();
    const none = await resolver().resolve('srvonly.contoso.test', never);
    expect(none.addresses).toEqual([]);
    expect(none.error?.kind).toBe('nodata');
  });

  it('answers from the hosts file first and does not ask DNS for a pinned name', async () => {
    const before = lab.queries.filter((q) => q.name === 'pinned.contoso.test').length;
    const result = await resolver().resolve('pinned.contoso.test', never);
    expect(result.source).toBe('hosts-file');
    expect(result.addresses).toEqual([
      { address: '127.0.0.9', family: 4 },
      { address: '127.0.0.10', family: 4 },
    ]);
    expect(result.hostsFile.entries).toEqual([
      { address: '127.0.0.9', line: 2 },
      { address: '127.0.0.10', line: 3 },
    ]);
    expect(lab.queries.filter((q) => q.name === 'pinned.contoso.test').length).toBe(before);
  });

  it('goes to DNS when the hosts file is missing, and says so', async () => {
    const result = await resolver({ hosts: join(dir, 'no-such-file') }).resolve('pinned.contoso.test', never);
    expect(result.source).toBe('dns');
    expect(result.addresses.map((a) => a.address)).toEqual(['127.0.0.20']);
    expect(result.hostsFile.error).toMatch(/ENOENT/);
  });

  it('tells NXDOMAIN, SERVFAIL and REFUSED apart', async () => {
    const r = resolver();
    const [nx, servfail, refused] = await Promise.all([
      r.resolve('nothing.contoso.test', never),
      r.resolve('broken.contoso.test', never),
      r.resolve('closed.contoso.test', never),
    ]);
    expect(nx.error).toMatchObject({ kind: 'nxdomain', code: 'ENOTFOUND' });
    expect(servfail.error).toMatchObject({ kind: 'servfail', code: 'ESERVFAIL' });
    expect(refused.error).toMatchObject({ kind: 'refused', code: 'EREFUSED' });
  });

  it('ends by its own deadline when the server never answers', async () => {
    const started = performance.now();
    const result = await resolver({ timeoutMs: 500 }).resolve('hole.contoso.test', never);
    expect(result.error).toMatchObject({ kind: 'timeout' });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('ends at once when the signal aborts', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new DOMException('probe timeout', 'TimeoutError')), 100);
    const started = performance.now();
    const result = await resolver().resolve('hole.contoso.test', controller.signal);
    expect(result.error?.kind).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('waits for a slow server and for an answer that needs TCP', async () => {
    const slow = await resolver().resolve('slow.contoso.test', never);
    expect(slow.addresses.map((a) => a.address)).toEqual(['127.0.0.5']);
    expect(slow.durationMs).toBeGreaterThanOrEqual(250);
    const big = await resolver().resolve('big.contoso.test', never);
    expect(big.addresses).toHaveLength(120);
  });

  it('times the DNS query, not the reading of the hosts file beside it', async () => {
    // A FIFO as hosts file: reading it waits until the test writes, like a disk that is busy.
    const fifo = join(dir, 'hosts-fifo');
    execFileSync('mkfifo', [fifo]);
    const HOSTS_DELAY_MS = 400;
    const writer = setTimeout(() => void writeFile(fifo, '127.0.0.1 localhost\n'), HOSTS_DELAY_MS);
    try {
      const started = performance.now();
      const result = await resolver({ hosts: fifo }).resolve('mail.contoso.test', never);
      expect(performance.now() - started).toBeGreaterThanOrEqual(HOSTS_DELAY_MS - 50);
      expect(result.addresses.length).toBeGreaterThan(0);
      expect(result.durationMs).toBeLessThan(HOSTS_DELAY_MS / 2);
    } finally {
      clearTimeout(writer);
    }
  });

  it('returns IP literals as they are, also in URL brackets', async () => {
    const r = resolver();
    expect((await r.resolve('127.0.0.1', never)).addresses).toEqual([{ address: '127.0.0.1', family: 4 }]);
    expect((await r.resolve('[::1]', never)).addresses).toEqual([{ address: '::1', family: 6 }]);
  });

  it('lookup() rejects with the kind and a Node-like code', async () => {
    const error = await resolver().lookup('nothing.contoso.test', never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DnsLookupError);
    expect(error).toMatchObject({ kind: 'nxdomain', code: 'ENOTFOUND', hostname: 'nothing.contoso.test' });
  });
});

describe('RunServices.lookup', () => {
  const input = (dnsServers: string[]): RunInput => ({
    server: { host: 'mail.contoso.test', port: 443 },
    dnsServers,
    connectivityUrl: 'http://127.0.0.1:9/',
    connectivityExpect: 'x',
    proxy: { mode: 'none' },
    timeoutMs: 5_000,
  });

  it('uses the run system view: hosts file, then the --dns-server servers', async () => {
    const services = createRunServices(input([lab.address]), { extraCa: [], hostsFile });
    try {
      expect(await services.lookup('pinned.contoso.test', never)).toEqual([
        { address: '127.0.0.9', family: 4 },
        { address: '127.0.0.10', family: 4 },
      ]);
      expect((await services.lookup('mail.contoso.test', never)).map((a) => a.address)).toEqual(['127.0.0.2', '::1']);
      await expect(services.lookup('broken.contoso.test', never)).rejects.toMatchObject({ kind: 'servfail' });
      // One resolver (and one hosts-file read) per run.
      expect(systemResolverOf(services)).toBe(systemResolverOf(services));
    } finally {
      await services.close();
    }
  });
});
