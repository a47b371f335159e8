import { describe, expect, it } from 'vitest';
import { attempt, credentials, evidenceOf, healthyExchange } from '../testing/http-evidence-builders';
import { hitOf, raisedIds } from '../testing/diagnose-helpers';
import { RAISING } from '../testing/rules-b-scenarios';
import { authCredentialsRejectedRule } from './auth-credentials-rejected';
import { serverMapiBlockedExternalRule } from './server-mapi-blocked-external';

describe('server.mapi-blocked-external', () => {
  it.each(RAISING['server.mapi-blocked-external'])('raised: $name', ({ evidence }) => {
    const hit = hitOf(serverMapiBlockedExternalRule, evidence);
    expect(hit.args).toEqual({ host: 'mail.contoso.com', user: 'user@contoso.com' });
    expect(hit.evidence).toEqual(['auth.credentials:mail.contoso.com/mapi']);
  });

  it('not raised while Outlook Anywhere is still offered (Outlook falls back to it)', () => {
    const evidence = evidenceOf([credentials('mapi', [attempt(200)], { mapi: { externalBlocked: true, rpcHttpOffered: true } })]);
    expect(serverMapiBlockedExternalRule.evaluate(evidence)).toBeNull();
  });

  it('not raised without the credential test, or when MAPI is not blocked', () => {
    expect(serverMapiBlockedExternalRule.evaluate(evidenceOf(healthyExchange()))).toBeNull();
    expect(serverMapiBlockedExternalRule.evaluate(evidenceOf([credentials('mapi', [attempt(200)], { mapi: { responseCode: 0 } })]))).toBeNull();
  });

  it('stands for the refusal instead of a wrong password', () => {
    const evidence = evidenceOf([credentials('mapi', [attempt(401)], { mapi: { externalBlocked: true, rpcHttpOffered: false } })]);
    expect(raisedIds(evidence, serverMapiBlockedExternalRule, authCredentialsRejectedRule)).toEqual(['server.mapi-blocked-external']);
  });
});
