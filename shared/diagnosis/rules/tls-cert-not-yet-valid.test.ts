import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { AUTODISCOVER_HOST, certificate, FIXTURE_NOW, healthyRun, hostProbes, HOST, intermediate, makeEvidence } from '../testing/evidence-builders';
import { evaluateChecked, firing } from '../testing/rule-check';
import { tlsCertNotYetValid as rule } from './tls-cert-not-yet-valid';

const DAY = 86_400_000;
const early = () => [certificate(HOST, { validFrom: new Date(FIXTURE_NOW + 2 * DAY).toISOString() }), intermediate()];

describe('tls.cert-not-yet-valid', () => {
  it('is raised when the certificate starts in the future by this computer\'s clock', () => {
    const hit = evaluateChecked(rule, makeEvidence(healthyRun({ tls: { chain: early(), trusted: false, trustError: { kind: 'not-yet-valid', code: 'CERT_NOT_YET_VALID', message: 'x' } } })));
    expect(hit).toEqual({ evidence: [`tls:${HOST}/192.0.2.10:443`], args: { host: HOST, validFrom: FIXTURE_NOW + 2 * DAY, days: 2 }, severity: 'problem' });
  });

  it('names an intermediate that is not valid yet', () => {
    const chain = [certificate(), intermediate({ validFrom: new Date(FIXTURE_NOW + DAY).toISOString() })];
    const hit = evaluateChecked(rule, makeEvidence(healthyRun({ tls: { chain, trusted: false, trustError: { kind: 'not-yet-valid', code: 'CERT_NOT_YET_VALID', message: 'x' } } })));
    expect(hit?.args).toMatchObject({ certificate: 'Contoso Issuing CA 01', note: 'intermediate' });
  });

  it('is lowered for an Autodiscover name, and not raised for valid certificates', () => {
    const evidence = makeEvidence([...healthyRun(), ...hostProbes(AUTODISCOVER_HOST, { tls: { chain: early() } })]);
    expect(evaluateChecked(rule, evidence)).toMatchObject({ severity: 'warning', args: { lowered: 'autodiscover-only' } });
    expect(rule.evaluate(makeEvidence(healthyRun()))).toBeNull();
  });

  it('is explained by clock skew', () => {
    expect(diagnose(makeEvidence(healthyRun({ tls: { chain: early() } })), [rule, firing('auth.clock-skew')]).findings.map((f) => f.id)).toEqual(['auth.clock-skew']);
  });
});
