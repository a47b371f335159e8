import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { AUTODISCOVER_HOST, certificate, dnsBoth, healthyRun, HOST, http, intermediate, localNetwork, makeEvidence, tcp } from '../testing/evidence-builders';
import { evaluateChecked, firing } from '../testing/rule-check';
import { lbInconsistent as rule } from './lb-inconsistent';

const A = '192.0.2.10';
const B = '192.0.2.11';
const pair = (b: Parameters<typeof http>[3]) => [localNetwork(), ...dnsBoth(HOST, [A, B]), tcp(HOST, A), tcp(HOST, B), http(HOST, A, 'healthcheck'), http(HOST, B, 'healthcheck', b)];

describe('lb.inconsistent', () => {
  it('is raised when the addresses present different certificates', () => {
    const renewed = certificate(HOST, { fingerprint256: 'CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB' });
    const run = healthyRun({ addresses: [A, B], tls: (address) => (address === B ? { chain: [renewed, intermediate()] } : {}) });
    const hit = evaluateChecked(rule, makeEvidence(run));
    expect(hit).toEqual({
      evidence: [`tls:${HOST}/${A}:443`, `tls:${HOST}/${B}:443`],
      args: { host: HOST, certDiff: `${A} → AA:BB:CC:DD…; ${B} → CC:DD:EE:FF…`, note: 'certificate' },
      severity: 'warning',
    });
  });

  it('is raised when the same request gets different statuses (health check 200 vs 503)', () => {
    const hit = evaluateChecked(rule, makeEvidence(pair({ status: 503 })));
    expect(hit?.args).toEqual({ host: HOST, statusDiff: `GET /mapi/healthcheck.htm: ${A} → 200; ${B} → 503`, note: 'status' });
    expect(evaluateChecked(rule, makeEvidence(pair({ error: 'timeout' })))).toMatchObject({ args: { statusDiff: `GET /mapi/healthcheck.htm: ${A} → 200; ${B} → —` } });
  });

  it('is raised when the 401 challenges offer different methods', () => {
    const probes = [...dnsBoth(HOST, [A, B]), tcp(HOST, A), tcp(HOST, B), http(HOST, A, 'mapi'), http(HOST, B, 'mapi', { schemes: ['Basic'] })];
    expect(evaluateChecked(rule, makeEvidence(probes))?.args).toEqual({ host: HOST, authDiff: `GET /mapi/emsmdb/: ${A} → NTLM Negotiate; ${B} → Basic`, note: 'auth' });
  });

  it('is not raised for alike answers, one address, or only a different Server header (mixed versions are legitimate)', () => {
    expect(rule.evaluate(makeEvidence(healthyRun({ addresses: [A, B] })))).toBeNull();
    expect(rule.evaluate(makeEvidence(healthyRun()))).toBeNull();
    expect(rule.evaluate(makeEvidence(pair({ server: 'Microsoft-IIS/8.5' })))).toBeNull();
  });

  it('is lowered to info for an Autodiscover name, and explained by a portal', () => {
    const ad = [...healthyRun(), ...dnsBoth(AUTODISCOVER_HOST, [A, B]), http(AUTODISCOVER_HOST, A, 'autodiscover'), http(AUTODISCOVER_HOST, B, 'autodiscover', { status: 500 })];
    expect(evaluateChecked(rule, makeEvidence(ad))).toMatchObject({ severity: 'info', args: { host: AUTODISCOVER_HOST, lowered: 'autodiscover-only' } });
    expect(diagnose(makeEvidence(pair({ status: 503 })), [rule, firing('portal.detected')]).findings.map((f) => f.id)).toEqual(['portal.detected']);
  });
});
