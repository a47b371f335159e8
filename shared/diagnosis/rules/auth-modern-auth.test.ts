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

describe('auth.modern-auth: what the Bearer challenge says', () => {
  const hma = (extra: Record<string, string>, headers: [string, string][] = []) => {
    const result = http('mapi', {
      challenges: [
        { scheme: 'Bearer', params: { client_id: '00000002-0000-0ff1-ce00-000000000000', trusted_issuers: '00000001-0000-0000-c000-000000000000@5de110f8-2e0f-4d45-891d-bcf2218e253d,00000004-0000-0ff1-ce00-000000000000@contoso.com', authorization_uri: 'https://login.windows.net/common/oauth2/authorize', ...extra } },
        { scheme: 'Basic', params: { realm: 'mail.contoso.com' } },
      ],
    });
    result.data!.response!.headers = headers;
    return result;
  };

  it('names the trusted tenants (hybrid: the Microsoft 365 tenant) in a note', () => {
    const hit = hitOf(authModernAuthRule, evidenceOf([hma({})]));
    expect(hit.args).toMatchObject({ tenant: '5de110f8-2e0f-4d45-891d-bcf2218e253d, contoso.com', note: 'tenant' });
    expect(hit.args?.tokenError).toBeUndefined();
  });

  it('a rejected token: the challenge\'s error and x-ms-diagnostics reach the finding', () => {
    const diagnostics = '2000003;reason="The hostname component of the audience claim value is invalid. Expected \'https://mail.contoso.com\'. Actual \'http://mail.contoso.com\'.";error_category="invalid_resource"';
    const hit = hitOf(authModernAuthRule, evidenceOf([hma({ error: 'invalid_token' }, [['x-ms-diagnostics', diagnostics]])]));
    expect(hit.args).toMatchObject({ tokenError: 'invalid_token', note: 'tenant,token-rejected' });
    expect(String(hit.args?.diagnostics)).toMatch(/^2000003;reason="The hostname component/);
    expect(String(hit.args?.diagnostics).length).toBeLessThanOrEqual(201);
  });
});
