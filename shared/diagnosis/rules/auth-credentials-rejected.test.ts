import { describe, expect, it } from 'vitest';
import { attempt, credentials, evidenceOf, healthyExchange, proxyConnect } from '../testing/http-evidence-builders';
import { hitOf, raisedIds } from '../testing/diagnose-helpers';
import { RAISING } from '../testing/rules-b-scenarios';
import { authCredentialsRejectedRule } from './auth-credentials-rejected';
import { proxyAuthRequiredRule } from './proxy-auth-required';
import { serverMapiBlockedExternalRule } from './server-mapi-blocked-external';

describe('auth.credentials-rejected', () => {
  it.each(RAISING['auth.credentials-rejected'])('raised: $name', ({ evidence, severity }) => {
    expect(hitOf(authCredentialsRejectedRule, evidence).severity).toBe(severity);
  });

  it('names the user, the endpoints and the methods refused', () => {
    expect(hitOf(authCredentialsRejectedRule, RAISING['auth.credentials-rejected'][0]!.evidence).args).toEqual({
      user: 'CONTOSO\\user',
      host: 'mail.contoso.com',
      endpoints: 'https://mail.contoso.com/mapi/emsmdb/',
      methods: 'NTLM, Basic',
    });
    expect(hitOf(authCredentialsRejectedRule, RAISING['auth.credentials-rejected'][1]!.evidence).args).toMatchObject({
      lowered: 'mailbox-accepted',
      accepted: 'https://mail.contoso.com/mapi/emsmdb/',
    });
  });

  it('not raised when one method was accepted (Basic off, NTLM fine)', () => {
    const evidence = evidenceOf([credentials('mapi', [attempt(401, { method: 'basic' }), attempt(200)])]);
    expect(authCredentialsRejectedRule.evaluate(evidence)).toBeNull();
  });

  it('not raised without a credential test', () => {
    expect(authCredentialsRejectedRule.evaluate(evidenceOf(healthyExchange()))).toBeNull();
  });

  it('the external MAPI block is not a wrong password', () => {
    const blocked = credentials('mapi', [attempt(401)], { mapi: { externalBlocked: true, rpcHttpOffered: false } });
    const evidence = evidenceOf([blocked]);
    expect(raisedIds(evidence, authCredentialsRejectedRule, serverMapiBlockedExternalRule)).toEqual(['server.mapi-blocked-external']);
  });

  it('a proxy that wants its own sign-in is the cause', () => {
    const evidence = evidenceOf([proxyConnect({ outcome: 'auth-required', status: 407 }), ...RAISING['auth.credentials-rejected'][0]!.evidence.probes]);
    expect(raisedIds(evidence, proxyAuthRequiredRule, authCredentialsRejectedRule)).toEqual(['proxy.auth-required']);
  });
});
