import { describe, expect, it } from 'vitest';
import { BEARER_CHALLENGES, challenge, connectivity, evidenceOf, healthyExchange, http } from '../testing/http-evidence-builders';
import { hitOf, raisedIds } from '../testing/diagnose-helpers';
import { RAISING } from '../testing/rules-b-scenarios';
import { authBasicOnlyRule } from './auth-basic-only';
import { authNoChallengeRule } from './auth-no-challenge';
import { portalDetectedRule } from './portal-detected';

describe('auth.basic-only', () => {
  it.each(RAISING['auth.basic-only'])('raised: $name', ({ evidence }) => {
    const hit = hitOf(authBasicOnlyRule, evidence);
    expect(hit.args?.host).toBe('mail.contoso.com');
    expect(hit.args?.endpoints).toContain('mail.contoso.com/mapi/emsmdb/');
  });

  it('not raised when Negotiate/NTLM or Bearer come with Basic', () => {
    expect(authBasicOnlyRule.evaluate(evidenceOf(healthyExchange()))).toBeNull();
    expect(authBasicOnlyRule.evaluate(evidenceOf([http('mapi', { challenges: BEARER_CHALLENGES })]))).toBeNull();
  });

  it('only where a challenge exists: an endpoint without one is auth.no-challenge, not Basic-only', () => {
    const evidence = evidenceOf([http('mapi', { status: 200 }), http('ews', { challenges: [challenge('Basic')] })]);
    expect(raisedIds(evidence, authBasicOnlyRule, authNoChallengeRule)).toEqual(['auth.no-challenge', 'auth.basic-only']);
    expect(hitOf(authBasicOnlyRule, evidence).evidence).toEqual([evidence.probes[1]!.id]);
  });

  it('a portal explains it', () => {
    const evidence = evidenceOf([connectivity('portal'), ...RAISING['auth.basic-only'][0]!.evidence.probes]);
    expect(raisedIds(evidence, portalDetectedRule, authBasicOnlyRule)).toEqual(['portal.detected']);
  });
});
