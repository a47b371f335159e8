import { describe, expect, it } from 'vitest';
import { evidenceOf, exchangeWith, http } from '../testing/http-evidence-builders';
import { hitOf, raisedIds } from '../testing/diagnose-helpers';
import { RAISING } from '../testing/rules-b-scenarios';
import { authBasicOnlyRule } from './auth-basic-only';
import { authMethodsRule } from './auth-methods';

describe('auth.methods', () => {
  it.each(RAISING['auth.methods'])('raised: $name', ({ evidence }) => {
    const hit = hitOf(authMethodsRule, evidence);
    expect(hit.args?.methods).toContain('mail.contoso.com/autodiscover/autodiscover.xml: Negotiate, NTLM, Basic');
    expect(hit.args?.methods).toContain('RPC_IN_DATA mail.contoso.com/rpc/rpcproxy.dll: Negotiate, NTLM, Basic');
    // OWA's redirect and the health check carry no challenge and are not listed.
    expect(hit.evidence).toHaveLength(5);
  });

  it('not raised when no endpoint sent a challenge', () => {
    expect(authMethodsRule.evaluate(evidenceOf([http('owa'), http('mapi', { status: 200 })]))).toBeNull();
  });

  it('information that stays beside the warnings it explains', () => {
    const evidence = evidenceOf(exchangeWith(http('ews', { challenges: [{ scheme: 'Basic', params: {} }] })));
    expect(raisedIds(evidence, authMethodsRule, authBasicOnlyRule)).toEqual(['auth.basic-only', 'auth.methods']);
  });
});
