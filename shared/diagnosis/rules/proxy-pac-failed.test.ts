import { describe, expect, it } from 'vitest';
import { evidenceOf, proxyConfig } from '../testing/http-evidence-builders';
import { hitOf } from '../testing/diagnose-helpers';
import { RAISING } from '../testing/rules-b-scenarios';
import { proxyPacFailedRule } from './proxy-pac-failed';

describe('proxy.pac-failed', () => {
  it.each(RAISING['proxy.pac-failed'])('raised: $name', ({ evidence }) => {
    expect(hitOf(proxyPacFailedRule, evidence).args?.pacUrl).toMatch(/^http:\/\//);
  });

  it('says why', () => {
    expect(hitOf(proxyPacFailedRule, RAISING['proxy.pac-failed'][0]!.evidence).args?.reason).toBe('http-status HTTP 404: Not Found');
    expect(hitOf(proxyPacFailedRule, RAISING['proxy.pac-failed'][1]!.evidence).args?.reason).toBe('eval: ReferenceError: isInNett is not defined');
  });

  it('cuts an endless error message', () => {
    const evidence = evidenceOf([
      proxyConfig({ pac: { url: 'http://pac/p.pac', via: 'configured', status: 200, error: { kind: 'syntax', message: 'x'.repeat(5_000) } } }),
    ]);
    expect(String(hitOf(proxyPacFailedRule, evidence).args?.reason).length).toBeLessThan(200);
  });

  it('not raised for a working PAC file', () => {
    const evidence = evidenceOf([proxyConfig({ source: 'pac', pac: { url: 'http://pac/p.pac', via: 'configured', status: 200, result: 'DIRECT' } })]);
    expect(proxyPacFailedRule.evaluate(evidence)).toBeNull();
  });

  it('not raised when auto-detect finds no WPAD server (the normal state outside a company)', () => {
    const evidence = evidenceOf([
      proxyConfig({ source: 'none', proxies: [], pac: { url: 'http://wpad/wpad.dat', via: 'wpad-dns', error: { kind: 'fetch', code: 'ENOTFOUND', message: 'wpad not found' } } }),
    ]);
    expect(proxyPacFailedRule.evaluate(evidence)).toBeNull();
  });
});
