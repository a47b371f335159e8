import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { AUTODISCOVER_HOST, healthyRun, hostProbes, HOST, makeEvidence } from '../testing/evidence-builders';
import { evaluateChecked, firing } from '../testing/rule-check';
import { tlsLegacyProtocol as rule } from './tls-legacy-protocol';

const onlyLegacy = () => healthyRun({ tls: { error: { kind: 'alert', message: 'unsupported protocol' }, legacy: { ok: true, protocol: 'TLSv1' } } });

describe('tls.legacy-protocol', () => {
  it('is raised when only the TLS 1.0/1.1 retry works', () => {
    const hit = evaluateChecked(rule, makeEvidence(onlyLegacy()));
    expect(hit).toEqual({ evidence: [`tls:${HOST}/192.0.2.10:443`], args: { host: HOST, protocol: 'TLS 1.0', note: 'only-legacy' }, severity: 'warning' });
  });

  it('is raised when a handshake settles on TLS 1.1', () => {
    expect(evaluateChecked(rule, makeEvidence(healthyRun({ tls: { protocol: 'TLSv1.1' } })))?.args).toEqual({ host: HOST, protocol: 'TLS 1.1', note: 'negotiated' });
  });

  it('is lowered to info for an Autodiscover name', () => {
    const evidence = makeEvidence([...healthyRun(), ...hostProbes(AUTODISCOVER_HOST, { tls: { protocol: 'TLSv1' } })]);
    expect(evaluateChecked(rule, evidence)).toMatchObject({ severity: 'info', args: { lowered: 'autodiscover-only' } });
  });

  it('is not raised for TLS 1.2/1.3 or when the retry failed too', () => {
    expect(rule.evaluate(makeEvidence(healthyRun()))).toBeNull();
    expect(rule.evaluate(makeEvidence(healthyRun({ tls: { protocol: 'TLSv1.2' } })))).toBeNull();
    expect(rule.evaluate(makeEvidence(healthyRun({ tls: { error: { kind: 'alert', message: 'x' }, legacy: { ok: false, error: { kind: 'alert', message: 'x' } } } })))).toBeNull();
  });

  it('is explained by a captive portal', () => {
    expect(diagnose(makeEvidence(onlyLegacy()), [rule, firing('portal.detected')]).findings.map((f) => f.id)).toEqual(['portal.detected']);
  });
});
