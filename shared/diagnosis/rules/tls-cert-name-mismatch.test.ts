import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { AUTODISCOVER_HOST, certificate, DOMAIN, healthyRun, hostProbes, HOST, intermediate, makeEvidence } from '../testing/evidence-builders';
import { evaluateChecked, firing } from '../testing/rule-check';
import { tlsCertNameMismatch as rule } from './tls-cert-name-mismatch';

const foreign = () => [certificate('webmail.fabrikam.com', { subjectAltNames: ['DNS:webmail.fabrikam.com', 'DNS:fabrikam.com'] }), intermediate()];

describe('tls.cert-name-mismatch', () => {
  it('is raised when the Exchange host\'s certificate names other hosts', () => {
    const hit = evaluateChecked(rule, makeEvidence(healthyRun({ tls: { nameMatches: false, chain: foreign() } })));
    expect(hit).toEqual({
      evidence: [`tls:${HOST}/192.0.2.10:443`],
      args: { host: HOST, names: 'webmail.fabrikam.com, fabrikam.com', address: '192.0.2.10' },
      severity: 'problem',
    });
  });

  it('checks the names itself when the probe did not (wildcards cover one label only)', () => {
    const chain = (names: string[]) => [certificate(HOST, { subjectAltNames: names.map((n) => `DNS:${n}`) })];
    expect(rule.evaluate(makeEvidence(healthyRun({ tls: { nameMatches: undefined, chain: chain([`*.${DOMAIN}`]) } })))).toBeNull();
    expect(rule.evaluate(makeEvidence(healthyRun({ tls: { nameMatches: undefined, chain: chain([`*.eu.${DOMAIN}`, DOMAIN]) } })))).not.toBeNull();
    const cnOnly = [certificate(HOST, { subjectAltNames: [], subject: `C=DE\nO=Contoso\nCN=${HOST}` })];
    expect(rule.evaluate(makeEvidence(healthyRun({ tls: { nameMatches: undefined, chain: cnOnly } })))).toBeNull();
  });

  it('is not raised for a matching certificate, nor for Autodiscover names (autodiscover.cert-mismatch covers them)', () => {
    expect(rule.evaluate(makeEvidence(healthyRun()))).toBeNull();
    expect(rule.evaluate(makeEvidence([...healthyRun(), ...hostProbes(AUTODISCOVER_HOST, { tls: { nameMatches: false, chain: foreign() } })]))).toBeNull();
  });

  it('is explained by TLS interception and by a portal', () => {
    const evidence = makeEvidence(healthyRun({ tls: { nameMatches: false, chain: foreign() } }));
    for (const cause of ['tls.intercepted', 'portal.detected'] as const) {
      expect(diagnose(evidence, [rule, firing(cause)]).findings.map((f) => f.id)).toEqual([cause]);
    }
  });
});
