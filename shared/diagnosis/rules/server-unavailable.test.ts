import { describe, expect, it } from 'vitest';
import { connectivity, evidenceOf, healthyExchange, http } from '../testing/http-evidence-builders';
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

  it('a portal is the cause', () => {
    const evidence = evidenceOf([connectivity('portal'), ...RAISING['server.unavailable'][0]!.evidence.probes]);
    expect(raisedIds(evidence, portalDetectedRule, serverUnavailableRule)).toEqual(['portal.detected']);
  });
});
