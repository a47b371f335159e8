import { describe, expect, it } from 'vitest';
import { dnsDirect, dnsSystem } from '../testing/evidence-builders';
import { connectivity, evidenceOf } from '../testing/http-evidence-builders';
import { firingRule, hitOf, raisedIds } from '../testing/diagnose-helpers';
import { RAISING } from '../testing/rules-b-scenarios';
import { portalDetectedRule } from './portal-detected';
import { portalNcsiUnreachableRule } from './portal-ncsi-unreachable';

describe('portal.ncsi-unreachable', () => {
  it.each(RAISING['portal.ncsi-unreachable'])('raised: $name', ({ evidence }) => {
    const hit = hitOf(portalNcsiUnreachableRule, evidence);
    expect(hit.args?.url).toBe('http://www.msftconnecttest.com/connecttest.txt');
  });

  it('says what came back', () => {
    expect(hitOf(portalNcsiUnreachableRule, evidenceOf([connectivity('unreachable')])).args?.answer).toBe('timeout: no answer within 5000 ms');
    expect(hitOf(portalNcsiUnreachableRule, evidenceOf([connectivity('wrong-answer', { status: 403 })])).args?.answer).toBe('HTTP 403 text/html');
  });

  it('not raised when the check answers as expected', () => {
    expect(portalNcsiUnreachableRule.evaluate(evidenceOf([connectivity('ok')]))).toBeNull();
  });

  it('not raised when the check did not run', () => {
    expect(portalNcsiUnreachableRule.evaluate(evidenceOf([]))).toBeNull();
  });

  it('a portal explains it: only portal.detected remains', () => {
    // Two checks: one sees the portal, the other one only a wrong answer.
    const evidence = evidenceOf([connectivity('portal'), { ...connectivity('wrong-answer'), id: 'connectivity:second' }]);
    expect(portalNcsiUnreachableRule.evaluate({ ...evidence, probes: [evidence.probes[1]!] })).not.toBeNull();
    expect(raisedIds(evidence, portalDetectedRule, portalNcsiUnreachableRule)).toEqual(['portal.detected']);
  });

  it('a DNS server that fails for Outlook\'s names as well explains a check that could not resolve its host', () => {
    const lookupFailed = connectivity('unreachable');
    lookupFailed.data = { ...lookupFailed.data!, error: { kind: 'dns', code: 'ETIMEOUT', message: 'www.msftconnecttest.com: no answer from 192.168.10.2' } };
    const deadDns = [dnsDirect('mail.contoso.com', 'timeout'), dnsSystem('mail.contoso.com', 'timeout')];
    expect(portalNcsiUnreachableRule.evaluate(evidenceOf([...deadDns, lookupFailed]))).toBeNull();
    expect(portalNcsiUnreachableRule.evaluate(evidenceOf([dnsDirect('mail.contoso.com', 'servfail'), lookupFailed]))).toBeNull();
    // Still raised: Outlook's names resolve (or simply do not exist), so the check's failure is its own.
    expect(portalNcsiUnreachableRule.evaluate(evidenceOf([dnsDirect('mail.contoso.com', ['192.0.2.7']), lookupFailed]))).not.toBeNull();
    expect(portalNcsiUnreachableRule.evaluate(evidenceOf([dnsDirect('mail.contoso.com', 'nxdomain'), lookupFailed]))).not.toBeNull();
    // Still raised: the check resolved its host and then got no answer.
    const resolvedThenTimeout = connectivity('unreachable');
    resolvedThenTimeout.data = { ...resolvedThenTimeout.data!, addresses: ['192.0.2.80'], address: '192.0.2.80' };
    expect(portalNcsiUnreachableRule.evaluate(evidenceOf([...deadDns, resolvedThenTimeout]))).not.toBeNull();
  });

  it('no network at all explains it', () => {
    expect(raisedIds(evidenceOf([connectivity('unreachable')]), firingRule('net.no-gateway'), portalNcsiUnreachableRule)).toEqual(['net.no-gateway']);
  });
});
