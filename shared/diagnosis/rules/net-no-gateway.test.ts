import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { healthyRun, iface, localNetwork, LOOPBACK_IFACE, makeEvidence } from '../testing/evidence-builders';
import { evaluateChecked } from '../testing/rule-check';
import { RULES } from '.';
import { netNoGateway as rule } from './net-no-gateway';

describe('net.no-gateway', () => {
  it('is raised when the routing table has no default route', () => {
    const net = localNetwork({ defaultRoutes: [] });
    expect(evaluateChecked(rule, makeEvidence([net]))).toEqual({ evidence: [net.id] });
  });

  it('is lowered when the Exchange host answered anyway (same subnet)', () => {
    const hit = evaluateChecked(rule, makeEvidence(healthyRun({ network: { defaultRoutes: [] } })));
    expect(hit?.severity).toBe('warning');
    expect(hit?.args).toEqual({ lowered: 'exchange-reachable' });
  });

  it('is not raised with a default route, or when the routing table is unknown', () => {
    expect(rule.evaluate(makeEvidence(healthyRun()))).toBeNull();
    expect(rule.evaluate(makeEvidence([localNetwork({ defaultRoutes: null })]))).toBeNull();
  });

  it('is not raised for an APIPA address alone, and is explained by it beside an IPv6 address (DHCP gave neither address nor gateway)', () => {
    const apipaOnly = localNetwork({ interfaces: [LOOPBACK_IFACE, iface('Ethernet', ['169.254.1.2'])], defaultRoutes: [] });
    expect(rule.evaluate(makeEvidence([apipaOnly]))).toBeNull();
    const net = localNetwork({ interfaces: [LOOPBACK_IFACE, iface('Ethernet', ['169.254.1.2', '2001:db8::5'])], defaultRoutes: [] });
    expect(rule.evaluate(makeEvidence([net]))).not.toBeNull();
    expect(diagnose(makeEvidence([net]), RULES).findings.map((f) => f.id)).not.toContain('net.no-gateway');
  });
});
