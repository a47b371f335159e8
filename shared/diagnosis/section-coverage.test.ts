import { describe, expect, it } from 'vitest';
import type { ProbeId } from '../model/probe-data';
import type { ProbeResultOf } from '../model/probe-result';
import { SECTION_IDS, type SectionId } from '../model/sections';
import { diagnose } from './diagnose';
import { RULES } from './rules';
import { SECTION_EVIDENCE } from './section-coverage';
import { dnsDirect, dnsSystem, healthyRun, HOST, http, localNetwork, localNetworkRecheck, makeEvidence, mtu, tcp, without } from './testing/evidence-builders';
import { autodiscover, candidate, connectivity, kerberos, proxyConfig, rootDomainCandidate } from './testing/http-evidence-builders';

/** A healthy run with every kind of probe the engine has, so every section can be looked at. */
type AnyResult = ProbeResultOf<ProbeId>;

function fullHealthyRun(): AnyResult[] {
  return [
    ...healthyRun(),
    localNetworkRecheck(),
    mtu(HOST, '192.0.2.10'),
    connectivity('ok'),
    proxyConfig({ source: 'none', proxies: [], readings: [] }),
    autodiscover([rootDomainCandidate(), candidate()]),
    kerberos(),
  ];
}

const statuses = (probes: readonly AnyResult[]) =>
  Object.fromEntries(diagnose(makeEvidence(probes), RULES).sections.map((s) => [s.id, s.status])) as Record<SectionId, string>;

/** The run's probes, each with its data taken away and its status replaced (what a deadline leaves behind). */
const bare = (probes: readonly AnyResult[], status: 'timeout' | 'fail'): AnyResult[] => probes.map((r) => ({ ...r, status, data: undefined }));

describe('a section is checked only by evidence that can tell about it', () => {
  it('a full healthy run looks at every section and finds all of them ok', () => {
    expect(Object.values(statuses(fullHealthyRun()))).toEqual(SECTION_IDS.map(() => 'ok'));
  });

  it('auth and server are not-checked when no HTTP request got an answer, although the http probes ran', () => {
    // The healthy run's request, timed out before any answer (the builder records no response then).
    const unanswered = [...healthyRun({ endpoint: false }), http(HOST, '192.0.2.10', 'mapi', { error: 'probe timeout' })];
    const diagnosis = diagnose(makeEvidence(unanswered), RULES);
    expect(diagnosis.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    const sections = Object.fromEntries(diagnosis.sections.map((s) => [s.id, s.status]));
    expect(sections).toMatchObject({ auth: 'not-checked', server: 'not-checked', tls: 'ok', 'desktop-firewall': 'ok', dns: 'ok' });
    // The same run with the answers is checked: the difference is the evidence, not the probes.
    expect(statuses(healthyRun())).toMatchObject({ auth: 'ok', server: 'ok' });
  });

  it.each(['timeout', 'fail'] as const)('a run whose every probe ended %s without data has no section ok', (status) => {
    const diagnosis = diagnose(makeEvidence(bare(fullHealthyRun(), status)), RULES);
    expect(diagnosis.ruleErrors).toEqual([]);
    for (const section of diagnosis.sections) {
      const why = `${section.id}: ${section.status} (${section.findings.join(', ') || 'no finding'})`;
      expect(section.status, why).not.toBe('ok');
      // Either nothing was known, or a finding says what is wrong.
      if (section.status !== 'not-checked') expect(section.findings.length, why).toBeGreaterThan(0);
    }
  });

  it('counts failures that did record something: a refused connect, a DNS error, a timed-out handshake', () => {
    const refused = [localNetwork(), dnsSystem(HOST, ['192.0.2.10']), dnsDirect(HOST, ['192.0.2.10']), tcp(HOST, '192.0.2.10', 'refused')];
    const sections = diagnose(makeEvidence(refused), RULES).sections;
    // The refused connect is the finding; the TCP result is what lets the load balancer section speak.
    expect(sections.find((s) => s.id === 'desktop-firewall')).toMatchObject({ status: 'problem', findings: ['tcp.unreachable'] });
    expect(SECTION_EVIDENCE['load-balancer'](makeEvidence(refused))).toEqual([`tcp:${HOST}/192.0.2.10:443`]);
    expect(sections.find((s) => s.id === 'tls')?.status).toBe('not-checked');

    const nxdomain = makeEvidence([localNetwork(), dnsSystem(HOST, 'nxdomain'), dnsDirect(HOST, 'nxdomain')]);
    expect(SECTION_EVIDENCE.dns(nxdomain)).toEqual([`dns.system:${HOST}`, `dns.direct:${HOST}`]);
  });

  it('ipv6 needs an AAAA answer, and a TCP result for every IPv6 address the name has', () => {
    const dualStack = healthyRun({ addresses: ['192.0.2.10', '2001:db8::10'] });
    expect(SECTION_EVIDENCE.ipv6(makeEvidence(dualStack))).not.toEqual([]);
    // The IPv6 address was never tried (its connect cut off without a result): nothing known.
    const untried = without(dualStack, (r) => r.id === `tcp:${HOST}/[2001:db8::10]:443`);
    expect(SECTION_EVIDENCE.ipv6(makeEvidence(untried))).toEqual([]);
    // AAAA questions unanswered (a firewall dropping them): whether there is IPv6 is not known.
    const direct = dnsDirect(HOST, ['192.0.2.10'], { partialError: 'timeout' });
    for (const q of direct.data!.queries) if (q.type === 'AAAA') q.error = { kind: 'timeout', message: 'no answer' };
    const noAaaa = healthyRun().map((r) => (r.probe === 'dns.direct' ? direct : r));
    expect(SECTION_EVIDENCE.ipv6(makeEvidence(noAaaa))).toEqual([]);
  });

  it('mtu needs the small exchange to have passed, network-change two snapshots', () => {
    const smallFailed = makeEvidence([...healthyRun(), mtu(HOST, '192.0.2.10', { small: 'failed', large: 'failed' })]);
    expect(SECTION_EVIDENCE.mtu(smallFailed)).toEqual([]);
    expect(SECTION_EVIDENCE.mtu(makeEvidence([...healthyRun(), mtu(HOST, '192.0.2.10')]))).toEqual([`mtu:${HOST}/192.0.2.10`]);
    expect(SECTION_EVIDENCE['network-change'](makeEvidence([localNetworkRecheck()]))).toEqual([]);
    expect(SECTION_EVIDENCE['network-change'](makeEvidence([localNetwork(), localNetworkRecheck()]))).toEqual(['local.network-recheck:end-of-run']);
  });

  it('the connectivity check that got no answer does not check the portal section by itself', () => {
    const unreachable = makeEvidence([connectivity('unreachable')]);
    expect(SECTION_EVIDENCE['captive-portal'](unreachable)).toEqual([]);
    expect(SECTION_EVIDENCE['captive-portal'](makeEvidence([connectivity('ok')]))).toHaveLength(1);
  });
});
