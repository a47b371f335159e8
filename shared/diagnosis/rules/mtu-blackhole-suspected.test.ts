import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { healthyRun, HOST, makeEvidence, mtu } from '../testing/evidence-builders';
import { evaluateChecked, firing } from '../testing/rule-check';
import { mtuBlackholeSuspected as rule } from './mtu-blackhole-suspected';

describe('mtu.blackhole-suspected', () => {
  it('is raised when the small exchange passes and the large request stalls: client → server', () => {
    const probe = mtu(HOST, '192.0.2.10', { large: 'stalled' });
    const hit = evaluateChecked(rule, makeEvidence([...healthyRun(), probe]));
    expect(hit).toEqual({ evidence: [probe.id], args: { host: HOST, address: '192.0.2.10', largeBytes: 6_300, receivedBytes: 600, note: 'upstream' }, severity: 'problem' });
    // A report of a version without the large answer reads the same.
    expect(evaluateChecked(rule, makeEvidence([mtu(HOST, '192.0.2.10', { large: 'stalled', largeResponse: null })]))?.args).toMatchObject({ note: 'upstream', largeBytes: 6_300 });
  });

  it('is raised when the small request\'s large answer stalls: server → client, where a passing full-size DF ping gives no path MTU', () => {
    const probe = mtu(HOST, '192.0.2.10', { largeResponse: 'stalled' });
    expect(evaluateChecked(rule, makeEvidence([...healthyRun(), probe]))).toEqual({
      evidence: [probe.id],
      args: { host: HOST, address: '192.0.2.10', answerReceivedBytes: 1200, note: 'downstream' },
      severity: 'problem',
    });
    const swept = (dfSweep: NonNullable<Parameters<typeof mtu>[2]>['dfSweep'], address = '192.0.2.10') =>
      evaluateChecked(rule, makeEvidence([mtu(HOST, address, { largeResponse: 'stalled', dfSweep })]))?.args;
    expect(swept({ largestPassingPayload: 1472 })).toEqual({ host: HOST, address: '192.0.2.10', answerReceivedBytes: 1200, note: 'downstream,sweep-full' });
    expect(swept({ largestPassingPayload: 1452 }, '2001:db8::10')).toMatchObject({ note: 'downstream,sweep-full' });
    expect(swept({ largestPassingPayload: 1372, smallestFailingPayload: 1373 })).toMatchObject({ note: 'downstream,sweep', pathMtu: 1400 });
    // Both directions: the large request's figures and the answer's; a full-size DF ping contradicts the way there, so it is left out.
    expect(evaluateChecked(rule, makeEvidence([mtu(HOST, '192.0.2.10', { large: 'stalled', largeResponse: 'stalled', dfSweep: { largestPassingPayload: 1472 } })]))?.args).toEqual({
      host: HOST,
      address: '192.0.2.10',
      largeBytes: 6_300,
      receivedBytes: 600,
      answerReceivedBytes: 1200,
      note: 'upstream,downstream',
    });
  });

  it('reports the path MTU a DF ping sweep found, or that ICMP is blocked', () => {
    expect(evaluateChecked(rule, makeEvidence([mtu(HOST, '192.0.2.10', { large: 'stalled', dfSweep: { largestPassingPayload: 1372, smallestFailingPayload: 1373 } })]))?.args).toMatchObject({
      pathMtu: 1400,
      note: 'upstream,sweep',
    });
    expect(evaluateChecked(rule, makeEvidence([mtu(HOST, '2001:db8::10', { large: 'stalled', dfSweep: { largestPassingPayload: 1232 } })]))?.args).toMatchObject({ pathMtu: 1280 });
    expect(evaluateChecked(rule, makeEvidence([mtu(HOST, '192.0.2.10', { large: 'stalled', dfSweep: { largestPassingPayload: null } })]))?.args).toMatchObject({ note: 'upstream,icmp-blocked' });
  });

  it('is not raised when both pass, when the large one is reset (not an MTU symptom), or when the small one fails too', () => {
    expect(rule.evaluate(makeEvidence([mtu(HOST, '192.0.2.10')]))).toBeNull();
    expect(rule.evaluate(makeEvidence([mtu(HOST, '192.0.2.10', { large: 'failed' })]))).toBeNull();
    expect(rule.evaluate(makeEvidence([mtu(HOST, '192.0.2.10', { small: 'stalled', large: 'stalled' })]))).toBeNull();
    expect(rule.evaluate(makeEvidence([mtu(HOST, '192.0.2.10', { small: 'stalled', largeResponse: 'stalled' })]))).toBeNull();
    expect(rule.evaluate(makeEvidence([mtu(HOST, '192.0.2.10', { largeResponse: 'failed' })]))).toBeNull();
    expect(rule.evaluate(makeEvidence([mtu('www.msftconnecttest.com', '192.0.2.99', { large: 'stalled' })]))).toBeNull();
  });

  it('is explained by a captive portal', () => {
    expect(diagnose(makeEvidence([mtu(HOST, '192.0.2.10', { large: 'stalled' })]), [rule, firing('portal.detected')]).findings.map((f) => f.id)).toEqual(['portal.detected']);
  });
});
