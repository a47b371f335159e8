import { describe, expect, it } from 'vitest';
import { readCollectorFixture as fixture } from '../../../e2e/fixtures/collectors';
import { domainMappings, logonSettings, policyMappings } from './internet-zones';
import { internetZonesCollector } from './internet-zones';
import { parseOutlookAccounts } from './outlook-account';
import { parseOutlookInstall } from './outlook-install';
import { effectiveValues, parseOutlookSettings } from './outlook-settings';
import { binaryUtf16, parseRegQuery } from './reg-query';
import type { CommandOutput } from './collector';

const reg = (file: string) => parseRegQuery(fixture(`windows/${file}`));

describe('parseRegQuery', () => {
  it('reads keys, DWORDs as numbers, strings, empty data and multi-strings', () => {
    const values = parseRegQuery(
      '\r\nHKEY_CURRENT_USER\\Software\\X\r\n    (Standard)    REG_SZ    \r\n    Flag    REG_DWORD    0x20000\r\n    List    REG_MULTI_SZ    a\\0b\\0\r\n    Value with spaces    REG_SZ    C:\\Program Files\\x\r\n\r\n',
    );
    expect(values).toEqual([
      { key: 'HKEY_CURRENT_USER\\Software\\X', name: '(Standard)', type: 'REG_SZ', data: '' },
      { key: 'HKEY_CURRENT_USER\\Software\\X', name: 'Flag', type: 'REG_DWORD', data: 0x20000 },
      { key: 'HKEY_CURRENT_USER\\Software\\X', name: 'List', type: 'REG_MULTI_SZ', data: ['a', 'b'] },
      { key: 'HKEY_CURRENT_USER\\Software\\X', name: 'Value with spaces', type: 'REG_SZ', data: 'C:\\Program Files\\x' },
    ]);
    expect(binaryUtf16('6D00610069006C000000')).toBe('mail');
    expect(binaryUtf16('zz')).toBeNull();
  });
});

describe('Outlook settings', () => {
  it('lets the policy key win and reports the overridden user value', () => {
    const values = effectiveValues(reg('reg-autodiscover-policy.txt'), reg('reg-autodiscover.txt'));
    const scp = values.find((v) => v.name === 'ExcludeScpLookup')!;
    expect(scp).toMatchObject({ source: 'policy', data: 1, overridden: { data: 0 } });
    expect(values.find((v) => v.name === 'ExcludeHttpsRootDomain')).toMatchObject({ source: 'user', data: 1 });
  });

  it('reads the AutoDiscover switches, MapiHttpDisabled and RPC values; missing keys are "not set"', () => {
    const data = parseOutlookSettings([
      { policy: reg('reg-autodiscover-policy.txt'), user: reg('reg-autodiscover.txt') },
      { policy: [], user: reg('reg-exchange.txt') },
      { policy: null, user: reg('reg-rpc.txt') },
    ])!;
    expect(data.autodiscover).toEqual({
      preferLocalXml: false,
      excludeExplicitO365Endpoint: true,
      excludeScpLookup: true,
      excludeHttpsRootDomain: true,
    });
    expect(data.mapiHttpDisabled).toBe(true);
    expect(data.values.find((v) => v.name === 'EnableRPCEncryption')).toMatchObject({ data: 1, source: 'user' });
    expect(data.values.find((v) => v.name === 'contoso.com')).toMatchObject({ type: 'REG_SZ' });
    expect(parseOutlookSettings([{ policy: null, user: null }, { policy: null, user: null }, { policy: null, user: null }])).toBeNull();
  });
});

describe('Outlook profile account', () => {
  it('finds the default profile\'s mailbox and server; merges sections of one mailbox', () => {
    const data = parseOutlookAccounts(reg('reg-outlook-default-profile.txt'), reg('reg-outlook-profiles.txt'))!;
    expect(data.defaultProfile).toBe('Outlook');
    expect(data.profiles).toEqual(['Outlook', 'Alt']);
    expect(data.primary).toMatchObject({
      profile: 'Outlook',
      smtpAddress: 'alice.example@contoso.com',
      server: 'mail.contoso.com',
      mapiHttpInternalUrl: expect.stringContaining('ex01.contoso.local') as string,
      rpcProxyServer: 'mail.contoso.com',
      lastKnownGoodAutodiscoverUrl: 'https://autodiscover.contoso.com/autodiscover/autodiscover.xml',
    });
    expect(data.accounts.filter((a) => a.profile === 'Outlook')).toHaveLength(1);
    expect(data.accounts.find((a) => a.profile === 'Alt')).toMatchObject({ smtpAddress: 'bob@fabrikam.com', server: 'outlook.office365.com' });
  });

  it('has no primary account without profiles', () => {
    expect(parseOutlookAccounts([], [])).toEqual({ defaultProfile: null, profiles: [], accounts: [], primary: null });
  });
});

describe('Outlook installation', () => {
  it('reads Click-to-Run version and bitness', () => {
    expect(parseOutlookInstall({ clickToRun: reg('reg-office-clicktorun.txt'), outlook: [] })).toEqual({
      clickToRun: true,
      version: '16.0.17928.20114',
      bitness: 'x64',
      updateChannel: 'http://officecdn.microsoft.com/pr/55336b82-a18d-4dd6-b5f6-9e5095c314a6',
      productIds: ['O365ProPlusRetail', 'LanguagePack'],
    });
    expect(
      parseOutlookInstall({ clickToRun: [], outlook: [{ key: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Office\\16.0\\Outlook', name: 'Bitness', type: 'REG_SZ', data: 'x86' }] }),
    ).toMatchObject({ clickToRun: false, version: null, bitness: 'x86' });
  });
});

describe('Internet zones', () => {
  it('reads site-to-zone mappings from Internet Options and the policy list', () => {
    expect(domainMappings(reg('reg-zonemap-domains-user.txt'), 'user')).toEqual([
      { host: 'mail.contoso.com', scheme: 'https', zone: 1, source: 'user' },
      { host: 'microsoftonline.com', scheme: 'https', zone: 2, source: 'user' },
    ]);
    expect(policyMappings(reg('reg-zonemapkey-machine-policy.txt'), 'machine-policy')).toEqual([
      { host: 'autodiscover.contoso.com', scheme: 'https', zone: 1, source: 'machine-policy' },
      { host: '*.contoso.local', scheme: '*', zone: 1, source: 'machine-policy' },
    ]);
    expect(logonSettings(reg('reg-zones-logon-user.txt'), 'user')).toEqual([
      { zone: 1, value: 0x20000, meaning: 'intranet-only', source: 'user' },
      { zone: 3, value: 0x20000, meaning: 'intranet-only', source: 'user' },
    ]);
  });

  it('lets a machine policy decide the logon setting of a zone', () => {
    const out = (file: string | null, exitCode = 0): CommandOutput => ({
      artifact: 'x',
      outcome: 'ok',
      exitCode: file ? exitCode : 1,
      text: file ? fixture(`windows/${file}`) : '',
      stderr: file ? '' : fixture('windows/reg-not-found-de.stderr.txt'),
      truncated: false,
    });
    const data = internetZonesCollector.parse([
      out('reg-zonemap-domains-user.txt'),
      out(null),
      out(null),
      out('reg-zonemapkey-machine-policy.txt'),
      out('reg-zones-logon-user.txt'),
      out(null),
      out('reg-zones-logon-machine-policy.txt'),
    ])!;
    expect(data.logon).toEqual([
      { zone: 1, value: 0, meaning: 'automatic', source: 'machine-policy' },
      { zone: 3, value: 0x20000, meaning: 'intranet-only', source: 'user' },
    ]);
    expect(data.mappings[0]).toMatchObject({ source: 'machine-policy' });
  });
});
