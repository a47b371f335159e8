import { describe, expect, it } from 'vitest';
import { readCollectorFixture } from '../../../e2e/fixtures/collectors';
import { readSample } from '../../../e2e/fixtures/samples';
import { parseWinHttpProxy } from '../../../electron/engine/collectors/winhttp-proxy';
import { translator } from '../../i18n';
import { collected, dnsDirect, dnsSystem } from '../testing/evidence-builders';
import { connectivity, evidenceOf, proxyConfig } from '../testing/http-evidence-builders';
import { evaluateChecked } from '../testing/rule-check';
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

describe('portal.ncsi-unreachable and the WinHTTP proxy (netsh winhttp show proxy)', () => {
  const winhttp = (text: string) => collected('collector.winhttp-proxy', parseWinHttpProxy(text), 'netsh winhttp show proxy');

  it('names the WinHTTP proxy Windows\' check goes through (English capture)', () => {
    const proxy = winhttp(readSample('windows-cmd/netsh-winhttp-show-proxy-en-proxy.txt'));
    const hit = evaluateChecked(portalNcsiUnreachableRule, evidenceOf([connectivity('unreachable'), proxy]))!;
    expect(hit.args).toMatchObject({ note: 'winhttp-proxy', winhttpProxy: proxy.data!.parsed!.proxyServer });
    expect(hit.evidence).toContain(proxy.id);
    expect(translator('de').finding('portal.ncsi-unreachable', hit.args).detail).toContain(`WinHTTP-Proxy eingetragen (${proxy.data!.parsed!.proxyServer})`);
    expect(translator('en').finding('portal.ncsi-unreachable', hit.args).detail).toContain('does not let http://www.msftconnecttest.com/connecttest.txt through');
  });

  it('German output, and a bypass list that does not exempt the check\'s host', () => {
    const proxy = winhttp(readCollectorFixture('windows/netsh-winhttp-show-proxy-de-proxy.txt'));
    expect(evaluateChecked(portalNcsiUnreachableRule, evidenceOf([connectivity('wrong-answer', { status: 407 }), proxy]))!.args).toMatchObject({
      note: 'winhttp-proxy',
      winhttpProxy: 'proxy.contoso.com:8080',
    });
  });

  it('no note for direct access, a bypassed check host, or a failed netsh', () => {
    for (const text of [readSample('windows-cmd/netsh-winhttp-show-proxy-en-direct.txt'), readCollectorFixture('windows/netsh-winhttp-show-proxy-de-direct.txt')]) {
      expect(evaluateChecked(portalNcsiUnreachableRule, evidenceOf([connectivity('unreachable'), winhttp(text)]))!.args).not.toHaveProperty('note');
    }
    const exempt = readCollectorFixture('windows/netsh-winhttp-show-proxy-de-proxy.txt').replace('*.contoso.com', '*.msftconnecttest.com');
    expect(evaluateChecked(portalNcsiUnreachableRule, evidenceOf([connectivity('unreachable'), winhttp(exempt)]))!.args).not.toHaveProperty('note');
    const failed = collected('collector.winhttp-proxy', null, 'netsh winhttp show proxy');
    expect(evaluateChecked(portalNcsiUnreachableRule, evidenceOf([connectivity('unreachable'), failed]))!.evidence).not.toContain(failed.id);
  });

  it('takes the proxy decision\'s WinHTTP reading when netsh is not in the evidence, without credentials', () => {
    const config = proxyConfig({ readings: [{ source: 'wininet', proxy: 'proxy.contoso.com:8080' }, { source: 'winhttp', proxy: 'svc:secret@winhttp.contoso.com:3128', bypass: ['<local>'] }] });
    expect(evaluateChecked(portalNcsiUnreachableRule, evidenceOf([connectivity('unreachable'), config]))!.args).toMatchObject({
      note: 'winhttp-proxy',
      winhttpProxy: 'winhttp.contoso.com:3128',
    });
  });
});
