import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { AUTODISCOVER_HOST, dnsBoth, dnsDirect, dnsSystem, healthyRun, HOST, localNetwork, makeEvidence } from '../testing/evidence-builders';
import { evaluateChecked, firing } from '../testing/rule-check';
import { dnsServfail as rule } from './dns-servfail';

describe('dns.servfail', () => {
  it('is raised when the DNS server answers the Exchange host with SERVFAIL', () => {
    const [system, direct] = dnsBoth(HOST, 'servfail');
    expect(evaluateChecked(rule, makeEvidence([localNetwork(), system!, direct!]))).toEqual({
      evidence: [system!.id, direct!.id],
      args: { host: HOST, servers: '192.168.10.2' },
      severity: 'problem',
    });
  });

  it('tells REFUSED apart and notes a cached answer', () => {
    const hit = evaluateChecked(rule, makeEvidence([dnsSystem(HOST, ['192.0.2.10']), dnsDirect(HOST, 'refused', { servers: ['10.0.0.53'] })]));
    expect(hit?.args).toEqual({ host: HOST, servers: '10.0.0.53', note: 'refused,cached' });
    expect(hit?.evidence).toEqual(['dns.direct:' + HOST]);
  });

  it('is not raised when resolution works, or for Autodiscover names only', () => {
    expect(rule.evaluate(makeEvidence(healthyRun()))).toBeNull();
    expect(rule.evaluate(makeEvidence([...healthyRun(), ...dnsBoth(AUTODISCOVER_HOST, 'servfail')]))).toBeNull();
  });

  it('is explained by a captive portal', () => {
    expect(diagnose(makeEvidence(dnsBoth(HOST, 'servfail')), [rule, firing('portal.detected')]).findings.map((f) => f.id)).toEqual(['portal.detected']);
  });
});
