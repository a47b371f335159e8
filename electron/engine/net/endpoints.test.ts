import { describe, expect, it } from 'vitest';
import { probesOf } from '../../../shared/model/evidence';
import type { DnsDirectData, DnsSystemData } from '../../../shared/model/probe-data';
import type { ProbeResult } from '../../../shared/model/probe-result';
import type { RunInput } from '../../../shared/model/run-input';
import type { PlanView } from '../probe';
import { tcpProbe } from '../probes/tcp';
import { MAX_ADDRESSES_PER_FAMILY, connectTargets, endpointKey, planEndpoints, tcpInstanceId } from './endpoints';

const baseInput: RunInput = {
  dnsServers: [],
  connectivityUrl: 'http://127.0.0.1:9/',
  connectivityExpect: 'x',
  proxy: { mode: 'none' },
  timeoutMs: 10_000,
};

function view(input: Partial<RunInput>, probes: ProbeResult[]): PlanView {
  const results = new Map(probes.map((r) => [r.id, r]));
  return { input: { ...baseInput, ...input }, results, of: (probe) => probesOf({ probes }, probe) };
}

function v(address: string) {
  return { address, family: address.includes(':') ? (6 as const) : (4 as const) };
}

function system(name: string, addresses: string[], status: ProbeResult['status'] = 'ok'): ProbeResult {
  const data: DnsSystemData = { name, method: 'os-lookup', addresses: addresses.map(v), durationMs: 3, hostsFile: { path: '/etc/hosts', entries: [] } };
  return { id: `dns.system:${name}`, probe: 'dns.system', kind: 'dns', target: name, status, startedAt: '', durationMs: 3, summary: '', data };
}

function direct(name: string, addresses: string[]): ProbeResult {
  const data: DnsDirectData = { name, servers: ['127.0.0.53'], queries: [], cnameChain: [], addresses: addresses.map(v), durationMs: 4 };
  return { id: `dns.direct:${name}`, probe: 'dns.direct', kind: 'dns', target: name, status: 'ok', startedAt: '', durationMs: 4, summary: '', data };
}

describe('connectTargets', () => {
  it('takes the Exchange host on its port and both Autodiscover names on 443', () => {
    expect(connectTargets({ ...baseInput, email: 'Anna@Contoso.COM', server: { host: 'mail.contoso.com', port: 8443 } })).toEqual([
      { name: 'mail.contoso.com', port: 8443 },
      { name: 'contoso.com', port: 443 },
      { name: 'autodiscover.contoso.com', port: 443 },
    ]);
  });

  it('lists a name once per port', () => {
    // Without --server the Autodiscover name stands in for the Exchange host.
    expect(connectTargets({ ...baseInput, email: 'a@contoso.com', server: { host: 'autodiscover.contoso.com', port: 443 } })).toEqual([
      { name: 'autodiscover.contoso.com', port: 443 },
      { name: 'contoso.com', port: 443 },
    ]);
    expect(connectTargets({ ...baseInput, email: 'a@contoso.com', server: { host: 'contoso.com', port: 444 } })).toHaveLength(3);
  });
});

describe('planEndpoints', () => {
  it('plans nothing for a name before DNS answered', () => {
    expect(planEndpoints(view({ server: { host: 'mail.contoso.com', port: 443 } }, []))).toEqual([]);
  });

  it('plans every address of every name, each after the first DNS answer that had it', () => {
    const plan = planEndpoints(
      view({ email: 'a@contoso.com', server: { host: 'mail.contoso.com', port: 443 } }, [
        system('mail.contoso.com', ['192.0.2.7', '2001:db8::7']),
        direct('mail.contoso.com', ['2001:db8::7', '192.0.2.8']),
        system('autodiscover.contoso.com', ['192.0.2.9']),
        system('unrelated.example', ['192.0.2.99']),
      ]),
    );
    expect(plan).toEqual([
      { host: 'mail.contoso.com', address: '192.0.2.7', family: 4, port: 443, after: ['dns.system:mail.contoso.com'] },
      { host: 'mail.contoso.com', address: '2001:db8::7', family: 6, port: 443, after: ['dns.system:mail.contoso.com'] },
      { host: 'mail.contoso.com', address: '192.0.2.8', family: 4, port: 443, after: ['dns.direct:mail.contoso.com'] },
      { host: 'autodiscover.contoso.com', address: '192.0.2.9', family: 4, port: 443, after: ['dns.system:autodiscover.contoso.com'] },
    ]);
  });

  it('uses the port of the Exchange host and 443 for the Autodiscover names', () => {
    const plan = planEndpoints(
      view({ email: 'a@contoso.com', server: { host: 'contoso.com', port: 8443 } }, [system('CONTOSO.com.', ['192.0.2.1'])]),
    );
    expect(plan.map((e) => endpointKey(e))).toEqual(['contoso.com@192.0.2.1:8443', 'contoso.com@192.0.2.1:443']);
  });

  it('ignores DNS instances that did not end ok (the runner would skip what waits for them)', () => {
    expect(planEndpoints(view({ server: { host: 'mail.contoso.com', port: 443 } }, [system('mail.contoso.com', ['192.0.2.7'], 'fail')]))).toEqual([]);
  });

  it('caps the addresses per name and family and keeps the cap stable as answers arrive', () => {
    const many = Array.from({ length: 10 }, (_, i) => `192.0.2.${i + 1}`);
    const first = planEndpoints(view({ server: { host: 'mail.contoso.com', port: 443 } }, [system('mail.contoso.com', many)]));
    expect(first.map((e) => e.address)).toEqual(many.slice(0, MAX_ADDRESSES_PER_FAMILY));
    const later = planEndpoints(
      view({ server: { host: 'mail.contoso.com', port: 443 } }, [
        system('mail.contoso.com', many),
        direct('mail.contoso.com', ['192.0.2.200', ...many.slice().reverse(), '2001:db8::1']),
      ]),
    );
    // The IPv6 address still gets in; the IPv4 ones planned first stay the same.
    expect(later.map((e) => e.address)).toEqual([...many.slice(0, MAX_ADDRESSES_PER_FAMILY), '2001:db8::1']);
  });

  it('plans an IP literal directly, without DNS', () => {
    expect(planEndpoints(view({ server: { host: '2001:db8::5', port: 443 } }, []))).toEqual([
      { host: '2001:db8::5', address: '2001:db8::5', family: 6, port: 443, after: [] },
    ]);
    expect(planEndpoints(view({ server: { host: '192.0.2.5', port: 8443 } }, [])).map((e) => endpointKey(e))).toEqual(['192.0.2.5@192.0.2.5:8443']);
  });
});

describe('the TCP probe plan', () => {
  it('has one instance per endpoint, keyed so TLS and HTTP find it', () => {
    const tasks = tcpProbe.plan(view({ server: { host: 'mail.contoso.com', port: 443 } }, [system('mail.contoso.com', ['192.0.2.7', '2001:db8::7'])]));
    expect(tasks.map((t) => t.key)).toEqual(['mail.contoso.com@192.0.2.7:443', 'mail.contoso.com@[2001:db8::7]:443']);
    expect(tasks[1]).toMatchObject({ after: ['dns.system:mail.contoso.com'], input: { family: 6, port: 443 } });
    expect(tcpInstanceId(tasks[1]!.input)).toBe('tcp:mail.contoso.com@[2001:db8::7]:443');
    // An IP literal waits for nothing.
    const literal = tcpProbe.plan(view({ server: { host: '127.0.0.2', port: 443 } }, []));
    expect(literal).toHaveLength(1);
    expect(literal[0]).not.toHaveProperty('after');
  });
});
