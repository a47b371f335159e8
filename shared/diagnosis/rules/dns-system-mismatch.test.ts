import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import {
  AUTODISCOVER_HOST,
  cacheEntry,
  dnsCache,
  dnsDirect,
  dnsSystem,
  healthyRun,
  HOST,
  iface,
  localNetwork,
  LOOPBACK_IFACE,
  makeEvidence,
  tcp,
} from '../testing/evidence-builders';
import { evaluateChecked, firing } from '../testing/rule-check';
import { dnsSystemMismatch as rule } from './dns-system-mismatch';

describe('dns.system-mismatch', () => {
  it('is raised when Windows holds an internal address and DNS gives a public one (split DNS, stale cache)', () => {
    const system = dnsSystem(HOST, ['10.1.2.3']);
    const direct = dnsDirect(HOST, ['203.0.113.10']);
    const hit = evaluateChecked(rule, makeEvidence([localNetwork(), system, direct]));
    expect(hit).toEqual({ evidence: [system.id, direct.id], args: { host: HOST, systemAnswer: '10.1.2.3', directAnswer: '203.0.113.10' }, severity: 'warning' });
  });

  it('is raised when one side says the name does not exist and the other resolves it', () => {
    expect(evaluateChecked(rule, makeEvidence([dnsSystem(HOST, ['10.1.2.3']), dnsDirect(HOST, 'nxdomain')]))?.args).toMatchObject({ directAnswer: '—' });
    expect(evaluateChecked(rule, makeEvidence([dnsSystem(HOST, 'nxdomain'), dnsDirect(HOST, ['10.1.2.3'])]))?.args).toMatchObject({ systemAnswer: '—' });
  });

  it('names the cache entry (with its TTL) and an active VPN', () => {
    const net = localNetwork({
      interfaces: [LOOPBACK_IFACE, iface('Ethernet', ['192.168.10.23']), iface('tun0', ['10.8.0.2'], { vpn: { reason: 'tunnel interface name' } })],
    });
    const cache = dnsCache([cacheEntry(HOST, ['10.1.2.3'], 1234)]);
    const hit = evaluateChecked(rule, makeEvidence([net, dnsSystem(HOST, ['10.1.2.3']), dnsDirect(HOST, ['203.0.113.10']), cache]));
    expect(hit?.args).toMatchObject({ ttl: 1234, adapters: 'tun0', note: 'cache-ttl,vpn' });
    expect(hit?.evidence).toContain(cache.id);
  });

  it('uses the DNS cache as Windows\' view when there is no system lookup (negative entry)', () => {
    const cache = dnsCache([{ name: HOST, records: [], negative: 'nxdomain' }]);
    const hit = evaluateChecked(rule, makeEvidence([cache, dnsDirect(HOST, ['192.0.2.10'])]));
    expect(hit?.args).toMatchObject({ systemAnswer: '—', note: 'cache' });
  });

  it('is raised for public-only answers only when TCP shows Windows\' addresses dead and the fresh ones alive', () => {
    const geo = [dnsSystem(HOST, ['52.97.1.1']), dnsDirect(HOST, ['40.99.2.2'])];
    expect(rule.evaluate(makeEvidence(geo))).toBeNull();
    const hit = evaluateChecked(rule, makeEvidence([...geo, tcp(HOST, '52.97.1.1', 'timeout'), tcp(HOST, '40.99.2.2')]));
    expect(hit?.args).toMatchObject({ note: 'system-dead' });
  });

  it('is not raised for overlapping answers, on a healthy run, or when the hosts file pins the name', () => {
    expect(rule.evaluate(makeEvidence(healthyRun()))).toBeNull();
    expect(rule.evaluate(makeEvidence([dnsSystem(HOST, ['10.1.2.3', '10.1.2.4']), dnsDirect(HOST, ['10.1.2.4'])]))).toBeNull();
    expect(rule.evaluate(makeEvidence([dnsSystem(HOST, ['10.1.2.3'], { hosts: [{ address: '10.1.2.3', line: 4 }] }), dnsDirect(HOST, ['203.0.113.10'])]))).toBeNull();
  });

  it('is lowered to info for an Autodiscover name', () => {
    const hit = evaluateChecked(rule, makeEvidence([dnsSystem(AUTODISCOVER_HOST, ['10.1.2.3']), dnsDirect(AUTODISCOVER_HOST, ['203.0.113.10'])]));
    expect(hit).toMatchObject({ severity: 'info', args: { lowered: 'autodiscover-only' } });
  });

  it('is explained by a hosts file entry', () => {
    const evidence = makeEvidence([dnsSystem(HOST, ['10.1.2.3']), dnsDirect(HOST, ['203.0.113.10'])]);
    expect(diagnose(evidence, [rule, firing('dns.hosts-override')]).findings.map((f) => f.id)).toEqual(['dns.hosts-override']);
  });
});
