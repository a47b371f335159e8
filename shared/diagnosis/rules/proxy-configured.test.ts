import { describe, expect, it } from 'vitest';
import { evidenceOf, HOST, proxyConfig } from '../testing/http-evidence-builders';
import { hitOf, raisedIds } from '../testing/diagnose-helpers';
import { RAISING } from '../testing/rules-b-scenarios';
import { proxyConfiguredRule } from './proxy-configured';
import { proxyConnectBlockedRule } from './proxy-connect-blocked';

describe('proxy.configured', () => {
  it.each(RAISING['proxy.configured'])('raised: $name', ({ evidence }) => {
    const hit = hitOf(proxyConfiguredRule, evidence);
    expect(hit.args).toMatchObject({ proxy: 'proxy.contoso.com:8080', host: HOST });
  });

  it('names the source that decided', () => {
    expect(hitOf(proxyConfiguredRule, RAISING['proxy.configured'][1]!.evidence).args).toMatchObject({ source: 'pac', pacUrl: 'http://pac.contoso.com/proxy.pac' });
  });

  it('not raised when nothing is configured', () => {
    expect(proxyConfiguredRule.evaluate(evidenceOf([proxyConfig({ source: 'none', proxies: [], readings: [] })]))).toBeNull();
  });

  it('not raised when the Exchange host is on the bypass list', () => {
    expect(proxyConfiguredRule.evaluate(evidenceOf([proxyConfig({ bypassed: true })]))).toBeNull();
  });

  it('stays beside a proxy problem: it shows which proxy the problem is about', () => {
    const evidence = RAISING['proxy.connect-blocked'][0]!.evidence;
    expect(raisedIds(evidence, proxyConfiguredRule, proxyConnectBlockedRule)).toEqual(['proxy.connect-blocked', 'proxy.configured']);
  });
});
