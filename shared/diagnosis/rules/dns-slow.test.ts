import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { AUTODISCOVER_HOST, dnsDirect, dnsSystem, healthyRun, HOST, makeEvidence } from '../testing/evidence-builders';
import { evaluateChecked } from '../testing/rule-check';
import { RULES } from '.';
import { DNS_SLOW_MS, dnsSlow as rule } from './dns-slow';

describe('dns.slow', () => {
  it('is raised when resolving the Exchange host takes over a second', () => {
    const hit = evaluateChecked(rule, makeEvidence([dnsSystem(HOST, ['192.0.2.10'], { durationMs: 2412.6 }), dnsDirect(HOST, ['192.0.2.10'])]));
    expect(hit).toMatchObject({ severity: 'warning', args: { host: HOST, ms: 2413 } });
  });

  it('is raised when one query type times out while the other answers', () => {
    const hit = evaluateChecked(rule, makeEvidence([dnsSystem(HOST, ['192.0.2.10']), dnsDirect(HOST, ['192.0.2.10'], { partialError: 'timeout' })]));
    expect(hit?.args).toMatchObject({ note: 'partial-timeout' });
  });

  it('is lowered to info for an Autodiscover name', () => {
    const hit = evaluateChecked(rule, makeEvidence([...healthyRun(), dnsSystem(AUTODISCOVER_HOST, ['192.0.2.20'], { durationMs: 3000 })]));
    expect(hit).toMatchObject({ severity: 'info', args: { host: AUTODISCOVER_HOST, lowered: 'autodiscover-only' } });
  });

  it('is not raised at the threshold or on a healthy run', () => {
    expect(rule.evaluate(makeEvidence(healthyRun()))).toBeNull();
    expect(rule.evaluate(makeEvidence([dnsSystem(HOST, ['192.0.2.10'], { durationMs: DNS_SLOW_MS })]))).toBeNull();
  });

  it('does not count the time of an answer from the hosts file (no DNS server was asked)', () => {
    const pinned = dnsSystem(HOST, ['192.0.2.10'], { durationMs: 1500, method: 'resolver', hosts: [{ address: '192.0.2.10', line: 3 }] });
    pinned.data = { ...pinned.data!, source: 'hosts-file' };
    expect(rule.evaluate(makeEvidence([pinned, dnsDirect(HOST, ['192.0.2.10'])]))).toBeNull();
    // The fresh query to the DNS server still counts.
    expect(rule.evaluate(makeEvidence([pinned, dnsDirect(HOST, ['192.0.2.10'], { durationMs: 1500 })]))).not.toBeNull();
  });

  it('is explained by a DNS timeout on the Exchange host', () => {
    const evidence = makeEvidence([dnsSystem(HOST, ['192.0.2.10'], { durationMs: 4000 }), dnsDirect(HOST, 'timeout')]);
    expect(rule.evaluate(evidence)).not.toBeNull();
    expect(diagnose(evidence, RULES).findings.map((f) => f.id)).toEqual(['dns.timeout']);
  });
});
