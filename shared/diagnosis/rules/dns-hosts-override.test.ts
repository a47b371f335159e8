import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { AUTODISCOVER_HOST, dnsDirect, dnsSystem, healthyRun, HOST, makeEvidence } from '../testing/evidence-builders';
import { evaluateChecked } from '../testing/rule-check';
import { RULES } from '.';
import { dnsHostsOverride as rule } from './dns-hosts-override';

describe('dns.hosts-override', () => {
  it('is raised when the Exchange host is pinned in the hosts file, and says when DNS now answers otherwise', () => {
    const system = dnsSystem(HOST, ['10.0.0.5'], { hosts: [{ address: '10.0.0.5', line: 23 }] });
    const direct = dnsDirect(HOST, ['192.0.2.10']);
    const hit = evaluateChecked(rule, makeEvidence([system, direct]));
    expect(hit).toEqual({
      evidence: [system.id, direct.id],
      args: { host: HOST, addresses: '10.0.0.5', path: 'C:\\Windows\\System32\\drivers\\etc\\hosts', lines: '23', directAnswer: '192.0.2.10', note: 'differs' },
      severity: 'warning',
    });
  });

  it('is lowered to info for an Autodiscover name', () => {
    const hit = evaluateChecked(rule, makeEvidence([dnsSystem(AUTODISCOVER_HOST, ['192.0.2.10'], { hosts: [{ address: '192.0.2.10', line: 3 }] }), dnsDirect(AUTODISCOVER_HOST, ['192.0.2.10'])]));
    expect(hit).toMatchObject({ severity: 'info', args: { lowered: 'autodiscover-only' } });
    expect(hit?.args?.note).toBeUndefined();
  });

  it('is not raised without a hosts entry, or for names Outlook does not use', () => {
    expect(rule.evaluate(makeEvidence(healthyRun()))).toBeNull();
    expect(rule.evaluate(makeEvidence([dnsSystem('www.msftconnecttest.com', ['127.0.0.1'], { hosts: [{ address: '127.0.0.1', line: 1 }] })]))).toBeNull();
  });

  it('explains the mismatch it causes: no dns.system-mismatch beside it', () => {
    const evidence = makeEvidence([dnsSystem(HOST, ['10.0.0.5'], { hosts: [{ address: '10.0.0.5', line: 23 }] }), dnsDirect(HOST, ['192.0.2.10'])]);
    expect(diagnose(evidence, RULES).findings.map((f) => f.id)).toEqual(['dns.hosts-override']);
  });
});
