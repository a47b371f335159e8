import { describe, expect, it } from 'vitest';
import { internetZonesFrom } from '../../../e2e/fixtures/collector-evidence';
import { translator } from '../../i18n';
import { collected } from '../testing/evidence-builders';
import { evaluateChecked } from '../testing/rule-check';
import { autodiscover, BEARER_CHALLENGES, candidate, challenge, DOMAIN, evidenceOf, exchangeWith, healthyExchange, http } from '../testing/http-evidence-builders';
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

/** The Internet zones collector's result from recorded `reg query` outputs. */
const zones = (files: Parameters<typeof internetZonesFrom>[0]) => collected('collector.internet-zones', internetZonesFrom(files), 'reg query …\\Internet Settings\\ZoneMap …');

describe('auth.methods with the Internet zone settings', () => {
  const exchangeInInternetZone = zones({ domainsUser: 'reg-zonemap-domains-user-exchange-internet.txt', logonUser: 'reg-zones-logon-user.txt' });

  it('says why Outlook asks for a password: the Exchange host is in the Internet zone', () => {
    const hit = evaluateChecked(authMethodsRule, evidenceOf([...healthyExchange(), exchangeInInternetZone]))!;
    expect(hit.args).toMatchObject({ note: 'zone-internet', zoneHost: 'mail.contoso.com' });
    expect(hit.evidence).toContain(exchangeInInternetZone.id);
    expect(translator('de').finding('auth.methods', hit.args).detail).toContain('gehört mail.contoso.com zur Zone „Internet“');
    expect(translator('en').finding('auth.methods', hit.args).detail).toContain('mail.contoso.com belongs to the "Internet" zone');
  });

  it('a Trusted sites zone whose Logon value signs in only in the intranet (the Autodiscover name); without a value it is not judged', () => {
    const answer = http('autodiscover', { host: 'autodiscover.contoso.com' });
    const trusted = zones({ domainsUser: 'reg-zonemap-domains-user-exchange-internet.txt', logonUser: 'reg-zones-logon-user-intranet-prompt.txt' });
    expect(evaluateChecked(authMethodsRule, evidenceOf([answer, trusted]))!.args).toMatchObject({ note: 'zone-trusted', zoneHost: 'autodiscover.contoso.com' });
    expect(evaluateChecked(authMethodsRule, evidenceOf([answer, exchangeInInternetZone]))!.args).not.toHaveProperty('note');
  });

  it('the Exchange host first, whatever order the answers came in', () => {
    const evidence = evidenceOf([http('autodiscover', { host: 'autodiscover.contoso.com' }), ...healthyExchange(), exchangeInInternetZone]);
    expect(evaluateChecked(authMethodsRule, evidence)!.args).toMatchObject({ zoneHost: 'mail.contoso.com' });
  });

  it('the intranet zone\'s Logon setting asks for the password', () => {
    const prompting = zones({ domainsUser: 'reg-zonemap-domains-user.txt', logonUser: 'reg-zones-logon-user-intranet-prompt.txt' });
    const hit = evaluateChecked(authMethodsRule, evidenceOf([...healthyExchange(), prompting]))!;
    expect(hit.args).toMatchObject({ note: 'zone-logon-prompt', zoneHost: 'mail.contoso.com' });
    expect(translator('de').finding('auth.methods', hit.args).detail).toContain('„Nach Benutzername und Kennwort fragen“');
  });

  it('no note where Windows signs in by itself: intranet zone, and a machine policy beats the user\'s prompt', () => {
    const intranet = zones({ domainsUser: 'reg-zonemap-domains-user.txt', zoneMapKeyMachine: 'reg-zonemapkey-machine-policy.txt', logonUser: 'reg-zones-logon-user.txt' });
    expect(evaluateChecked(authMethodsRule, evidenceOf([...healthyExchange(), intranet]))!.args).not.toHaveProperty('note');
    const policy = zones({ domainsUser: 'reg-zonemap-domains-user.txt', logonUser: 'reg-zones-logon-user-intranet-prompt.txt', logonMachinePolicy: 'reg-zones-logon-machine-policy.txt' });
    expect(evaluateChecked(authMethodsRule, evidenceOf([...healthyExchange(), policy]))!.args).not.toHaveProperty('note');
  });

  it('no note when only Basic or Bearer is offered (no Windows sign-in to lose), nor for a name no mapping covers', () => {
    const basic = http('mapi', { challenges: [challenge('Basic', { realm: 'mail.contoso.com' })] });
    expect(evaluateChecked(authMethodsRule, evidenceOf([basic, exchangeInInternetZone]))!.args).not.toHaveProperty('note');
    expect(evaluateChecked(authMethodsRule, evidenceOf([http('mapi', { challenges: BEARER_CHALLENGES }), exchangeInInternetZone]))!.args).not.toHaveProperty('note');
    const fabrikam = http('mapi', { host: 'mail.fabrikam.com' });
    expect(evaluateChecked(authMethodsRule, evidenceOf([fabrikam, exchangeInInternetZone], { server: { host: 'mail.fabrikam.com', port: 443 } }))!.args).not.toHaveProperty('note');
  });
});
