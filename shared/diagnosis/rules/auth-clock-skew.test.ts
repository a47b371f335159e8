import { describe, expect, it } from 'vitest';
import { connectivity, evidenceOf, healthyExchange, http } from '../testing/http-evidence-builders';
import { hitOf, raisedIds } from '../testing/diagnose-helpers';
import { RAISING } from '../testing/rules-b-scenarios';
import { authClockSkewRule, MAX_CLOCK_SKEW_MS } from './auth-clock-skew';
import { portalDetectedRule } from './portal-detected';

describe('auth.clock-skew', () => {
  it.each(RAISING['auth.clock-skew'])('raised: $name', ({ evidence, severity }) => {
    expect(hitOf(authClockSkewRule, evidence).severity).toBe(severity);
  });

  it('says by how much and shows both times', () => {
    expect(hitOf(authClockSkewRule, RAISING['auth.clock-skew'][0]!.evidence).args).toEqual({
      host: 'mail.contoso.com',
      minutes: 12,
      serverTime: '2026-03-02T09:12:00.000Z',
      localTime: '2026-03-02T09:00:00.000Z',
    });
  });

  it('the threshold is Kerberos\' default of 5 minutes', () => {
    expect(MAX_CLOCK_SKEW_MS).toBe(300_000);
    expect(authClockSkewRule.evaluate(evidenceOf([http('mapi', { clockSkewMs: 4 * 60_000 + 59_000 })]))).toBeNull();
    expect(authClockSkewRule.evaluate(evidenceOf([http('mapi', { clockSkewMs: -(5 * 60_000 + 2_000) })]))).not.toBeNull();
  });

  it('one odd answer does not decide: the median per host does', () => {
    const answers = healthyExchange();
    answers[0] = http('autodiscover', { clockSkewMs: 3_600_000 });
    expect(authClockSkewRule.evaluate(evidenceOf(answers))).toBeNull();
  });

  it('not raised for a healthy clock', () => {
    expect(authClockSkewRule.evaluate(evidenceOf(healthyExchange()))).toBeNull();
  });

  it('a portal explains it (its clock is not Exchange\'s)', () => {
    const evidence = evidenceOf([connectivity('portal'), ...RAISING['auth.clock-skew'][0]!.evidence.probes]);
    expect(raisedIds(evidence, portalDetectedRule, authClockSkewRule)).toEqual(['portal.detected']);
  });
});
