import { describe, expect, it } from 'vitest';
import { readCollectorFixture } from '../../../e2e/fixtures/collectors';
import { parseNetAdapters } from '../../../electron/engine/collectors/net-adapters';
import { translator } from '../../i18n';
import { diagnose } from '../diagnose';
import { AUTODISCOVER_HOST, collected, healthyRun, hostProbes, HOST, http, iface, localNetwork, LOOPBACK_IFACE, makeEvidence } from '../testing/evidence-builders';
import type { TcpErrorKind } from '../../model/probe-data';
import { evaluateChecked, firing } from '../testing/rule-check';
import { RULES } from '.';
import { tcpUnreachable as rule } from './tcp-unreachable';

const dead = (a: TcpErrorKind, b: TcpErrorKind = a) =>
  healthyRun({ addresses: ['192.0.2.10', '192.0.2.11'], tcp: { '192.0.2.10': a, '192.0.2.11': b } });

describe('tcp.unreachable', () => {
  it('is raised when no address accepts a connection, saying that packets are dropped', () => {
    const hit = evaluateChecked(rule, makeEvidence(dead('timeout')));
    expect(hit).toEqual({
      evidence: [`tcp:${HOST}/192.0.2.10:443`, `tcp:${HOST}/192.0.2.11:443`],
      args: { host: HOST, port: 443, addresses: '192.0.2.10, 192.0.2.11', note: 'timeout' },
      severity: 'problem',
    });
  });

  it('says "refused" or "no route" when every attempt failed so, and nothing specific when they differ', () => {
    expect(evaluateChecked(rule, makeEvidence(dead('refused')))?.args?.note).toBe('refused');
    expect(evaluateChecked(rule, makeEvidence(dead('unreachable')))?.args?.note).toBe('no-route');
    expect(evaluateChecked(rule, makeEvidence(dead('refused', 'timeout')))?.args?.note).toBeUndefined();
  });

  it('uses the server port of the input', () => {
    const evidence = makeEvidence(healthyRun({ tcp: { '192.0.2.10': 'refused' } }).map((r) => (r.probe === 'tcp' ? { ...r, data: { ...r.data!, port: 8443 } } : r)), {
      input: { server: { host: HOST, port: 8443 } },
    });
    expect(evaluateChecked(rule, evidence)?.args).toMatchObject({ port: 8443 });
  });

  it('is lowered when a request to the host got an answer another way (proxy)', () => {
    const hit = evaluateChecked(rule, makeEvidence([...dead('timeout'), http(HOST, '10.0.0.8', 'mapi')]));
    expect(hit).toMatchObject({ severity: 'warning', args: { lowered: 'other-path' } });
  });

  it('is lowered to a warning for an Autodiscover name', () => {
    const evidence = makeEvidence([...healthyRun(), ...hostProbes(AUTODISCOVER_HOST, { addresses: ['192.0.2.20'], tcp: { '192.0.2.20': 'refused' } })]);
    expect(evaluateChecked(rule, evidence)).toMatchObject({ severity: 'warning', args: { host: AUTODISCOVER_HOST, lowered: 'autodiscover-only' } });
  });

  it('is not raised when an address works', () => {
    expect(rule.evaluate(makeEvidence(healthyRun()))).toBeNull();
    expect(rule.evaluate(makeEvidence(dead('timeout').filter((r) => r.id !== `tcp:${HOST}/192.0.2.10:443`).concat(healthyRun().filter((r) => r.probe === 'tcp'))))).toBeNull();
  });

  it('is explained by a missing gateway, a DNS failure and a portal', () => {
    const noGateway = makeEvidence([localNetwork({ defaultRoutes: [] }), ...dead('timeout').filter((r) => r.probe !== 'local.network')]);
    expect(diagnose(noGateway, RULES).findings.map((f) => f.id)).toEqual(['net.no-gateway']);
    for (const cause of ['dns.timeout', 'portal.detected'] as const) {
      expect(diagnose(makeEvidence(dead('timeout')), [rule, firing(cause)]).findings.map((f) => f.id)).toEqual([cause]);
    }
  });
});

describe('tcp.unreachable and the network profile (Get-NetConnectionProfile)', () => {
  const netAdapters = (fixture: string) => collected('collector.net-adapters', parseNetAdapters(readCollectorFixture(`windows/${fixture}`)));
  const onWlan = (adapters: ReturnType<typeof netAdapters>) =>
    makeEvidence([
      localNetwork({
        interfaces: [LOOPBACK_IFACE, iface('WLAN', ['10.20.30.40'], { medium: 'wireless' }), iface('vEthernet (Default Switch)', ['172.29.64.1'], { medium: 'virtual' })],
        defaultRoutes: [{ family: 4, gateway: '10.20.30.1', interface: 'WLAN' }],
      }),
      ...dead('timeout').filter((r) => r.probe !== 'local.network'),
      adapters,
    ]);

  it('names a network Windows classifies as Public (the host-only adapter\'s does not count)', () => {
    const adapters = netAdapters('get-netadapter-hotel-wlan-public.json');
    const hit = evaluateChecked(rule, onWlan(adapters))!;
    expect(hit.args).toMatchObject({ note: 'timeout,public-network', publicNetworks: 'Hotel-Gast (WLAN)' });
    expect(hit.evidence).toEqual(expect.arrayContaining(['local.network:this-computer', adapters.id]));
    expect(translator('de').finding('tcp.unreachable', hit.args).detail).toContain('Windows stuft das Netzwerk Hotel-Gast (WLAN) als „Öffentlich“ ein.');
    expect(translator('en').finding('tcp.unreachable', hit.args).detail).toContain('classifies the network Hotel-Gast (WLAN) as "Public"');
  });

  it('no note on the domain network', () => {
    const evidence = makeEvidence([...dead('timeout'), netAdapters('get-netadapter.json')]);
    expect(evaluateChecked(rule, evidence)!.args).toEqual({ host: HOST, port: 443, addresses: '192.0.2.10, 192.0.2.11', note: 'timeout' });
  });
});
