import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLabDnsServer, type LabDnsServer } from '../../../e2e/lab/dns-server';
import type { ProbeResultOf } from '../../../shared/model/probe-result';
import type { RunInput } from '../../../shared/model/run-input';
import { createRunServices } from '../create-run-services';
import { runProbes } from '../runner';
import { dnsSrvProbe } from './dns-srv';

let lab: LabDnsServer;

beforeAll(async () => {
  lab = await startLabDnsServer({
    zone: {
      '_autodiscover._tcp.contoso.test': {
        srv: [
          { target: 'backup.contoso.test', port: 443, priority: 20, weight: 100 },
          { target: 'mail2.contoso.test', port: 443, priority: 10, weight: 10 },
          { target: 'mail1.contoso.test', port: 8443, priority: 10, weight: 90 },
        ],
      },
      'fabrikam.test': ['127.0.0.5'],
      '_autodiscover._tcp.broken.test': { rcode: 'SERVFAIL' },
    },
  });
});

afterAll(async () => {
  await lab.close();
});

async function srv(domain: string) {
  const input: RunInput = {
    email: `anna@${domain}`,
    server: { host: `autodiscover.${domain}`, port: 443 },
    serverSource: 'autodiscover-name',
    dnsServers: [lab.address],
    connectivityUrl: 'http://127.0.0.1:9/',
    connectivityExpect: 'x',
    proxy: { mode: 'none' },
    timeoutMs: 10_000,
  };
  const services = createRunServices(input, { extraCa: [], hostsFile: '/nonexistent/hosts' });
  try {
    const results = await runProbes({ definitions: [dnsSrvProbe], input, services, deadlineMs: input.timeoutMs });
    expect(results).toHaveLength(1);
    return results[0] as ProbeResultOf<'dns.srv'>;
  } finally {
    await services.close();
  }
}

describe('dns.srv', () => {
  it('returns the records in the order a client uses them', async () => {
    const result = await srv('contoso.test');
    expect(result.id).toBe('dns.srv:_autodiscover._tcp.contoso.test');
    expect(result.status).toBe('ok');
    expect(result.data?.records).toEqual([
      { target: 'mail1.contoso.test', port: 8443, priority: 10, weight: 90 },
      { target: 'mail2.contoso.test', port: 443, priority: 10, weight: 10 },
      { target: 'backup.contoso.test', port: 443, priority: 20, weight: 100 },
    ]);
    expect(result.data?.servers).toEqual([lab.address]);
    expect(result.data?.queries?.[0]).toMatchObject({ server: lab.address, type: 'SRV', rcode: 'NOERROR' });
    expect(result.data?.error).toBeUndefined();
  });

  it('ends ok without records when the domain has none', async () => {
    const result = await srv('fabrikam.test');
    expect(result).toMatchObject({ status: 'ok', data: { records: [], error: { kind: 'nxdomain' } } });
    expect(result.summary).toMatch(/no SRV record/);
  });

  it('fails when the server answers with an error', async () => {
    const result = await srv('broken.test');
    expect(result).toMatchObject({ status: 'fail', data: { records: [], error: { kind: 'servfail' } } });
  });
});
