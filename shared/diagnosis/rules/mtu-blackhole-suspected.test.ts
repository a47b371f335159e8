import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { healthyRun, HOST, makeEvidence, mtu } from '../testing/evidence-builders';
import { evaluateChecked, firing } from '../testing/rule-check';
import { mtuBlackholeSuspected as rule } from './mtu-blackhole-suspected';

describe('mtu.blackhole-suspected', () => {
  it('is raised when the small exchange passes and the large one stalls', () => {
    const probe = mtu(HOST, '192.0.2.10', { large: 'stalled' });
    const hit = evaluateChecked(rule, makeEvidence([...healthyRun(), probe]));
    expect(hit).toEqual({ evidence: [probe.id], args: { host: HOST, address: '192.0.2.10', largeBytes: 64_000, receivedBytes: 1200 }, severity: 'problem' });
  });

  it('reports the path MTU a DF ping sweep found, or that ICMP is blocked', () => {
    expect(evaluateChecked(rule, makeEvidence([mtu(HOST, '192.0.2.10', { large: 'stalled', dfSweep: { largestPassingPayload: 1372, smallestFailingPayload: 1373 } })]))?.args).toMatchObject({
      pathMtu: 1400,
      note: 'sweep',
    });
    expect(evaluateChecked(rule, makeEvidence([mtu(HOST, '2001:db8::10', { large: 'stalled', dfSweep: { largestPassingPayload: 1232 } })]))?.args).toMatchObject({ pathMtu: 1280 });
    expect(evaluateChecked(rule, makeEvidence([mtu(HOST, '192.0.2.10', { large: 'stalled', dfSweep: { largestPassingPayload: null } })]))?.args).toMatchObject({ note: 'icmp-blocked' });
  });

  it('is not raised when both pass, when the large one is reset (not an MTU symptom), or when the small one fails too', () => {
    expect(rule.evaluate(makeEvidence([mtu(HOST, '192.0.2.10')]))).toBeNull();
    expect(rule.evaluate(makeEvidence([mtu(HOST, '192.0.2.10', { large: 'failed' })]))).toBeNull();
    expect(rule.evaluate(makeEvidence([mtu(HOST, '192.0.2.10', { small: 'stalled', large: 'stalled' })]))).toBeNull();
    expect(rule.evaluate(makeEvidence([mtu('www.msftconnecttest.com', '192.0.2.99', { large: 'stalled' })]))).toBeNull();
  });

  it('is explained by a captive portal', () => {
    expect(diagnose(makeEvidence([mtu(HOST, '192.0.2.10', { large: 'stalled' })]), [rule, firing('portal.detected')]).findings.map((f) => f.id)).toEqual(['portal.detected']);
  });
});
