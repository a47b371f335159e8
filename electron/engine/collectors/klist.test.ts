import { describe, expect, it } from 'vitest';
import { readCollectorFixture as fixture } from '../../../e2e/fixtures/collectors';
import { readSample } from '../../../e2e/fixtures/samples';
import { parseKlist } from './klist';

describe('parseKlist', () => {
  it('reads a real English Windows capture: servers, realms, times, flags, KDC', () => {
    const data = parseKlist(readSample('windows-cmd/klist-en-3-tickets-lab.txt'))!;
    expect(data.format).toBe('windows');
    expect(data.tickets.map((t) => `${t.server} @ ${t.realm}`)).toEqual(['krbtgt/LAB.VX @ LAB.VX', 'MSSQLSvc/SVR.lab.vx:1433 @ LAB.VX', 'ldap/DC.lab.vx/lab.vx @ LAB.VX']);
    expect(data.tickets[0]).toMatchObject({
      client: 'mike',
      encryptionType: 'AES-256-CTS-HMAC-SHA1-96',
      kdcCalled: 'DC.lab.vx',
      start: new Date(2022, 3, 16, 9, 53, 54).toISOString(),
      end: new Date(2022, 3, 16, 19, 53, 54).toISOString(),
    });
    expect(data.tickets[0]!.flags).toContain('initial');
    expect(data.tickets[1]!.encryptionType).toBe('RSADSI RC4-HMAC(NT)');
  });

  it('reads the real empty Windows capture as "no tickets"', () => {
    expect(parseKlist(readSample('windows-cmd/klist-en-empty.txt'))).toEqual({ format: 'windows', defaultPrincipal: null, tickets: [], noCredentials: true });
  });

  it('reads German Windows output (translated labels, day-first dates)', () => {
    const data = parseKlist(fixture('windows/klist-de-2-tickets.txt'))!;
    expect(data.tickets.map((t) => t.server)).toEqual(['krbtgt/CONTOSO.COM', 'HTTP/mail.contoso.com']);
    expect(data.tickets[1]).toMatchObject({
      client: 'alice',
      realm: 'CONTOSO.COM',
      encryptionType: 'AES-256-CTS-HMAC-SHA1-96',
      kdcCalled: 'DC01.contoso.com',
      start: new Date(2026, 6, 16, 10, 2, 11).toISOString(),
      renewUntil: new Date(2026, 6, 23, 9, 58, 40).toISOString(),
    });
    expect(data.tickets[1]!.flags).toContain('ok_as_delegate');
  });

  it('reads a real MIT capture from a test KDC, and MIT without a cache', () => {
    const data = parseKlist(fixture('linux/klist-mit-two-tickets-test-kdc.txt'))!;
    expect(data).toMatchObject({ format: 'mit', defaultPrincipal: 'alice@TEST.LAN', noCredentials: false });
    expect(data.tickets.map((t) => `${t.server}@${t.realm}`)).toEqual(['krbtgt/TEST.LAN@TEST.LAN', 'HTTP/mail.test.lan@TEST.LAN']);
    expect(data.tickets[1]!.end).toBe(new Date(2026, 10, 23, 5, 38, 22).toISOString());
    expect(parseKlist('', fixture('linux/klist-mit-no-cache.stderr.txt'))).toMatchObject({ format: 'mit', tickets: [], noCredentials: true });
  });

  it('reads Heimdal (macOS) output', () => {
    const data = parseKlist(fixture('macos/klist-heimdal.txt'))!;
    expect(data).toMatchObject({ format: 'heimdal', defaultPrincipal: 'alice@CONTOSO.COM' });
    expect(data.tickets.map((t) => t.server)).toEqual(['krbtgt/CONTOSO.COM', 'HTTP/mail.contoso.com']);
    expect(data.tickets[1]!.start).toBe(new Date(2026, 10, 22, 8, 3, 40).toISOString());
  });

  it('returns null for output it does not know', () => {
    expect(parseKlist('Error calling API LsaCallAuthenticationPackage (ShowTickets substatus): 1312')).toBeNull();
  });
});
