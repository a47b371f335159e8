import { describe, expect, it } from 'vitest';
import { autodiscover, candidate, connectivity, DOMAIN, evidenceOf, proxyConnect, rootDomainCandidate } from '../testing/http-evidence-builders';
import { firingRule, hitOf, raisedIds } from '../testing/diagnose-helpers';
import { RAISING } from '../testing/rules-b-scenarios';
import { autodiscoverNotFoundRule } from './autodiscover-not-found';
import { portalDetectedRule } from './portal-detected';
import { proxyAuthRequiredRule } from './proxy-auth-required';

describe('autodiscover.not-found', () => {
  it.each(RAISING['autodiscover.not-found'])('raised: $name', ({ evidence }) => {
    const hit = hitOf(autodiscoverNotFoundRule, evidence);
    expect(hit.evidence).toEqual([`autodiscover:${DOMAIN}`]);
    expect(hit.args).toEqual({
      domain: DOMAIN,
      candidates: `https://${DOMAIN}/autodiscover/autodiscover.xml (HTTP 404 text/html); https://autodiscover.${DOMAIN}/autodiscover/autodiscover.xml (DNS nxdomain)`,
    });
  });

  it('not raised when a candidate answers like Exchange', () => {
    expect(autodiscoverNotFoundRule.evaluate(evidenceOf([autodiscover([rootDomainCandidate(), candidate()])]))).toBeNull();
  });

  it('not raised when every step was skipped (nothing was tried)', () => {
    const evidence = evidenceOf([autodiscover([rootDomainCandidate({ decision: 'skipped', reason: 'registry:ExcludeHttpsRootDomain' })], null)]);
    expect(autodiscoverNotFoundRule.evaluate(evidence)).toBeNull();
  });

  it('a portal, a proxy sign-in or a machine without network is the cause', () => {
    const walk = RAISING['autodiscover.not-found'][0]!.evidence.probes;
    expect(raisedIds(evidenceOf([connectivity('portal'), ...walk]), portalDetectedRule, autodiscoverNotFoundRule)).toEqual(['portal.detected']);
    const proxy = proxyConnect({ outcome: 'auth-required', status: 407, tls: undefined });
    expect(raisedIds(evidenceOf([proxy, ...walk]), proxyAuthRequiredRule, autodiscoverNotFoundRule)).toEqual(['proxy.auth-required']);
    expect(raisedIds(evidenceOf([...walk]), firingRule('dns.no-server'), autodiscoverNotFoundRule)).toEqual(['dns.no-server']);
  });
});
