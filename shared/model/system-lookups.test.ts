import { describe, expect, it } from 'vitest';
import type { DnsCacheData, InternetZonesData, KerberosTicketsData } from './probe-data';
import { autoLogonBlock, cachedName, httpTicketFor, zoneForHost } from './system-lookups';

describe('cachedName', () => {
  const cache: DnsCacheData = {
    totalEntries: 2,
    entries: [
      {
        name: 'autodiscover.contoso.com',
        records: [
          { name: 'autodiscover.contoso.com', type: 5, typeName: 'CNAME', ttl: 60, section: 'answer', data: 'mail.contoso.com' },
          { name: 'mail.contoso.com', type: 1, typeName: 'A', ttl: 60, section: 'answer', data: '10.0.0.25' },
        ],
      },
      { name: 'wpad', records: [], negative: 'Name does not exist.' },
    ],
  };

  it('follows the CNAME chain to the cached addresses', () => {
    expect(cachedName(cache, 'Autodiscover.Contoso.com.')).toEqual({ cnames: ['mail.contoso.com'], addresses: ['10.0.0.25'] });
    expect(cachedName(cache, 'wpad')).toEqual({ cnames: [], addresses: [], negative: 'Name does not exist.' });
    expect(cachedName(cache, 'mail.contoso.com')).toBeNull();
  });
});

describe('httpTicketFor', () => {
  it('finds the HTTP service ticket of a host, case-insensitively', () => {
    const data: KerberosTicketsData = {
      format: 'windows',
      defaultPrincipal: null,
      noCredentials: false,
      tickets: [{ client: 'alice', server: 'HTTP/Mail.Contoso.com', realm: 'CONTOSO.COM', start: null, end: null, renewUntil: null, encryptionType: null, flags: [], kdcCalled: null }],
    };
    expect(httpTicketFor(data, 'mail.contoso.com')?.realm).toBe('CONTOSO.COM');
    expect(httpTicketFor(data, 'autodiscover.contoso.com')).toBeNull();
  });
});

describe('zoneForHost', () => {
  const data: InternetZonesData = {
    logon: [],
    mappings: [
      { host: 'contoso.com', scheme: '*', zone: 3, source: 'user' },
      { host: 'mail.contoso.com', scheme: 'https', zone: 2, source: 'user' },
      { host: '*.contoso.local', scheme: '*', zone: 1, source: 'machine-policy' },
    ],
  };

  it('prefers policy, then the most specific mapping', () => {
    expect(zoneForHost(data, 'mail.contoso.com')?.zone).toBe(2);
    expect(zoneForHost(data, 'mail.contoso.com', 'http')?.zone).toBe(3);
    expect(zoneForHost(data, 'ex01.contoso.local')?.zone).toBe(1);
    expect(zoneForHost(data, 'fabrikam.com')).toBeNull();
  });
});

describe('autoLogonBlock', () => {
  const zones = (mappings: InternetZonesData['mappings'], logon: InternetZonesData['logon'] = []): InternetZonesData => ({ mappings, logon });
  const mapped = (zone: number): InternetZonesData['mappings'] => [{ host: 'mail.contoso.com', scheme: 'https', zone, source: 'user' }];
  const logon = (zone: number, meaning: InternetZonesData['logon'][number]['meaning']): InternetZonesData['logon'] => [{ zone, value: 0, meaning, source: 'user' }];

  it('the Internet and Restricted zones do not sign in by themselves, with "intranet only" or no Logon value', () => {
    expect(autoLogonBlock(zones(mapped(3)), 'mail.contoso.com')?.reason).toBe('zone-internet');
    expect(autoLogonBlock(zones(mapped(3), logon(3, 'intranet-only')), 'MAIL.contoso.com.')?.reason).toBe('zone-internet');
    expect(autoLogonBlock(zones(mapped(4)), 'mail.contoso.com')?.reason).toBe('zone-restricted');
    expect(autoLogonBlock(zones(mapped(3), logon(3, 'automatic')), 'mail.contoso.com')).toBeNull();
  });

  it('a zone\'s Logon value decides: prompt and anonymous anywhere, "intranet only" for Trusted sites', () => {
    expect(autoLogonBlock(zones(mapped(1), logon(1, 'prompt')), 'mail.contoso.com')).toMatchObject({ reason: 'zone-logon-prompt', zone: 1 });
    expect(autoLogonBlock(zones(mapped(1), logon(1, 'anonymous')), 'mail.contoso.com')?.reason).toBe('zone-logon-anonymous');
    expect(autoLogonBlock(zones(mapped(1), logon(1, 'intranet-only')), 'mail.contoso.com')).toBeNull();
    expect(autoLogonBlock(zones(mapped(2), logon(2, 'intranet-only')), 'mail.contoso.com')?.reason).toBe('zone-trusted');
    expect(autoLogonBlock(zones(mapped(2)), 'mail.contoso.com')).toBeNull();
    expect(autoLogonBlock(zones(mapped(3), logon(3, 'other')), 'mail.contoso.com')).toBeNull();
  });

  it('a dotless name is in the intranet zone; a dotted name no mapping covers is not judged', () => {
    expect(autoLogonBlock(zones([], logon(1, 'prompt')), 'exchange01')?.reason).toBe('zone-logon-prompt');
    expect(autoLogonBlock(zones([], logon(1, 'intranet-only')), 'exchange01')).toBeNull();
    expect(autoLogonBlock(zones([], logon(3, 'prompt')), 'mail.fabrikam.com')).toBeNull();
  });
});
