import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { AUTODISCOVER_HOST, certificate, FIXTURE_NOW, healthyRun, hostProbes, HOST, intermediate, makeEvidence } from '../testing/evidence-builders';
import { evaluateChecked, firing } from '../testing/rule-check';
import { CERT_EXPIRING_DAYS, tlsCertExpiring as rule } from './tls-cert-expiring';

const DAY = 86_400_000;
const expiringIn = (days: number) => [certificate(HOST, { validTo: new Date(FIXTURE_NOW + days * DAY).toISOString() }), intermediate()];

describe('tls.cert-expiring', () => {
  it('is raised when the certificate expires within 14 days', () => {
    const hit = evaluateChecked(rule, makeEvidence(healthyRun({ tls: { chain: expiringIn(5.5) } })));
    expect(hit).toEqual({ evidence: [`tls:${HOST}/192.0.2.10:443`], args: { host: HOST, validTo: FIXTURE_NOW + 5.5 * DAY, days: 5 }, severity: 'warning' });
  });

  it('is not raised beyond the window or once expired (tls.cert-expired)', () => {
    expect(rule.evaluate(makeEvidence(healthyRun({ tls: { chain: expiringIn(CERT_EXPIRING_DAYS + 1) } })))).toBeNull();
    expect(rule.evaluate(makeEvidence(healthyRun({ tls: { chain: expiringIn(-1) } })))).toBeNull();
  });

  it('is lowered to info for an Autodiscover name', () => {
    const evidence = makeEvidence([...healthyRun(), ...hostProbes(AUTODISCOVER_HOST, { tls: { chain: expiringIn(3) } })]);
    expect(evaluateChecked(rule, evidence)).toMatchObject({ severity: 'info', args: { lowered: 'autodiscover-only' } });
  });

  it('is explained by a portal', () => {
    expect(diagnose(makeEvidence(healthyRun({ tls: { chain: expiringIn(3) } })), [rule, firing('portal.detected')]).findings.map((f) => f.id)).toEqual(['portal.detected']);
  });
});
