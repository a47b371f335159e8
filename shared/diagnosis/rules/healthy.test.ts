import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import {
  AUTODISCOVER_HOST,
  cacheEntry,
  dnsCache,
  healthyRun,
  hostProbes,
  HOST,
  iface,
  localNetworkRecheck,
  LOOPBACK_IFACE,
  makeEvidence,
  mtu,
} from '../testing/evidence-builders';
import { RULES } from '.';

const dualStack = { interfaces: [LOOPBACK_IFACE, iface('Ethernet', ['192.168.10.23', '2001:db8:1::23', 'fe80::1'])] };

describe('healthy runs raise nothing (no false alarms)', () => {
  it.each([
    ['one address', healthyRun()],
    ['two addresses, dual stack', healthyRun({ addresses: ['192.0.2.10', '192.0.2.11', '2001:db8::10'], network: dualStack })],
    ['with Autodiscover names', [...healthyRun(), ...hostProbes(AUTODISCOVER_HOST, { addresses: ['192.0.2.20'] })]],
    ['with MTU probe, recheck and DNS cache', [...healthyRun(), mtu(HOST, '192.0.2.10'), localNetworkRecheck(), dnsCache([cacheEntry(HOST, ['192.0.2.10'])])]],
  ])('%s', (_name, probes) => {
    const diagnosis = diagnose(makeEvidence(probes), RULES);
    // Only the info listing of the offered sign-in methods; no warning, no problem.
    expect(diagnosis.findings.map((f) => [f.id, f.severity])).toEqual([['auth.methods', 'info']]);
    expect(diagnosis.ruleErrors).toEqual([]);
    expect(diagnosis.verdict).toBe('ok');
  });

  it('rates the sections these probes looked at ok, and the others not-checked', () => {
    const sections = Object.fromEntries(diagnose(makeEvidence([...healthyRun(), localNetworkRecheck()]), RULES).sections.map((s) => [s.id, s.status]));
    expect(sections).toMatchObject({
      physical: 'ok',
      'network-change': 'ok',
      vpn: 'ok',
      mtu: 'not-checked',
      'desktop-firewall': 'ok',
      tls: 'ok',
      ipv6: 'ok',
      dns: 'ok',
      'load-balancer': 'ok',
    });
  });

  it('survives results without data and unknown shapes without rule errors', () => {
    const bare = healthyRun().map((r) => ({ ...r, status: 'timeout' as const, data: undefined }));
    const diagnosis = diagnose(makeEvidence(bare), RULES);
    expect(diagnosis.ruleErrors).toEqual([]);
    expect(diagnosis.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});
