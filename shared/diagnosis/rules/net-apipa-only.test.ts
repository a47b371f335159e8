import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { dnsBoth, healthyRun, HOST, iface, localNetwork, LOOPBACK_IFACE, makeEvidence, tcp } from '../testing/evidence-builders';
import { evaluateChecked } from '../testing/rule-check';
import { RULES } from '.';
import { netApipaOnly as rule } from './net-apipa-only';

const apipaNetwork = () => localNetwork({ interfaces: [LOOPBACK_IFACE, iface('Ethernet', ['169.254.12.34', 'fe80::1'])], defaultRoutes: [], dnsServers: [] });

describe('net.apipa-only', () => {
  it('is raised when the only IPv4 address is 169.254.x.x', () => {
    const net = apipaNetwork();
    const hit = evaluateChecked(rule, makeEvidence([net]));
    expect(hit).toEqual({ evidence: [net.id], args: { interfaces: 'Ethernet', address: '169.254.12.34' } });
  });

  it('is lowered to a warning when Exchange answered anyway (over IPv6)', () => {
    const evidence = makeEvidence([apipaNetwork(), ...dnsBoth(HOST, ['2001:db8::10']), tcp(HOST, '2001:db8::10')]);
    const hit = evaluateChecked(rule, evidence);
    expect(hit?.severity).toBe('warning');
    expect(hit?.args).toMatchObject({ lowered: 'exchange-reachable' });
  });

  it('is not raised on a healthy network, or when another adapter has a real address', () => {
    expect(rule.evaluate(makeEvidence(healthyRun()))).toBeNull();
    const mixed = localNetwork({ interfaces: [LOOPBACK_IFACE, iface('Ethernet', ['169.254.12.34']), iface('WLAN', ['10.1.2.3'], { medium: 'wireless' })] });
    expect(rule.evaluate(makeEvidence([mixed]))).toBeNull();
  });

  it('hides what follows from it: no gateway, no DNS server', () => {
    const ids = diagnose(makeEvidence([apipaNetwork()]), RULES).findings.map((f) => f.id);
    expect(ids).toEqual(['net.apipa-only']);
  });
});
