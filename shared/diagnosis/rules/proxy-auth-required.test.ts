import { describe, expect, it } from 'vitest';
import { evidenceOf, proxyConnect } from '../testing/http-evidence-builders';
import { hitOf } from '../testing/diagnose-helpers';
import { RAISING } from '../testing/rules-b-scenarios';
import { proxyAuthRequiredRule } from './proxy-auth-required';

describe('proxy.auth-required', () => {
  it.each(RAISING['proxy.auth-required'])('raised: $name', ({ evidence }) => {
    expect(hitOf(proxyAuthRequiredRule, evidence).args).toEqual({ proxy: 'proxy.contoso.com:8080', host: 'mail.contoso.com', methods: 'Negotiate, NTLM' });
  });

  it('a 407 without Proxy-Authenticate still counts, with no methods named', () => {
    const evidence = evidenceOf([proxyConnect({ outcome: 'auth-required', status: 407, tls: undefined })]);
    expect(hitOf(proxyAuthRequiredRule, evidence).args?.methods).toBe('–');
  });

  it('not raised when the tunnel opens or the proxy refuses for another reason', () => {
    expect(proxyAuthRequiredRule.evaluate(evidenceOf([proxyConnect()]))).toBeNull();
    expect(proxyAuthRequiredRule.evaluate(evidenceOf([proxyConnect({ outcome: 'refused', status: 403 })]))).toBeNull();
  });

  it('has no cause above it: a 407 is the proxy\'s own answer', () => {
    expect(proxyAuthRequiredRule.dependsOn ?? []).toEqual([]);
  });
});
