import { describe, expect, it } from 'vitest';
import type { DnsCacheData, InternetZonesData, KerberosTicketsData } from './probe-data';
import { cachedName, httpTicketFor, zoneForHost } from './system-lookups';

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
