import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { AUTODISCOVER_HOST, dnsBoth, dnsDirect, dnsSystem, healthyRun, HOST, localNetwork, makeEvidence } from '../testing/evidence-builders';
import { evaluateChecked, firing } from '../testing/rule-check';
import { RULES } from '.';
import { dnsNxdomain as rule } from './dns-nxdomain';

describe('dns.nxdomain', () => {
  it('is raised when the Exchange host does not exist in either view', () => {
    const [system, direct] = dnsBoth(HOST, 'nxdomain');
    const hit = evaluateChecked(rule, makeEvidence([localNetwork(), system!, direct!]));
    expect(hit).toEqual({ evidence: [system!.id, direct!.id], args: { host: HOST }, severity: 'problem' });
  });

  it('says when the name exists without address, or is an alias of a name that does not exist', () => {
    expect(evaluateChecked(rule, makeEvidence(dnsBoth(HOST, 'nodata')))?.args).toEqual({ host: HOST, note: 'nodata' });
    const dangling = makeEvidence([dnsSystem(HOST, 'nxdomain'), dnsDirect(HOST, 'nxdomain', { cnameChain: ['ex2013-cas.contoso.com.'] })]);
    expect(evaluateChecked(rule, dangling)?.args).toEqual({ host: HOST, target: 'ex2013-cas.contoso.com', note: 'cname' });
  });

  it('is raised from one view when the other did not run', () => {
    expect(evaluateChecked(rule, makeEvidence([dnsDirect(HOST, 'nxdomain')]))).not.toBeNull();
  });

  it('is not raised when a view resolves (that is dns.system-mismatch), for Autodiscover names, or for the stand-in name', () => {
    expect(rule.evaluate(makeEvidence(healthyRun()))).toBeNull();
    const mismatch = makeEvidence([localNetwork(), dnsSystem(HOST, 'nxdomain'), dnsDirect(HOST, ['192.0.2.10'])]);
    expect(rule.evaluate(mismatch)).toBeNull();
    expect(diagnose(mismatch, RULES).findings.map((f) => f.id)).toEqual(['dns.system-mismatch']);
    expect(rule.evaluate(makeEvidence(dnsBoth(AUTODISCOVER_HOST, 'nxdomain')))).toBeNull();
    const standIn = makeEvidence(dnsBoth(AUTODISCOVER_HOST, 'nxdomain'), { input: { server: { host: AUTODISCOVER_HOST, port: 443 }, serverSource: 'autodiscover-name' } });
    expect(rule.evaluate(standIn)).toBeNull();
    expect(rule.evaluate(makeEvidence(dnsBoth(HOST, 'timeout')))).toBeNull();
  });

  it('is explained by a captive portal and by a missing DNS server', () => {
    const evidence = makeEvidence(dnsBoth(HOST, 'nxdomain'));
    expect(diagnose(evidence, [rule, firing('portal.detected')]).findings.map((f) => f.id)).toEqual(['portal.detected']);
    expect(diagnose(evidence, [rule, firing('dns.no-server')]).findings.map((f) => f.id)).toEqual(['dns.no-server']);
  });
});
