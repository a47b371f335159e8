import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLabDnsServer, type LabDnsServer } from '../../../e2e/lab/dns-server';
import type { ProbeResultOf } from '../../../shared/model/probe-result';
import type { RunInput } from '../../../shared/model/run-input';
import { createRunServices } from '../create-run-services';
import { runProbes } from '../runner';
import { dnsSystemProbe } from './dns-system';

let lab: LabDnsServer;
let dir: string;
let hostsFile: string;

beforeAll(async () => {
  lab = await startLabDnsServer({
    zone: {
      'mail.contoso.test': ['127.0.0.2', '::1'],
      'contoso.test': ['127.0.0.7'],
      'autodiscover.contoso.test': ['127.0.0.8'],
      'broken.contoso.test': { rcode: 'SERVFAIL' },
    },
  });
  dir = await mkdtemp(join(tmpdir(), 'od-dns-system-'));
  hostsFile = join(dir, 'hosts');
  await writeFile(hostsFile, '127.0.0.1 localhost\r\n127.0.0.99\tAutodiscover.Contoso.Test # old server\r\n');
});

afterAll(async () => {
  await lab.close();
  await rm(dir, { recursive: true, force: true });
});

async function run(input: RunInput) {
  const services = createRunServices(input, { extraCa: [], hostsFile });
  try {
    const results = await runProbes({ definitions: [dnsSystemProbe], input, services, deadlineMs: input.timeoutMs });
    return new Map(results.map((r) => [r.id, r as ProbeResultOf<'dns.system'>]));
  } finally {
    await services.close();
  }
}

const input = (extra: Partial<RunInput>): RunInput => ({
  dnsServers: [lab.address],
  connectivityUrl: 'http://127.0.0.1:9/',
  connectivityExpect: 'x',
  proxy: { mode: 'none' },
  timeoutMs: 10_000,
  ...extra,
});

describe('dns.system with --dns-server', () => {
  it('resolves every name, the hosts file first', async () => {
    const results = await run(input({ email: 'anna@contoso.test', server: { host: 'mail.contoso.test', port: 443 }, serverSource: 'option' }));
    expect([...results.keys()]).toEqual(['dns.system:mail.contoso.test', 'dns.system:contoso.test', 'dns.system:autodiscover.contoso.test']);

    const mail = results.get('dns.system:mail.contoso.test');
    expect(mail?.status).toBe('ok');
    expect(mail?.data).toMatchObject({ method: 'resolver', servers: [lab.address], source: 'dns', hostsFile: { path: hostsFile, entries: [] } });
    expect(mail?.data?.addresses.map((a) => a.address)).toEqual(['127.0.0.2', '::1']);

    const pinned = results.get('dns.system:autodiscover.contoso.test');
    expect(pinned?.status).toBe('ok');
    expect(pinned?.data).toMatchObject({ source: 'hosts-file', addresses: [{ address: '127.0.0.99', family: 4 }] });
    expect(pinned?.data?.hostsFile.entries).toEqual([{ address: '127.0.0.99', line: 2 }]);
    expect(pinned?.summary).toMatch(/hosts file line 2/);
    expect(lab.queries.some((q) => q.name === 'autodiscover.contoso.test')).toBe(false);
  });

  it('fails with the kind of the error', async () => {
    const results = await run(input({ server: { host: 'broken.contoso.test', port: 443 }, serverSource: 'option' }));
    const broken = results.get('dns.system:broken.contoso.test');
    expect(broken).toMatchObject({ status: 'fail', data: { addresses: [], error: { kind: 'servfail' } } });
    const missing = (await run(input({ server: { host: 'gone.contoso.test', port: 443 }, serverSource: 'option' }))).get('dns.system:gone.contoso.test');
    expect(missing).toMatchObject({ status: 'fail', data: { error: { kind: 'nxdomain' } } });
  });
});
