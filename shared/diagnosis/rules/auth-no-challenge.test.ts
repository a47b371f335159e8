import { describe, expect, it } from 'vitest';
import { connectivity, evidenceOf, exchangeWith, healthyExchange, http, proxyConnect } from '../testing/http-evidence-builders';
import { hitOf, raisedIds } from '../testing/diagnose-helpers';
import { RAISING } from '../testing/rules-b-scenarios';
import { authNoChallengeRule } from './auth-no-challenge';
import { portalDetectedRule } from './portal-detected';
import { proxyAuthRequiredRule } from './proxy-auth-required';
import { serverBackendErrorRule } from './server-backend-error';
import { serverUnavailableRule } from './server-unavailable';

describe('auth.no-challenge', () => {
  it.each(RAISING['auth.no-challenge'])('raised: $name', ({ evidence, severity }) => {
    expect(hitOf(authNoChallengeRule, evidence).severity).toBe(severity);
  });

  it('names each endpoint with what answered instead, without the query of a redirect', () => {
    expect(hitOf(authNoChallengeRule, RAISING['auth.no-challenge'][0]!.evidence).args).toEqual({
      host: 'mail.contoso.com',
      endpoints: 'mail.contoso.com/mapi/emsmdb/ → HTTP 200 text/html (Server: BigIP)',
    });
    const lowered = hitOf(authNoChallengeRule, RAISING['auth.no-challenge'][1]!.evidence).args;
    expect(lowered?.endpoints).toBe('mail.contoso.com/EWS/Exchange.asmx → HTTP 302 → https://sso.contoso.com/login (Server: Microsoft-IIS/10.0)');
    expect(lowered?.lowered).toBe('mailbox-path-fine');
  });

  it('a 401 without any WWW-Authenticate counts as no challenge', () => {
    expect(authNoChallengeRule.evaluate(evidenceOf(exchangeWith(http('mapi', { status: 401, challenges: [] }))))).not.toBeNull();
  });

  it('counts several addresses of one name once in the text, all in the evidence', () => {
    const evidence = evidenceOf([http('mapi', { status: 200 }), http('mapi', { status: 200, address: '192.0.2.21' })]);
    const hit = hitOf(authNoChallengeRule, evidence);
    expect(hit.evidence).toHaveLength(2);
    expect(String(hit.args?.endpoints).match(/mapi/g)).toHaveLength(1);
  });

  it('not raised for a healthy Exchange (OWA redirect and health check 200 are normal)', () => {
    expect(authNoChallengeRule.evaluate(evidenceOf(healthyExchange()))).toBeNull();
  });

  it('leaves 5xx, 404 and rejected RPC methods to the server findings', () => {
    const evidence = evidenceOf(
      exchangeWith(http('mapi', { status: 500 }), http('ews', { status: 503 }), http('rpc', { status: 404 }), http('rpc-in-data', { status: 405 })),
    );
    expect(authNoChallengeRule.evaluate(evidence)).toBeNull();
    expect(raisedIds(evidence, authNoChallengeRule, serverBackendErrorRule)).toEqual(['server.backend-error']);
  });

  it('not lowered when the mailbox path was never seen answering', () => {
    const evidence = evidenceOf([http('ews', { status: 200 }), http('autodiscover')]);
    expect(hitOf(authNoChallengeRule, evidence).severity).toBeUndefined();
  });

  it('a portal, a proxy sign-in or an unavailable server is the cause', () => {
    const answers = RAISING['auth.no-challenge'][0]!.evidence.probes;
    const portal = evidenceOf([connectivity('wrong-answer'), ...exchangeWith(http('mapi', { status: 302, location: 'http://wifi.example/' }))]);
    expect(raisedIds(portal, portalDetectedRule, authNoChallengeRule)).toEqual(['portal.detected']);
    const proxy = evidenceOf([proxyConnect({ outcome: 'auth-required', status: 407 }), ...answers]);
    expect(raisedIds(proxy, proxyAuthRequiredRule, authNoChallengeRule)).toEqual(['proxy.auth-required']);
    const sorry = evidenceOf([http('mapi', { status: 503 }), http('ews', { status: 200 })]);
    expect(raisedIds(sorry, serverUnavailableRule, authNoChallengeRule)).toEqual(['server.unavailable']);
  });
});
