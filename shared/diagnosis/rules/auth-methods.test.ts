import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n';
import { autodiscover, candidate, DOMAIN, evidenceOf, exchangeWith, http } from '../testing/http-evidence-builders';
import { evaluateChecked } from '../testing/rule-check';
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

  describe('credentials held back from a host outside the mail domain', () => {
    const held = candidate({ method: 'redirect', host: 'mail.partner.example', url: 'https://mail.partner.example/autodiscover/autodiscover.xml?x=1', reason: 'needs-confirmation', redirectedFrom: 0 });
    const walk = autodiscover([candidate({ response: 'redirect-url', redirectTo: held.url }), held], 1);

    it('names the host in the note, lists its challenge and cites the walk', () => {
      const hit = evaluateChecked(authMethodsRule, evidenceOf([walk, ...exchangeWith()]))!;
      expect(hit.args).toMatchObject({ note: 'held-back', heldBackHosts: 'mail.partner.example', domain: DOMAIN });
      expect(hit.args?.methods).toContain('mail.partner.example/autodiscover/autodiscover.xml: Negotiate, NTLM');
      expect(String(hit.args?.methods)).not.toContain('x=1');
      expect(hit.evidence).toContain(walk.id);
      const de = translator('de').finding('auth.methods', hit.args);
      expect(de.detail).toContain('nicht an mail.partner.example gesendet');
      expect(translator('en').finding('auth.methods', hit.args).detail).toContain(`not part of the mail domain ${DOMAIN}`);
    });

    it('raised for the held-back host alone, when no other endpoint was asked', () => {
      expect(evaluateChecked(authMethodsRule, evidenceOf([walk]))?.args).toMatchObject({ note: 'held-back', methods: 'mail.partner.example/autodiscover/autodiscover.xml: Negotiate, NTLM, Basic' });
    });

    it('no note when nothing was held back', () => {
      expect(evaluateChecked(authMethodsRule, evidenceOf([autodiscover([candidate()]), ...exchangeWith()]))?.args?.note).toBeUndefined();
    });
  });
});
