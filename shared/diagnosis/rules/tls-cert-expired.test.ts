import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { AUTODISCOVER_HOST, certificate, DOMAIN, FIXTURE_NOW, healthyRun, hostProbes, HOST, intermediate, makeEvidence } from '../testing/evidence-builders';
import { evaluateChecked, firing } from '../testing/rule-check';
import { tlsCertExpired as rule } from './tls-cert-expired';

const DAY = 86_400_000;
const expiredLeaf = () => [certificate(HOST, { validTo: new Date(FIXTURE_NOW - 3 * DAY - 3600_000).toISOString(), daysLeft: -3 }), intermediate()];

describe('tls.cert-expired', () => {
  it('is raised when the server certificate has expired', () => {
    const hit = evaluateChecked(rule, makeEvidence(healthyRun({ tls: { chain: expiredLeaf(), trusted: false, trustError: { kind: 'expired', code: 'CERT_HAS_EXPIRED', message: 'certificate has expired' } } })));
    expect(hit).toEqual({
      evidence: [`tls:${HOST}/192.0.2.10:443`],
      args: { host: HOST, validTo: FIXTURE_NOW - 3 * DAY - 3600_000, days: 3 },
      severity: 'problem',
    });
  });

  it('names an expired intermediate when verification failed because of it', () => {
    const chain = [certificate(), intermediate({ validTo: new Date(FIXTURE_NOW - DAY).toISOString() })];
    const hit = evaluateChecked(rule, makeEvidence(healthyRun({ tls: { chain, trusted: false, trustError: { kind: 'expired', code: 'CERT_HAS_EXPIRED', message: 'x' } } })));
    expect(hit?.args).toMatchObject({ certificate: 'Contoso Issuing CA 01', note: 'intermediate' });
  });

  it('ignores an expired root the server still sends when verification found another path', () => {
    const root = certificate(HOST, { subject: 'CN=Old Root', issuer: 'CN=Old Root', selfSigned: true, isCA: true, validTo: new Date(FIXTURE_NOW - 100 * DAY).toISOString() });
    expect(rule.evaluate(makeEvidence(healthyRun({ tls: { chain: [certificate(), intermediate(), root] } })))).toBeNull();
  });

  it('is lowered for autodiscover.<domain> and ignored for the root domain (Outlook ignores its certificate errors)', () => {
    const ad = makeEvidence([...healthyRun(), ...hostProbes(AUTODISCOVER_HOST, { tls: { chain: expiredLeaf() } })]);
    expect(evaluateChecked(rule, ad)).toMatchObject({ severity: 'warning', args: { host: AUTODISCOVER_HOST, lowered: 'autodiscover-only' } });
    expect(rule.evaluate(makeEvidence([...healthyRun(), ...hostProbes(DOMAIN, { endpoint: 'autodiscover', tls: { chain: expiredLeaf() } })]))).toBeNull();
    expect(rule.evaluate(makeEvidence(healthyRun()))).toBeNull();
  });

  it('is explained by a wrong local clock and by a portal', () => {
    const evidence = makeEvidence(healthyRun({ tls: { chain: expiredLeaf() } }));
    for (const cause of ['auth.clock-skew', 'portal.detected'] as const) {
      expect(diagnose(evidence, [rule, firing(cause)]).findings.map((f) => f.id)).toEqual([cause]);
    }
  });
});
