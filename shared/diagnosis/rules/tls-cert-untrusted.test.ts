import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { AUTODISCOVER_HOST, certificate, DOMAIN, healthyRun, hostProbes, HOST, intermediate, makeEvidence } from '../testing/evidence-builders';
import type { TlsData } from '../../model/probe-data';
import { evaluateChecked, firing } from '../testing/rule-check';
import { tlsCertUntrusted as rule } from './tls-cert-untrusted';

const untrusted = (code: string, chain: TlsData['chain'], extra: Partial<TlsData> = {}): Partial<TlsData> => ({
  chain,
  trusted: false,
  trustError: { kind: code.includes('SELF_SIGNED') ? 'self-signed' : 'untrusted', code, message: code.toLowerCase() },
  ...extra,
});
const selfSigned = () => untrusted('DEPTH_ZERO_SELF_SIGNED_CERT', [certificate(HOST, { issuer: `CN=${HOST}`, selfSigned: true })]);

describe('tls.cert-untrusted', () => {
  it('is raised for a self-signed certificate', () => {
    const hit = evaluateChecked(rule, makeEvidence(healthyRun({ tls: selfSigned() })));
    expect(hit).toEqual({
      evidence: [`tls:${HOST}/192.0.2.10:443`],
      args: { host: HOST, issuer: HOST, error: 'DEPTH_ZERO_SELF_SIGNED_CERT', note: 'self-signed' },
      severity: 'problem',
    });
  });

  it('tells a missing intermediate from an unknown company root', () => {
    const incomplete = evaluateChecked(rule, makeEvidence(healthyRun({ tls: untrusted('UNABLE_TO_VERIFY_LEAF_SIGNATURE', [certificate()]) })));
    expect(incomplete?.args).toMatchObject({ issuer: 'Contoso Issuing CA 01', note: 'incomplete-chain' });
    const root = certificate(HOST, { subject: 'C=DE, O=Contoso, CN=Contoso Root CA', issuer: 'C=DE, O=Contoso, CN=Contoso Root CA', selfSigned: true, isCA: true });
    const unknown = evaluateChecked(rule, makeEvidence(healthyRun({ tls: untrusted('SELF_SIGNED_CERT_IN_CHAIN', [certificate(), intermediate(), root]) })));
    expect(unknown?.args).toMatchObject({ issuer: 'Contoso Root CA', note: 'unknown-ca' });
    const notSent = evaluateChecked(rule, makeEvidence(healthyRun({ tls: untrusted('UNABLE_TO_GET_ISSUER_CERT_LOCALLY', [certificate(), intermediate()]) })));
    expect(notSent?.args).toMatchObject({ issuer: 'Contoso Root CA', note: 'unknown-ca' });
  });

  it('is lowered when the Windows store could not be consulted', () => {
    const hit = evaluateChecked(rule, makeEvidence(healthyRun({ tls: { ...selfSigned(), trustSources: ['bundled'] } })));
    expect(hit).toMatchObject({ severity: 'warning', args: { lowered: 'no-system-store' } });
    expect(evaluateChecked(rule, makeEvidence(healthyRun({ tls: { ...selfSigned(), trustSources: ['bundled', 'system'] } })))?.severity).toBe('problem');
  });

  it('leaves date and name errors to their findings, and ignores trusted chains and the root domain', () => {
    expect(rule.evaluate(makeEvidence(healthyRun({ tls: untrusted('CERT_HAS_EXPIRED', [certificate(), intermediate()]) })))).toBeNull();
    expect(rule.evaluate(makeEvidence(healthyRun({ tls: untrusted('ERR_TLS_CERT_ALTNAME_INVALID', [certificate(), intermediate()]) })))).toBeNull();
    expect(rule.evaluate(makeEvidence(healthyRun()))).toBeNull();
    expect(rule.evaluate(makeEvidence([...healthyRun(), ...hostProbes(DOMAIN, { endpoint: 'autodiscover', tls: selfSigned() })]))).toBeNull();
  });

  it('is lowered for autodiscover.<domain>', () => {
    expect(evaluateChecked(rule, makeEvidence([...healthyRun(), ...hostProbes(AUTODISCOVER_HOST, { tls: selfSigned() })]))).toMatchObject({
      severity: 'warning',
      args: { lowered: 'autodiscover-only' },
    });
  });

  it('is explained by TLS interception', () => {
    expect(diagnose(makeEvidence(healthyRun({ tls: selfSigned() })), [rule, firing('tls.intercepted')]).findings.map((f) => f.id)).toEqual(['tls.intercepted']);
  });
});
