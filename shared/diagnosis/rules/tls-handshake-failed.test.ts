import { notMethodListing } from '../testing/diagnose-helpers';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { AUTODISCOVER_HOST, dnsBoth, healthyRun, hostProbes, HOST, makeEvidence, mtu, tcp, tls } from '../testing/evidence-builders';
import type { TlsErrorKind } from '../../model/probe-data';
import { evaluateChecked, firing } from '../testing/rule-check';
import { RULES } from '.';
import { tlsHandshakeFailed as rule } from './tls-handshake-failed';

const failing = (kind: TlsErrorKind, message: string = kind) => healthyRun({ tls: { error: { kind, message } } });

describe('tls.handshake-failed', () => {
  it('is raised when TCP connects but the handshake is reset, and says a device cut it', () => {
    const hit = evaluateChecked(rule, makeEvidence(failing('reset', 'read ECONNRESET')));
    expect(hit).toEqual({
      evidence: [`tls:${HOST}/192.0.2.10:443`, `tcp:${HOST}/192.0.2.10:443`],
      args: { host: HOST, address: '192.0.2.10', error: 'read ECONNRESET', note: 'cut' },
      severity: 'problem',
    });
  });

  it('explains a stall and a refusal differently', () => {
    expect(evaluateChecked(rule, makeEvidence(failing('timeout')))?.args?.note).toBe('stalled');
    expect(evaluateChecked(rule, makeEvidence(failing('alert', 'alert handshake failure')))?.args?.note).toBe('rejected');
  });

  it('trusts an alert without a TCP result (it needs a connection), but not a timeout', () => {
    expect(evaluateChecked(rule, makeEvidence([...dnsBoth(HOST, ['192.0.2.10']), tls(HOST, '192.0.2.10', { error: { kind: 'alert', message: 'x' } })]))).not.toBeNull();
    expect(rule.evaluate(makeEvidence([...dnsBoth(HOST, ['192.0.2.10']), tls(HOST, '192.0.2.10', { error: { kind: 'timeout', message: 'x' } })]))).toBeNull();
  });

  it('is not raised when the legacy retry worked (tls.legacy-protocol), when TCP failed, or when all is well', () => {
    const legacy = makeEvidence(healthyRun({ tls: { error: { kind: 'alert', message: 'protocol version' }, legacy: { ok: true, protocol: 'TLSv1' } } }));
    expect(rule.evaluate(legacy)).toBeNull();
    expect(diagnose(legacy, RULES).findings.map((f) => f.id).filter(notMethodListing)).toEqual(['tls.legacy-protocol']);
    expect(rule.evaluate(makeEvidence([tcp(HOST, '192.0.2.10', 'timeout'), tls(HOST, '192.0.2.10', { error: { kind: 'timeout', message: 'x' } })]))).toBeNull();
    expect(rule.evaluate(makeEvidence(healthyRun()))).toBeNull();
  });

  it('is lowered for an Autodiscover name', () => {
    const evidence = makeEvidence([...healthyRun(), ...hostProbes(AUTODISCOVER_HOST, { addresses: ['192.0.2.20'], tls: { error: { kind: 'reset', message: 'x' } } })]);
    expect(evaluateChecked(rule, evidence)).toMatchObject({ severity: 'warning', args: { host: AUTODISCOVER_HOST, lowered: 'autodiscover-only' } });
  });

  it('is explained by an MTU black hole (the certificate flight stalls) and by a portal', () => {
    const evidence = makeEvidence([...failing('timeout'), mtu(HOST, '192.0.2.10', { large: 'stalled' })]);
    expect(diagnose(evidence, RULES).findings.map((f) => f.id).filter(notMethodListing)).toEqual(['mtu.blackhole-suspected']);
    expect(diagnose(makeEvidence(failing('reset')), [rule, firing('portal.detected')]).findings.map((f) => f.id)).toEqual(['portal.detected']);
  });
});
