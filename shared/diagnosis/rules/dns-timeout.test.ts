import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { AUTODISCOVER_HOST, dnsBoth, dnsDirect, dnsSystem, healthyRun, HOST, localNetwork, makeEvidence } from '../testing/evidence-builders';
import { evaluateChecked } from '../testing/rule-check';
import { RULES } from '.';
import { dnsTimeout as rule } from './dns-timeout';

describe('dns.timeout', () => {
  it('is raised when the DNS server does not answer for the Exchange host', () => {
    const [system, direct] = dnsBoth(HOST, 'timeout');
    const hit = evaluateChecked(rule, makeEvidence([localNetwork(), system!, direct!]));
    expect(hit).toEqual({ evidence: [system!.id, direct!.id], args: { host: HOST, servers: '192.168.10.2' }, severity: 'problem' });
  });

  it('stays a problem when only the cache still answered, and says so', () => {
    const hit = evaluateChecked(rule, makeEvidence([dnsSystem(HOST, ['192.0.2.10']), dnsDirect(HOST, 'timeout')]));
    expect(hit).toMatchObject({ severity: 'problem', args: { note: 'cached' } });
  });

  it('says when the server could not be reached at all', () => {
    expect(evaluateChecked(rule, makeEvidence([dnsSystem(HOST, 'network'), dnsDirect(HOST, 'network')]))?.args).toMatchObject({ note: 'network' });
  });

  it('is not raised when resolution works, for Autodiscover names only, or when a view says the name does not exist', () => {
    expect(rule.evaluate(makeEvidence(healthyRun()))).toBeNull();
    expect(rule.evaluate(makeEvidence([...healthyRun(), ...dnsBoth(AUTODISCOVER_HOST, 'timeout')]))).toBeNull();
    expect(rule.evaluate(makeEvidence([dnsSystem(HOST, 'nxdomain'), dnsDirect(HOST, 'timeout')]))).toBeNull();
  });

  it('is explained by a missing default route', () => {
    const evidence = makeEvidence([localNetwork({ defaultRoutes: [] }), ...dnsBoth(HOST, 'timeout')]);
    expect(rule.evaluate(evidence)).not.toBeNull();
    expect(diagnose(evidence, RULES).findings.map((f) => f.id)).toEqual(['net.no-gateway']);
  });
});
