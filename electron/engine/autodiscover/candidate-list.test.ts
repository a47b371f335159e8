import { describe, expect, it } from 'vitest';
import type { CollectorData, OutlookSettingsData, ProbeDataMap } from '../../../shared/model/probe-data';
import type { ProbeResult } from '../../../shared/model/probe-result';
import { planCandidates } from './candidate-list';
import { walkInputs } from './walk-inputs';

/**
 * Outlook's order and the registry switches, with the Windows collectors' results built by hand
 * (the walk reads them the same way on every platform).
 */

const EMAIL = 'anna@contoso.com';

function collector<P extends keyof ProbeDataMap>(probe: P, parsed: ProbeDataMap[P] extends CollectorData<infer T> ? T : never, status: 'ok' | 'fail' = 'ok'): ProbeResult {
  return {
    id: `${probe}:this-computer`,
    probe,
    kind: 'collector',
    target: 'this computer',
    status,
    startedAt: '2026-03-02T09:00:00.000Z',
    durationMs: 10,
    summary: 'collected',
    data: { commands: [], parsed },
  } as unknown as ProbeResult;
}

function settings(autodiscover: OutlookSettingsData['autodiscover'], values: OutlookSettingsData['values'] = [], mapiHttpDisabled: boolean | null = null): ProbeResult {
  return collector('collector.outlook-settings', { officeVersion: '16.0', autodiscover, mapiHttpDisabled, values });
}

function srv(records: { target: string; port: number }[]): ProbeResult {
  return {
    id: 'dns.srv:_autodiscover._tcp.contoso.com',
    probe: 'dns.srv',
    kind: 'dns',
    target: '_autodiscover._tcp.contoso.com',
    status: 'ok',
    startedAt: '2026-03-02T09:00:00.000Z',
    durationMs: 5,
    summary: '',
    data: { name: '_autodiscover._tcp.contoso.com', records: records.map((r) => ({ ...r, priority: 0, weight: 0 })), durationMs: 5 },
  };
}

const order = (results: ProbeResult[], platform: NodeJS.Platform = 'win32') =>
  planCandidates(walkInputs(results, EMAIL, platform)).map((c) => `${c.method}${c.skip ? ` (${c.skip})` : ''}`);

describe('Autodiscover candidates in Outlook order', () => {
  it('off Windows: the Windows-only steps are skipped with the reason, Exchange Online last', () => {
    expect(order([srv([])], 'linux')).toEqual([
      'last-known-good (not-windows)',
      'scp (not-windows)',
      'root-domain',
      'autodiscover-domain',
      'local-xml (not-windows)',
      'http-redirect',
      'srv (no-srv-record)',
      'v2-json',
      'exo',
    ]);
  });

  it('a domain-joined Windows PC: last known good, SCP URLs same site first, then the names', () => {
    const results = [
      settings({}),
      collector('collector.outlook-account', {
        defaultProfile: 'Outlook',
        profiles: ['Outlook'],
        accounts: [],
        primary: {
          profile: 'Outlook',
          key: 'k',
          smtpAddress: 'Anna@contoso.com',
          mapiHttpInternalUrl: null,
          mapiHttpExternalUrl: null,
          rpcProxyServer: null,
          homeServerFqdn: null,
          lastKnownGoodAutodiscoverUrl: 'https://mail.contoso.com/autodiscover/autodiscover.xml',
          server: 'mail.contoso.com',
        },
      }),
      collector('collector.nltest-dsgetdc', { dcFound: true, dc: 'DC01', dcAddress: '10.0.0.1', domain: 'contoso.com', forest: 'contoso.com', dcSite: 'Berlin', clientSite: 'Hamburg', flags: [] }),
      collector('collector.ad-scp', {
        entries: [
          { name: 'EX01', url: 'https://ex01.contoso.com/Autodiscover/Autodiscover.xml', site: 'Berlin', pointer: false },
          { name: 'EX02', url: 'https://ex02.contoso.com/Autodiscover/Autodiscover.xml', site: 'Hamburg', pointer: false },
          { name: 'EX03', url: 'https://ex03.contoso.com/Autodiscover/Autodiscover.xml', site: null, pointer: false },
          { name: 'P', url: 'LDAP://dc.fabrikam.com/CN=Configuration', site: null, pointer: true },
        ],
      }),
      srv([{ target: 'mail.hoster.example.', port: 8443 }]),
    ];
    const planned = planCandidates(walkInputs(results, EMAIL, 'win32'));
    expect(planned.map((c) => [c.method, c.url, c.skip ?? '', c.note ?? ''])).toEqual([
      ['last-known-good', 'https://mail.contoso.com/autodiscover/autodiscover.xml', '', ''],
      ['scp', 'https://ex02.contoso.com/Autodiscover/Autodiscover.xml', '', ''],
      ['scp', 'https://ex03.contoso.com/Autodiscover/Autodiscover.xml', '', ''],
      ['scp', 'https://ex01.contoso.com/Autodiscover/Autodiscover.xml', '', ''],
      ['root-domain', 'https://contoso.com/autodiscover/autodiscover.xml', '', ''],
      ['autodiscover-domain', 'https://autodiscover.contoso.com/autodiscover/autodiscover.xml', '', ''],
      ['local-xml', 'file:', 'no-local-xml', ''],
      ['http-redirect', 'http://autodiscover.contoso.com/autodiscover/autodiscover.xml', '', ''],
      // Outlook ignores the SRV port; a target outside the mail domain is noted.
      ['srv', 'https://mail.hoster.example/autodiscover/autodiscover.xml', '', 'target-outside-domain'],
      ['v2-json', 'https://outlook.office365.com/autodiscover/autodiscover.json/v1.0/anna%40contoso.com?Protocol=AutodiscoverV1', '', ''],
      ['exo', 'https://autodiscover-s.outlook.com/autodiscover/autodiscover.xml', '', ''],
    ]);
  });

  it('every Exclude* switch (policy already applied by the collector) skips its step', () => {
    const results = [
      settings({
        excludeLastKnownGoodUrl: true,
        excludeExplicitO365Endpoint: true,
        excludeScpLookup: true,
        excludeHttpsRootDomain: true,
        excludeHttpsAutoDiscoverDomain: true,
        excludeHttpRedirect: true,
        excludeSrvRecord: true,
      }),
      srv([{ target: 'mail.contoso.com', port: 443 }]),
    ];
    expect(order(results)).toEqual([
      'last-known-good (registry:ExcludeLastKnownGoodURL)',
      'scp (registry:ExcludeScpLookup)',
      'root-domain (registry:ExcludeHttpsRootDomain)',
      'autodiscover-domain (registry:ExcludeHttpsAutoDiscoverDomain)',
      'local-xml (no-local-xml)',
      'http-redirect (registry:ExcludeHttpRedirect)',
      'srv (registry:ExcludeSrvRecord)',
      'v2-json (registry:ExcludeExplicitO365Endpoint)',
      'exo (registry:ExcludeExplicitO365Endpoint)',
    ]);
    expect(walkInputs(results, EMAIL, 'win32').registry).toMatchObject({ ExcludeSrvRecord: 1, ExcludeHttpRedirect: 1 });
  });

  it('PreferLocalXML moves the local XML to the front; its path is the value named after the domain', () => {
    const results = [
      settings({ preferLocalXml: true }, [
        { key: 'HKCU\\Software\\Policies\\Microsoft\\Office\\16.0\\Outlook\\AutoDiscover', name: 'contoso.com', type: 'REG_SZ', data: 'C:\\AD\\contoso.xml', source: 'policy' },
      ]),
      collector('collector.nltest-dsgetdc', { dcFound: false, dc: null, dcAddress: null, domain: null, forest: null, dcSite: null, clientSite: null, flags: [] }),
      srv([]),
    ];
    const planned = planCandidates(walkInputs(results, EMAIL, 'win32'));
    expect(planned[0]).toMatchObject({ method: 'local-xml', url: 'file:///C:/AD/contoso.xml', probe: 'local-file' });
    expect(planned.filter((c) => c.method === 'local-xml')).toHaveLength(1);
    expect(planned.find((c) => c.method === 'scp')?.skip).toBe('not-domain-joined');
  });

  it('an Exchange Online tenant (autodiscover CNAME to outlook.com) gets Exchange Online first', () => {
    const direct: ProbeResult = {
      id: 'dns.direct:autodiscover.contoso.com',
      probe: 'dns.direct',
      kind: 'dns',
      target: 'autodiscover.contoso.com',
      status: 'ok',
      startedAt: '2026-03-02T09:00:00.000Z',
      durationMs: 5,
      summary: '',
      data: { name: 'autodiscover.contoso.com', servers: [], queries: [], cnameChain: ['autodiscover.outlook.com'], addresses: [], durationMs: 5 },
    };
    expect(order([direct, srv([])], 'linux').slice(0, 4)).toEqual(['last-known-good (not-windows)', 'v2-json', 'exo', 'scp (not-windows)']);
  });

  it('MapiHttpDisabled is read (Outlook then sends no X-MapiHttpCapability)', () => {
    expect(walkInputs([settings({}, [], true)], EMAIL, 'win32').mapiHttpDisabled).toBe(true);
    expect(walkInputs([], EMAIL, 'linux').mapiHttpDisabled).toBe(false);
  });
});
