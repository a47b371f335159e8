import { describe, expect, it } from 'vitest';
import { autodiscover, candidate, connectivity, DOMAIN, evidenceOf, HOST, rootDomainCandidate } from '../testing/http-evidence-builders';
import { hitOf, raisedIds } from '../testing/diagnose-helpers';
import { RAISING } from '../testing/rules-b-scenarios';
import { autodiscoverHttpRedirectRule } from './autodiscover-http-redirect';
import { portalDetectedRule } from './portal-detected';

describe('autodiscover.http-redirect', () => {
  it.each(RAISING['autodiscover.http-redirect'])('raised: $name', ({ evidence }) => {
    expect(hitOf(autodiscoverHttpRedirectRule, evidence).args).toEqual({
      via: `http://autodiscover.${DOMAIN}/autodiscover/autodiscover.xml`,
      url: `https://${HOST}/autodiscover/autodiscover.xml`,
      method: 'http-redirect',
    });
  });

  it('raised when the SRV record leads to the winner', () => {
    const srv = candidate({ method: 'srv', url: `https://${HOST}/autodiscover/autodiscover.xml`, host: HOST });
    const hit = hitOf(autodiscoverHttpRedirectRule, evidenceOf([autodiscover([rootDomainCandidate(), srv], 1)]));
    expect(hit.args?.method).toBe('srv');
  });

  it('not raised when autodiscover.<domain> wins directly, or nothing wins', () => {
    expect(autodiscoverHttpRedirectRule.evaluate(evidenceOf([autodiscover([rootDomainCandidate(), candidate()])]))).toBeNull();
    expect(autodiscoverHttpRedirectRule.evaluate(evidenceOf([autodiscover([rootDomainCandidate()], null)]))).toBeNull();
  });

  it('survives a redirect loop in the evidence', () => {
    const a = candidate({ method: 'redirect', redirectedFrom: 1 });
    const b = candidate({ method: 'redirect', redirectedFrom: 0 });
    expect(autodiscoverHttpRedirectRule.evaluate(evidenceOf([autodiscover([a, b], 0)]))).toBeNull();
  });

  it('a portal explains it', () => {
    const evidence = evidenceOf([connectivity('portal'), ...RAISING['autodiscover.http-redirect'][0]!.evidence.probes]);
    expect(raisedIds(evidence, portalDetectedRule, autodiscoverHttpRedirectRule)).toEqual(['portal.detected']);
  });
});
