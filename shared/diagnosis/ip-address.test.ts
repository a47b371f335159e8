import { describe, expect, it } from 'vitest';
import { ipScope, ipv6Groups, networkKey, normalizeHost } from './ip-address';

describe('ip-address', () => {
  it.each([
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['127.0.0.2', 'loopback'],
    ['169.254.3.4', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['203.0.113.9', 'public'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1%eth0', 'link-local'],
    ['fd12:3456::1', 'private'],
    ['2001:db8::1', 'public'],
    ['::ffff:192.168.1.5', 'private'],
    ['not-an-ip', 'public'],
  ])('%s is %s', (address, scope) => {
    expect(ipScope(address)).toBe(scope);
  });

  it('parses IPv6 with compression and an IPv4 tail, and rejects broken ones', () => {
    expect(ipv6Groups('2001:db8::1')).toEqual([0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]);
    expect(ipv6Groups('::ffff:1.2.3.4')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x102, 0x304]);
    expect(ipv6Groups('1:2:3:4:5:6:7:8')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(ipv6Groups('1::2::3')).toBeNull();
    expect(ipv6Groups('1:2:3')).toBeNull();
    expect(ipv6Groups('12345::')).toBeNull();
    expect(ipv6Groups('192.0.2.1')).toBeNull();
  });

  it('keys IPv6 by its /64 and leaves IPv4 whole', () => {
    expect(networkKey('2001:db8:1:2:a:b:c:d')).toBe(networkKey('2001:db8:1:2::1'));
    expect(networkKey('192.0.2.1')).toBe('192.0.2.1');
    expect(normalizeHost(' Mail.Contoso.COM. ')).toBe('mail.contoso.com');
  });
});
