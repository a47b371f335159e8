import { describe, expect, it } from 'vitest';
import { connectivity, evidenceOf, exchangeWith, healthyExchange, http } from '../testing/http-evidence-builders';
import { hitOf, raisedIds } from '../testing/diagnose-helpers';
import { RAISING } from '../testing/rules-b-scenarios';
import { portalDetectedRule } from './portal-detected';
import { serverUnavailableRule } from './server-unavailable';

describe('server.unavailable', () => {
  it.each(RAISING['server.unavailable'])('raised: $name', ({ evidence, severity }) => {
    expect(hitOf(serverUnavailableRule, evidence).severity).toBe(severity);
  });

  it('lists every affected endpoint', () => {
    const hit = hitOf(serverUnavailableRule, RAISING['server.unavailable'][0]!.evidence);
    expect(hit.args?.endpoints).toBe(
      'mail.contoso.com/mapi/emsmdb/ → HTTP 503 text/html (Server: Microsoft-IIS/10.0); mail.contoso.com/rpc/rpcproxy.dll → HTTP 503 text/html (Server: Microsoft-IIS/10.0)',
    );
    expect(hit.evidence).toHaveLength(2);
  });

  it('a health check counts for the protocol it checks: /mapi/healthcheck.htm is the mailbox path', () => {
    expect(hitOf(serverUnavailableRule, RAISING['server.unavailable'][1]!.evidence).severity).toBeUndefined();
    expect(hitOf(serverUnavailableRule, RAISING['server.unavailable'][2]!.evidence).args?.lowered).toBe('mailbox-path-fine');
  });

  it('not raised for a healthy Exchange or an answer that is only an error (500)', () => {
    expect(serverUnavailableRule.evaluate(evidenceOf(healthyExchange()))).toBeNull();
    expect(serverUnavailableRule.evaluate(evidenceOf([http('mapi', { status: 500 })]))).toBeNull();
  });

  it('a 404 health check of a missing virtual directory is that directory missing, not an unavailable server', () => {
    const mapiMissing = evidenceOf(exchangeWith(http('mapi', { status: 404 }), http('healthcheck', { status: 404 })));
    expect(serverUnavailableRule.evaluate(mapiMissing)).toBeNull();
    // A 404 health check beside a /mapi that answers like Exchange still counts.
    const onlyTheCheck = evidenceOf(exchangeWith(http('healthcheck', { status: 404 })));
    expect(hitOf(serverUnavailableRule, onlyTheCheck).evidence).toHaveLength(1);
    // So does a 503 beside the missing directory.
    const alsoDown = evidenceOf([...exchangeWith(http('mapi', { status: 404 }), http('healthcheck', { status: 404 })), http('ews', { status: 503 })]);
    expect(hitOf(serverUnavailableRule, alsoDown).args?.endpoints).toContain('HTTP 503');
  });

  it('a portal is the cause', () => {
    const evidence = evidenceOf([connectivity('portal'), ...RAISING['server.unavailable'][0]!.evidence.probes]);
    expect(raisedIds(evidence, portalDetectedRule, serverUnavailableRule)).toEqual(['portal.detected']);
  });
});
