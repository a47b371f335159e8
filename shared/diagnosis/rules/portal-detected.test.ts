import { describe, expect, it } from 'vitest';
import { connectivity, evidenceOf, exchangeWith, healthyExchange, http } from '../testing/http-evidence-builders';
import { hitOf } from '../testing/diagnose-helpers';
import { RAISING } from '../testing/rules-b-scenarios';
import { portalDetectedRule } from './portal-detected';

describe('portal.detected', () => {
  it.each(RAISING['portal.detected'])('raised: $name', ({ evidence }) => {
    const hit = hitOf(portalDetectedRule, evidence);
    expect(hit.severity).toBeUndefined();
    expect(hit.evidence.length).toBeGreaterThan(0);
  });

  it('names the connectivity URL and the portal it was sent to', () => {
    const hit = hitOf(portalDetectedRule, evidenceOf([connectivity('portal')]));
    expect(hit.args).toEqual({
      url: 'http://www.msftconnecttest.com/connecttest.txt',
      answer: 'HTTP 302 → http://portal.hotel-wlan.example/login',
    });
  });

  it('not raised when the connectivity check is fine and Exchange answers normally', () => {
    expect(portalDetectedRule.evaluate(evidenceOf([connectivity('ok'), ...healthyExchange()]))).toBeNull();
  });

  it('not raised for a foreign redirect on /mapi while the internet works (pre-authentication, not a portal)', () => {
    const evidence = evidenceOf([connectivity('ok'), ...exchangeWith(http('mapi', { status: 302, location: 'https://login.microsoftonline.com/x' }))]);
    expect(portalDetectedRule.evaluate(evidence)).toBeNull();
  });

  it('not raised for a redirect inside the organisation', () => {
    const evidence = evidenceOf([connectivity('wrong-answer'), ...exchangeWith(http('mapi', { status: 302, location: 'https://owa.contoso.com/x' }))]);
    expect(portalDetectedRule.evaluate(evidence)).toBeNull();
  });

  it('not raised without any connectivity check (no way to tell a portal from a reverse proxy)', () => {
    expect(portalDetectedRule.evaluate(evidenceOf(exchangeWith(http('mapi', { status: 200 }))))).toBeNull();
  });
});
