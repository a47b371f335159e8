import { describe, expect, it } from 'vitest';
import { connectivity, evidenceOf, exchangeWith, healthyExchange, http, httpSilent } from '../testing/http-evidence-builders';
import { evaluateChecked } from '../testing/rule-check';
import { translator } from '../../i18n';
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

  it('raised when the handshake completes and the requests then get no answer at all (note no-answer)', () => {
    const silent = (['mapi', 'rpc', 'ews', 'healthcheck'] as const).map((e) => httpSilent(e, { waitedMs: 2_750 }));
    const hit = evaluateChecked(serverUnavailableRule, evidenceOf(silent));
    expect(hit).not.toBeNull();
    expect(hit!.severity).toBeUndefined();
    expect(hit!.evidence).toHaveLength(4);
    expect(hit!.args).toMatchObject({ note: 'no-answer', waitedSeconds: 2.7 });
    expect(hit!.args?.endpoints).toContain('mail.contoso.com/mapi/emsmdb/ → timeout (2750 ms)');
    expect(translator('de').finding('server.unavailable', hit!.args).detail).toContain('auch nach 2,7 Sekunden noch');
    expect(translator('en').finding('server.unavailable', hit!.args).detail).toContain('not even after 2.7 seconds');
  });

  it('no answer only on OWA while /mapi challenges: lowered, and both notes are shown', () => {
    const hit = evaluateChecked(serverUnavailableRule, evidenceOf([...healthyExchange(), httpSilent('healthcheck', { vdir: '/owa' })]));
    expect(hit).toMatchObject({ severity: 'warning', args: { note: 'no-answer', lowered: 'mailbox-path-fine' } });
    const detail = translator('de').finding('server.unavailable', hit!.args).detail;
    expect(detail).toContain('blieb es still');
    expect(detail).toContain('Deshalb nur eine Warnung.');
  });

  it('not raised for a short wait (a request the deadline cut right after it went out) or a request that never went out', () => {
    expect(serverUnavailableRule.evaluate(evidenceOf([httpSilent('mapi', { waitedMs: 400 })]))).toBeNull();
    const neverSent = httpSilent('mapi');
    delete neverSent.data!.timings.unansweredMs;
    expect(serverUnavailableRule.evaluate(evidenceOf([neverSent]))).toBeNull();
  });

  it('a portal is the cause', () => {
    const evidence = evidenceOf([connectivity('portal'), ...RAISING['server.unavailable'][0]!.evidence.probes]);
    expect(raisedIds(evidence, portalDetectedRule, serverUnavailableRule)).toEqual(['portal.detected']);
  });
});
