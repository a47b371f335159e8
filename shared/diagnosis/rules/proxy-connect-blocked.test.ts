import { describe, expect, it } from 'vitest';
import { connectivity, evidenceOf, proxyConnect } from '../testing/http-evidence-builders';
import { hitOf, raisedIds } from '../testing/diagnose-helpers';
import { RAISING } from '../testing/rules-b-scenarios';
import { portalDetectedRule } from './portal-detected';
import { proxyConnectBlockedRule } from './proxy-connect-blocked';

describe('proxy.connect-blocked', () => {
  it.each(RAISING['proxy.connect-blocked'])('raised: $name', ({ evidence }) => {
    expect(hitOf(proxyConnectBlockedRule, evidence).args).toMatchObject({ proxy: 'proxy.contoso.com:8080', host: 'mail.contoso.com', port: 443 });
  });

  it('says what the proxy answered', () => {
    expect(hitOf(proxyConnectBlockedRule, RAISING['proxy.connect-blocked'][0]!.evidence).args?.answer).toBe('HTTP 403 Forbidden');
    expect(hitOf(proxyConnectBlockedRule, RAISING['proxy.connect-blocked'][1]!.evidence).args?.answer).toBe('proxy-unreachable (ECONNREFUSED)');
  });

  it('not raised when the tunnel opens', () => {
    expect(proxyConnectBlockedRule.evaluate(evidenceOf([proxyConnect()]))).toBeNull();
  });

  it('not raised when a second proxy of the list opens the tunnel', () => {
    const second = { ...proxyConnect(), id: 'proxy.connect:second' };
    const evidence = evidenceOf([proxyConnect({ outcome: 'refused', status: 502 }), second]);
    expect(proxyConnectBlockedRule.evaluate(evidence)).toBeNull();
  });

  it('a portal explains an unreachable company proxy', () => {
    const evidence = evidenceOf([connectivity('portal'), ...RAISING['proxy.connect-blocked'][1]!.evidence.probes]);
    expect(raisedIds(evidence, portalDetectedRule, proxyConnectBlockedRule)).toEqual(['portal.detected']);
  });
});
