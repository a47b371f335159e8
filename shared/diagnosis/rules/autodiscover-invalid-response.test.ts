import { describe, expect, it } from 'vitest';
import { autodiscover, candidate, DOMAIN, evidenceOf, proxyConnect, rootDomainCandidate } from '../testing/http-evidence-builders';
import { hitOf, raisedIds } from '../testing/diagnose-helpers';
import { RAISING } from '../testing/rules-b-scenarios';
import { autodiscoverInvalidResponseRule } from './autodiscover-invalid-response';
import { proxyConnectBlockedRule } from './proxy-connect-blocked';

describe('autodiscover.invalid-response', () => {
  it.each(RAISING['autodiscover.invalid-response'])('raised: $name', ({ evidence }) => {
    expect(hitOf(autodiscoverInvalidResponseRule, evidence).args).toEqual({
      url: `https://${DOMAIN}/autodiscover/autodiscover.xml`,
      answer: 'HTTP 200 text/html',
    });
  });

  it('not raised for 404 from an unrelated web server (Outlook moves on, nothing misleading)', () => {
    expect(autodiscoverInvalidResponseRule.evaluate(evidenceOf([autodiscover([rootDomainCandidate(), candidate()])]))).toBeNull();
  });

  it('not raised for an invalid answer after the winner: Outlook never asks it', () => {
    const late = candidate({ method: 'srv', decision: 'not-reached', response: 'invalid' });
    expect(autodiscoverInvalidResponseRule.evaluate(evidenceOf([autodiscover([candidate(), late], 0)]))).toBeNull();
  });

  it('a proxy that refuses is the cause', () => {
    const evidence = evidenceOf([proxyConnect({ outcome: 'refused', status: 403 }), ...RAISING['autodiscover.invalid-response'][0]!.evidence.probes]);
    expect(raisedIds(evidence, proxyConnectBlockedRule, autodiscoverInvalidResponseRule)).toEqual(['proxy.connect-blocked']);
  });
});
