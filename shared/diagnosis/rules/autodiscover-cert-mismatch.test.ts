import { describe, expect, it } from 'vitest';
import { autodiscover, candidate, certificate, connectivity, DOMAIN, evidenceOf, HOST, rootDomainCandidate, tls } from '../testing/http-evidence-builders';
import { hitOf, raisedIds } from '../testing/diagnose-helpers';
import { RAISING } from '../testing/rules-b-scenarios';
import { autodiscoverCertMismatchRule } from './autodiscover-cert-mismatch';
import { portalDetectedRule } from './portal-detected';

describe('autodiscover.cert-mismatch', () => {
  it.each(RAISING['autodiscover.cert-mismatch'])('raised: $name', ({ evidence, severity }) => {
    expect(hitOf(autodiscoverCertMismatchRule, evidence).severity).toBe(severity);
  });

  it('names the candidate and the names on its certificate', () => {
    expect(hitOf(autodiscoverCertMismatchRule, RAISING['autodiscover.cert-mismatch'][0]!.evidence).args).toEqual({
      url: `https://autodiscover.${DOMAIN}/autodiscover/autodiscover.xml`,
      host: `autodiscover.${DOMAIN}`,
      certNames: `www.${DOMAIN}, ${DOMAIN}`,
    });
  });

  it('lowered for the root domain when a later candidate wins, and says where Outlook finds the settings', () => {
    const hit = hitOf(autodiscoverCertMismatchRule, RAISING['autodiscover.cert-mismatch'][1]!.evidence);
    expect(hit.args).toMatchObject({ lowered: 'root-domain-skipped', winnerUrl: `https://autodiscover.${DOMAIN}/autodiscover/autodiscover.xml` });
  });

  it('not lowered for the root domain when nothing wins (older and newer Outlook alike end there)', () => {
    const root = rootDomainCandidate({ tls: { leaf: certificate('CN=x', 'CN=y', ['x']), nameMatches: false } });
    expect(hitOf(autodiscoverCertMismatchRule, evidenceOf([autodiscover([root], null)])).severity).toBeUndefined();
  });

  it('not raised when every certificate fits, or the mismatch comes after the winner', () => {
    expect(autodiscoverCertMismatchRule.evaluate(evidenceOf([autodiscover([rootDomainCandidate(), candidate()])]))).toBeNull();
    const late = candidate({ method: 'srv', decision: 'not-reached', tls: { nameMatches: false } });
    expect(autodiscoverCertMismatchRule.evaluate(evidenceOf([autodiscover([candidate(), late], 0)]))).toBeNull();
  });

  it('not repeated for the Exchange host whose own certificate is already wrong (tls.cert-name-mismatch)', () => {
    const wrong = { ...tls(undefined, HOST), data: { ...tls(undefined, HOST).data!, nameMatches: false } };
    const onExchangeHost = candidate({ host: HOST, url: `https://${HOST}/autodiscover/autodiscover.xml`, decision: 'passed-over', tls: { nameMatches: false } });
    expect(autodiscoverCertMismatchRule.evaluate(evidenceOf([wrong, autodiscover([onExchangeHost], null)]))).toBeNull();
  });

  it('a portal explains it', () => {
    const evidence = evidenceOf([connectivity('portal'), ...RAISING['autodiscover.cert-mismatch'][0]!.evidence.probes]);
    expect(raisedIds(evidence, portalDetectedRule, autodiscoverCertMismatchRule)).toEqual(['portal.detected']);
  });
});
