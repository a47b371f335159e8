import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import {
  autodiscover,
  BEARER_CHALLENGES,
  candidate,
  connectivity,
  evidenceOf,
  exchangeWith,
  healthyExchange,
  http,
  kerberos,
  proxyConfig,
  rootDomainCandidate,
  tls,
} from '../testing/http-evidence-builders';
import { RULES_PART_B } from './index';

/** Whole-evidence cases over all part B rules: the verdict and exactly the findings expected, no false alarms beside them. */
describe('part B rules together', () => {
  it('a healthy on-premises setup: verdict ok, only the information on sign-in methods', () => {
    const evidence = evidenceOf([
      connectivity('ok'),
      proxyConfig({ source: 'none', proxies: [], readings: [] }),
      tls(),
      ...healthyExchange(),
      autodiscover([rootDomainCandidate(), candidate()]),
      kerberos(),
    ]);
    const result = diagnose(evidence, RULES_PART_B);
    expect(result.findings.map((f) => f.id)).toEqual(['auth.methods']);
    expect(result.verdict).toBe('ok');
    expect(result.ruleErrors).toEqual([]);
    for (const section of ['captive-portal', 'proxy', 'autodiscover', 'auth', 'server'] as const) {
      expect(result.sections.find((s) => s.id === section)?.status, section).toBe('ok');
    }
  });

  it('Exchange Online-like answers (Bearer, no /rpc): information only, verdict ok', () => {
    const host = 'outlook.office365.com';
    const evidence = evidenceOf(
      [
        connectivity('ok'),
        http('mapi', { host, challenges: BEARER_CHALLENGES }),
        http('ews', { host, challenges: BEARER_CHALLENGES }),
        http('autodiscover', { host, challenges: BEARER_CHALLENGES }),
        http('rpc', { host, status: 404 }),
      ],
      { server: { host, port: 443 } },
    );
    const result = diagnose(evidence, RULES_PART_B);
    expect(result.findings.map((f) => f.id).sort()).toEqual(['auth.methods', 'auth.modern-auth', 'server.protocol-missing']);
    expect(result.findings.find((f) => f.id === 'server.protocol-missing')).toMatchObject({ severity: 'info', defaultSeverity: 'warning' });
    expect(result.verdict).toBe('ok');
  });

  it('a hotel portal: the portal and nothing of what it causes', () => {
    const evidence = evidenceOf([
      connectivity('portal'),
      ...healthyExchange().map((r) => http(r.data!.endpoint, { status: 302, location: 'http://portal.hotel-wlan.example/', ...(r.data!.vdir ? { vdir: r.data!.vdir } : {}) })),
      autodiscover([rootDomainCandidate({ response: 'invalid', http: { method: 'POST', status: 200, challenges: [] } })], null),
    ]);
    const result = diagnose(evidence, RULES_PART_B);
    expect(result.findings.map((f) => f.id)).toEqual(['portal.detected']);
    expect(result.verdict).toBe('problem');
  });

  it('a load balancer without pre-authentication pass-through: no-challenge as the cause, methods of the rest as information', () => {
    const evidence = evidenceOf([connectivity('ok'), ...exchangeWith(http('mapi', { status: 200 }), http('rpc', { status: 200 }), http('rpc-in-data', { status: 200 }))]);
    const result = diagnose(evidence, RULES_PART_B);
    expect(result.findings.map((f) => f.id)).toEqual(['auth.no-challenge', 'auth.methods']);
    expect(result.findings[0]?.severity).toBe('problem');
  });
});
