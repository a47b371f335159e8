import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { AUTODISCOVER_HOST, healthyRun, hostProbes, HOST, makeEvidence, tcp } from '../testing/evidence-builders';
import { evaluateChecked, firing } from '../testing/rule-check';
import { RULES } from '.';
import { lbDeadAddress as rule } from './lb-dead-address';

const twoAddresses = (outcome: 'timeout' | 'refused') => healthyRun({ addresses: ['192.0.2.10', '192.0.2.11'], tcp: { '192.0.2.11': outcome } });

describe('lb.dead-address', () => {
  it('is raised when one of two addresses times out', () => {
    const hit = evaluateChecked(rule, makeEvidence(twoAddresses('timeout')));
    expect(hit).toEqual({
      evidence: [`tcp:${HOST}/192.0.2.11:443`, `tcp:${HOST}/192.0.2.10:443`],
      args: { host: HOST, dead: '192.0.2.11', deadCount: 1, total: 2, port: 443, note: 'timeout' },
      severity: 'problem',
    });
  });

  it('tells a refused address (old server still up) apart', () => {
    expect(evaluateChecked(rule, makeEvidence(twoAddresses('refused')))?.args).toMatchObject({ note: 'refused' });
  });

  it('is lowered to a warning for an Autodiscover name', () => {
    const evidence = makeEvidence([...healthyRun(), ...hostProbes(AUTODISCOVER_HOST, { addresses: ['192.0.2.20', '192.0.2.21'], tcp: { '192.0.2.21': 'timeout' } })]);
    expect(evaluateChecked(rule, evidence)).toMatchObject({ severity: 'warning', args: { host: AUTODISCOVER_HOST, lowered: 'autodiscover-only' } });
  });

  it('is not raised when all addresses work, when none works (tcp.unreachable), or for other ports', () => {
    expect(rule.evaluate(makeEvidence(healthyRun({ addresses: ['192.0.2.10', '192.0.2.11'] })))).toBeNull();
    const allDead = makeEvidence(healthyRun({ addresses: ['192.0.2.10', '192.0.2.11'], tcp: { '192.0.2.10': 'timeout', '192.0.2.11': 'timeout' } }));
    expect(rule.evaluate(allDead)).toBeNull();
    expect(diagnose(allDead, RULES).findings.map((f) => f.id)).toEqual(['tcp.unreachable']);
    expect(rule.evaluate(makeEvidence([...healthyRun(), tcp(HOST, '192.0.2.10', 'refused', { port: 80 })]))).toBeNull();
  });

  it('leaves dead IPv6 addresses to ipv6.unreachable when IPv4 works, but counts the dead IPv4 one', () => {
    const v6dead = healthyRun({ addresses: ['192.0.2.10', '2001:db8::10'], tcp: { '2001:db8::10': 'timeout' } });
    expect(rule.evaluate(makeEvidence(v6dead))).toBeNull();
    const both = healthyRun({ addresses: ['192.0.2.10', '192.0.2.11', '2001:db8::10'], tcp: { '192.0.2.11': 'timeout', '2001:db8::10': 'timeout' } });
    expect(evaluateChecked(rule, makeEvidence(both))?.args).toMatchObject({ dead: '192.0.2.11', deadCount: 1, total: 3 });
    const someV6 = healthyRun({ addresses: ['192.0.2.10', '2001:db8::10', '2001:db8::11'], tcp: { '2001:db8::11': 'timeout' } });
    expect(evaluateChecked(rule, makeEvidence(someV6))?.args).toMatchObject({ dead: '2001:db8::11' });
  });

  it('is explained by a captive portal', () => {
    expect(diagnose(makeEvidence(twoAddresses('timeout')), [rule, firing('portal.detected')]).findings.map((f) => f.id)).toEqual(['portal.detected']);
  });
});
