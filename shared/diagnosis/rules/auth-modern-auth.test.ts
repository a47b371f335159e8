import { describe, expect, it } from 'vitest';
import { evidenceOf, healthyExchange, http } from '../testing/http-evidence-builders';
import { hitOf, raisedIds } from '../testing/diagnose-helpers';
import { RAISING } from '../testing/rules-b-scenarios';
import { authMethodsRule } from './auth-methods';
import { authModernAuthRule } from './auth-modern-auth';

describe('auth.modern-auth', () => {
  it.each(RAISING['auth.modern-auth'])('raised: $name', ({ evidence }) => {
    const hit = hitOf(authModernAuthRule, evidence);
    expect(hit.args).toMatchObject({
      host: 'outlook.office365.com',
      authority: 'https://login.windows.net/common/oauth2/authorize',
      resource: 'Exchange',
    });
    expect(hit.evidence).toHaveLength(3);
  });

  it('not raised on premises without hybrid modern authentication', () => {
    expect(authModernAuthRule.evaluate(evidenceOf(healthyExchange()))).toBeNull();
  });

  it('not raised for a Bearer scheme outside a 401', () => {
    expect(authModernAuthRule.evaluate(evidenceOf([http('mapi', { status: 200, challenges: [{ scheme: 'Bearer', params: {} }] })]))).toBeNull();
  });

  it('information beside auth.methods, suppressing nothing', () => {
    expect(raisedIds(RAISING['auth.modern-auth'][0]!.evidence, authMethodsRule, authModernAuthRule).sort()).toEqual(['auth.methods', 'auth.modern-auth']);
  });
});
