import { describe, expect, it } from 'vitest';
import { connectivity, evidenceOf, exchangeWith, healthyExchange, http, proxyConnect } from '../testing/http-evidence-builders';
import { hitOf, raisedIds } from '../testing/diagnose-helpers';
import { RAISING } from '../testing/rules-b-scenarios';
import { portalDetectedRule } from './portal-detected';
import { proxyConnectBlockedRule } from './proxy-connect-blocked';
import { serverBackendErrorRule } from './server-backend-error';

describe('server.backend-error', () => {
  it.each(RAISING['server.backend-error'])('raised: $name', ({ evidence, severity }) => {
    expect(hitOf(serverBackendErrorRule, evidence).severity).toBe(severity);
  });

  it('names the endpoint and the answer', () => {
    expect(hitOf(serverBackendErrorRule, RAISING['server.backend-error'][0]!.evidence).args).toEqual({
      host: 'mail.contoso.com',
      endpoints: 'mail.contoso.com/mapi/emsmdb/ → HTTP 500 text/html (Server: Microsoft-IIS/10.0)',
    });
    expect(hitOf(serverBackendErrorRule, RAISING['server.backend-error'][1]!.evidence).args?.endpoints).toBe(
      'https://mail.contoso.com/mapi/emsmdb/ → HTTP 500 (ntlm)',
    );
  });

  it('lowered only while /mapi or /rpc answer like Exchange, and then says so', () => {
    const hit = hitOf(serverBackendErrorRule, RAISING['server.backend-error'][2]!.evidence);
    expect(hit.args?.lowered).toBe('mailbox-path-fine');
    const owaOnly = evidenceOf([http('owa', { status: 500 }), http('ews')]);
    expect(hitOf(serverBackendErrorRule, owaOnly).severity).toBeUndefined();
  });

  it('not raised for a healthy Exchange, nor for 503 or a failing health check (server.unavailable)', () => {
    expect(serverBackendErrorRule.evaluate(evidenceOf(healthyExchange()))).toBeNull();
    expect(serverBackendErrorRule.evaluate(evidenceOf(exchangeWith(http('mapi', { status: 503 }), http('healthcheck', { status: 500 }))))).toBeNull();
  });

  it('a portal or a refusing proxy is the cause', () => {
    const answers = RAISING['server.backend-error'][0]!.evidence.probes;
    expect(raisedIds(evidenceOf([connectivity('portal'), ...answers]), portalDetectedRule, serverBackendErrorRule)).toEqual(['portal.detected']);
    const proxy = proxyConnect({ outcome: 'refused', status: 502 });
    expect(raisedIds(evidenceOf([proxy, ...answers]), proxyConnectBlockedRule, serverBackendErrorRule)).toEqual(['proxy.connect-blocked']);
  });
});
