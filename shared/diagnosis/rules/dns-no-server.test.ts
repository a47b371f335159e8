import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { dnsDirect, dnsSystem, healthyRun, HOST, iface, localNetwork, LOOPBACK_IFACE, makeEvidence } from '../testing/evidence-builders';
import { evaluateChecked } from '../testing/rule-check';
import { RULES } from '.';
import { dnsNoServer as rule } from './dns-no-server';

describe('dns.no-server', () => {
  it('is raised when no DNS server is configured', () => {
    const net = localNetwork({ dnsServers: [] });
    expect(evaluateChecked(rule, makeEvidence([net, dnsSystem(HOST, 'other')]))).toEqual({ evidence: [net.id] });
  });

  it('is lowered when Windows resolved the Exchange host anyway (hosts file)', () => {
    const system = dnsSystem(HOST, ['192.0.2.10'], { hosts: [{ address: '192.0.2.10', line: 21 }] });
    const hit = evaluateChecked(rule, makeEvidence([localNetwork({ dnsServers: [] }), system]));
    expect(hit).toMatchObject({ severity: 'warning', args: { host: HOST, lowered: 'system-resolves' } });
    expect(hit?.evidence).toContain(system.id);
  });

  it('is not raised with a server, or when the run queried servers given as options', () => {
    expect(rule.evaluate(makeEvidence(healthyRun()))).toBeNull();
    expect(rule.evaluate(makeEvidence([localNetwork({ dnsServers: [] }), dnsDirect(HOST, ['192.0.2.10'], { servers: ['127.0.0.1:5353'] })]))).toBeNull();
  });

  it('is explained by an APIPA-only address (DHCP failed altogether)', () => {
    const net = localNetwork({ interfaces: [LOOPBACK_IFACE, iface('Ethernet', ['169.254.1.2'])], defaultRoutes: [], dnsServers: [] });
    expect(rule.evaluate(makeEvidence([net]))).not.toBeNull();
    expect(diagnose(makeEvidence([net]), RULES).findings.map((f) => f.id)).toEqual(['net.apipa-only']);
  });
});
