import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { AUTODISCOVER_HOST, certificate, healthyRun, hostProbes, HOST, intermediate, makeEvidence } from '../testing/evidence-builders';
import { evaluateChecked, firing } from '../testing/rule-check';
import { tlsCertWeakKey as rule } from './tls-cert-weak-key';

const sha1 = { signatureAlgorithm: 'sha1WithRSAEncryption', signatureAlgorithmOid: '1.2.840.113549.1.1.5' };

describe('tls.cert-weak-key', () => {
  it('is raised for a 1024-bit RSA key', () => {
    const hit = evaluateChecked(rule, makeEvidence(healthyRun({ tls: { chain: [certificate(HOST, { keyBits: 1024 }), intermediate()] } })));
    expect(hit).toEqual({ evidence: [`tls:${HOST}/192.0.2.10:443`], args: { host: HOST, keyBits: 1024, keyCertificate: HOST, note: 'short-key' }, severity: 'warning' });
  });

  it('is raised for a SHA-1 signed intermediate, and names both faults together', () => {
    const hit = evaluateChecked(rule, makeEvidence(healthyRun({ tls: { chain: [certificate(HOST, { keyBits: 1024 }), intermediate(sha1)] } })));
    expect(hit?.args).toEqual({
      host: HOST,
      keyBits: 1024,
      keyCertificate: HOST,
      signature: 'sha1WithRSAEncryption',
      signatureCertificate: 'Contoso Issuing CA 01',
      note: 'short-key,weak-signature',
    });
  });

  it('does not judge self-signed roots or elliptic-curve keys', () => {
    const root = certificate(HOST, { subject: 'CN=Root', issuer: 'CN=Root', selfSigned: true, isCA: true, ...sha1, keyBits: 1024 });
    expect(rule.evaluate(makeEvidence(healthyRun({ tls: { chain: [certificate(), intermediate(), root] } })))).toBeNull();
    expect(rule.evaluate(makeEvidence(healthyRun({ tls: { chain: [certificate(HOST, { keyType: 'ec', keyBits: 256, curve: 'prime256v1' })] } })))).toBeNull();
    expect(rule.evaluate(makeEvidence(healthyRun()))).toBeNull();
  });

  it('is lowered to info for an Autodiscover name and explained by interception', () => {
    const ad = makeEvidence([...healthyRun(), ...hostProbes(AUTODISCOVER_HOST, { tls: { chain: [certificate(AUTODISCOVER_HOST, { keyBits: 1024 })] } })]);
    expect(evaluateChecked(rule, ad)).toMatchObject({ severity: 'info', args: { lowered: 'autodiscover-only' } });
    const weak = makeEvidence(healthyRun({ tls: { chain: [certificate(HOST, sha1)] } }));
    expect(diagnose(weak, [rule, firing('tls.intercepted')]).findings.map((f) => f.id)).toEqual(['tls.intercepted']);
  });
});
