import { describe, expect, it } from 'vitest';
import { checkDnsServer, checkEmail, checkHost, checkServer, formatHostPort, isIPv6 } from './validate';

describe('input validation', () => {
  it.each([
    ['::1', true],
    ['2001:db8::10', true],
    ['fe80::1%eth0', true],
    ['::ffff:192.0.2.1', true],
    ['1:2:3:4:5:6:7:8', true],
    ['1:2:3:4:5:6:7:8:9', false],
    ['1::2::3', false],
    ['12345::', false],
    ['mail.contoso.test', false],
    ['', false],
  ])('isIPv6(%j) is %s', (value, expected) => {
    expect(isIPv6(value)).toBe(expected);
  });

  it('accepts host names and IPs, normalised', () => {
    expect(checkHost(' Mail.Contoso.TEST. ')).toEqual({ ok: true, value: 'mail.contoso.test' });
    expect(checkHost('[::1]')).toEqual({ ok: true, value: '::1' });
    expect(checkHost('127.0.0.2')).toEqual({ ok: true, value: '127.0.0.2' });
  });

  it.each(['-mail.contoso.test', 'mail_contoso.test', 'a'.repeat(64) + '.test', 'mail.contoso.123', 'mail/owa', 'user@mail', ''])(
    'rejects the host %j',
    (value) => {
      expect(checkHost(value).ok).toBe(false);
    },
  );

  it('reads --server in its three forms', () => {
    expect(checkServer('mail.contoso.test')).toEqual({ ok: true, value: { host: 'mail.contoso.test', port: 443 } });
    expect(checkServer('https://mail.contoso.test:8443/')).toEqual({ ok: true, value: { host: 'mail.contoso.test', port: 8443 } });
    expect(checkServer('https://[::1]:8443')).toEqual({ ok: true, value: { host: '::1', port: 8443 } });
    expect(checkServer('mail.contoso.test:444')).toEqual({ ok: true, value: { host: 'mail.contoso.test', port: 444 } });
    expect(checkServer('[::1]:444')).toEqual({ ok: true, value: { host: '::1', port: 444 } });
    expect(checkServer('::1')).toEqual({ ok: true, value: { host: '::1', port: 443 } });
    expect(checkServer('mail.contoso.test:70000')).toEqual({ ok: false, problem: 'port-invalid' });
    expect(checkServer('https://user:pw@mail.contoso.test/')).toEqual({ ok: false, problem: 'host-invalid' });
    expect(checkServer('https://mail.contoso.test/?x=1')).toEqual({ ok: false, problem: 'host-has-path' });
  });

  it('checks mail addresses and names the part that is wrong', () => {
    expect(checkEmail(' Anna.Muster@Contoso.TEST ')).toEqual({ ok: true, value: 'Anna.Muster@contoso.test' });
    expect(checkEmail('anna.muster')).toEqual({ ok: false, problem: 'email-no-at' });
    expect(checkEmail('anna..muster@contoso.test')).toEqual({ ok: false, problem: 'email-local-part' });
    expect(checkEmail('anna@contoso')).toEqual({ ok: false, problem: 'host-invalid' });
    expect(checkEmail('anna@127.0.0.1')).toEqual({ ok: false, problem: 'host-invalid' });
    expect(checkEmail('anna@contoso,test')).toEqual({ ok: false, problem: 'host-invalid' });
  });

  it('reads --dns-server with and without port', () => {
    expect(checkDnsServer('127.0.0.1:5353')).toEqual({ ok: true, value: { address: '127.0.0.1', port: 5353 } });
    expect(checkDnsServer('127.0.0.1')).toEqual({ ok: true, value: { address: '127.0.0.1', port: 53 } });
    expect(checkDnsServer('[::1]:5353')).toEqual({ ok: true, value: { address: '::1', port: 5353 } });
    expect(checkDnsServer('::1')).toEqual({ ok: true, value: { address: '::1', port: 53 } });
    expect(checkDnsServer('dns.contoso.test').ok).toBe(false);
    expect(formatHostPort('::1', 53)).toBe('[::1]:53');
  });
});
