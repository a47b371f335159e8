import { notMethodListing } from '../testing/diagnose-helpers';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { AUTODISCOVER_HOST, healthyRun, hostProbes, HOST, iface, LOOPBACK_IFACE, makeEvidence } from '../testing/evidence-builders';
import { evaluateChecked, firing } from '../testing/rule-check';
import { RULES } from '.';
import { ipv6Unreachable as rule } from './ipv6-unreachable';

const dualStackClient = { interfaces: [LOOPBACK_IFACE, iface('Ethernet', ['192.168.10.23', '2001:db8:1::23', 'fe80::1'])] };
const run = (outcome: 'timeout' | 'refused', network = dualStackClient) =>
  healthyRun({ addresses: ['192.0.2.10', '2001:db8::10'], tcp: { '2001:db8::10': outcome }, network });

describe('ipv6.unreachable', () => {
  it('is raised when the IPv6 address times out while IPv4 works, for a client with IPv6', () => {
    const hit = evaluateChecked(rule, makeEvidence(run('timeout')));
    expect(hit).toEqual({
      evidence: [`tcp:${HOST}/[2001:db8::10]:443`, `tcp:${HOST}/192.0.2.10:443`],
      args: { host: HOST, addresses: '2001:db8::10', working: '192.0.2.10' },
      severity: 'problem',
    });
  });

  it('is lowered to info when this computer has no IPv6 address (Windows never tries it)', () => {
    expect(evaluateChecked(rule, makeEvidence(run('timeout', { interfaces: [LOOPBACK_IFACE, iface('Ethernet', ['192.168.10.23', 'fe80::1'])] })))).toMatchObject({
      severity: 'info',
      args: { lowered: 'no-client-ipv6' },
    });
  });

  it('is lowered to a warning when the failure comes back at once', () => {
    expect(evaluateChecked(rule, makeEvidence(run('refused')))).toMatchObject({ severity: 'warning', args: { lowered: 'fast-fail' } });
  });

  it('is lowered for an Autodiscover name', () => {
    const evidence = makeEvidence([...healthyRun({ network: dualStackClient }), ...hostProbes(AUTODISCOVER_HOST, { addresses: ['192.0.2.20', '2001:db8::20'], tcp: { '2001:db8::20': 'timeout' } })]);
    expect(evaluateChecked(rule, evidence)).toMatchObject({ severity: 'warning', args: { host: AUTODISCOVER_HOST, lowered: 'autodiscover-only' } });
  });

  it('is not raised when IPv4 fails too, when an IPv6 address works, or without IPv6 addresses', () => {
    expect(rule.evaluate(makeEvidence(healthyRun({ addresses: ['192.0.2.10', '2001:db8::10'], tcp: { '192.0.2.10': 'timeout', '2001:db8::10': 'timeout' } })))).toBeNull();
    expect(rule.evaluate(makeEvidence(healthyRun({ addresses: ['192.0.2.10', '2001:db8::10', '2001:db8::11'], tcp: { '2001:db8::10': 'timeout' } })))).toBeNull();
    expect(rule.evaluate(makeEvidence(healthyRun()))).toBeNull();
  });

  it('is the only finding for a dead IPv6 beside a live IPv4 (no lb.dead-address echo), and a portal explains it', () => {
    expect(diagnose(makeEvidence(run('timeout')), RULES).findings.map((f) => f.id).filter(notMethodListing)).toEqual(['ipv6.unreachable']);
    expect(diagnose(makeEvidence(run('timeout')), [rule, firing('portal.detected')]).findings.map((f) => f.id)).toEqual(['portal.detected']);
  });
});
