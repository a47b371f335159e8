import { describe, expect, it } from 'vitest';
import { macosBypasses, noProxyBypasses, wininetBypasses } from '../../../shared/http/bypass-list';
import { parsePacResult } from './pac-result';
import { proxyFromUrl, proxyServer, wininetProxyForHttps } from './proxy-server';
import { wpadCandidates, wpadUrl } from './wpad';

const url = (host: string, port = 443, scheme = 'https') => ({ scheme, host, port });

describe('proxy names', () => {
  it('reads host and port, drops credentials, brackets IPv6', () => {
    expect(proxyServer('http', 'proxy.contoso.com:8080')).toEqual({ url: 'http://proxy.contoso.com:8080', host: 'proxy.contoso.com', port: 8080 });
    expect(proxyServer('http', 'proxy.contoso.com')).toMatchObject({ port: 80 });
    expect(proxyServer('http', '[2001:db8::1]:3128')).toEqual({ url: 'http://[2001:db8::1]:3128', host: '2001:db8::1', port: 3128 });
    expect(proxyFromUrl('http://user:secret@proxy.contoso.com:8080/')).toEqual({ url: 'http://proxy.contoso.com:8080', host: 'proxy.contoso.com', port: 8080 });
    expect(proxyFromUrl('socks5h://127.0.0.1:1080')).toMatchObject({ url: 'socks5://127.0.0.1:1080' });
    expect(proxyFromUrl('proxy:3128')).toMatchObject({ url: 'http://proxy:3128' });
    for (const bad of ['', 'http://', 'proxy:99999', 'ftp://proxy:21', 'pro xy:80', 'a:b:c']) expect(proxyFromUrl(bad), bad).toBeNull();
  });

  it('picks the proxy WinINET uses for https from its ProxyServer setting', () => {
    expect(wininetProxyForHttps('proxy.contoso.com:8080')).toMatchObject({ url: 'http://proxy.contoso.com:8080' });
    expect(wininetProxyForHttps('http=a.contoso.com:80;https=b.contoso.com:8443;socks=c.contoso.com:1080')).toMatchObject({ host: 'b.contoso.com', port: 8443 });
    // Without an https= entry a socks= entry carries every protocol (SOCKS 4).
    expect(wininetProxyForHttps('http=a.contoso.com:80;socks=c.contoso.com')).toMatchObject({ url: 'socks4://c.contoso.com:1080' });
    // Only http= and ftp=: https goes direct.
    expect(wininetProxyForHttps('http=a.contoso.com:80;ftp=f.contoso.com:21')).toBeNull();
    expect(wininetProxyForHttps('https=http://b.contoso.com:8443')).toMatchObject({ url: 'http://b.contoso.com:8443' });
    expect(wininetProxyForHttps('')).toBeNull();
    expect(wininetProxyForHttps('https=:::')).toBe('invalid');
  });
});

describe('bypass lists', () => {
  const list = ['*.contoso.local', '10.*', 'https://owa.contoso.com', 'mail.fabrikam.com:8443', '<local>'];

  it('WinINET: <local> for names without a dot, wildcards, scheme and port limits, loopback', () => {
    expect(wininetBypasses(list, url('exchange01'))).toBe('<local>');
    expect(wininetBypasses(list, url('mail.contoso.local'))).toBe('*.contoso.local');
    // `*.contoso.local` does not cover contoso.local itself; an IP is never "local".
    expect(wininetBypasses(list, url('contoso.local'))).toBeUndefined();
    expect(wininetBypasses(['<local>'], url('10.1.2.3'))).toBeUndefined();
    expect(wininetBypasses(list, url('10.1.2.3'))).toBe('10.*');
    expect(wininetBypasses(list, url('OWA.contoso.com.'))).toBe('https://owa.contoso.com');
    expect(wininetBypasses(list, url('owa.contoso.com', 80, 'http'))).toBeUndefined();
    expect(wininetBypasses(list, url('mail.fabrikam.com', 8443))).toBe('mail.fabrikam.com:8443');
    expect(wininetBypasses(list, url('mail.fabrikam.com', 443))).toBeUndefined();
    expect(wininetBypasses(list, url('mail.contoso.com'))).toBeUndefined();
    expect(wininetBypasses([], url('localhost'))).toBe('(loopback)');
    expect(wininetBypasses(['<-loopback>'], url('127.0.0.1'))).toBeUndefined();
  });

  it('NO_PROXY: suffixes, leading dot, *, CIDR, ports', () => {
    expect(noProxyBypasses('contoso.com', { host: 'mail.contoso.com', port: 443 })).toBe('contoso.com');
    expect(noProxyBypasses('.contoso.com', { host: 'contoso.com', port: 443 })).toBe('.contoso.com');
    expect(noProxyBypasses('notcontoso.com', { host: 'contoso.com', port: 443 })).toBeUndefined();
    expect(noProxyBypasses('localhost, 10.0.0.0/8', { host: '10.2.3.4', port: 443 })).toBe('10.0.0.0/8');
    expect(noProxyBypasses('mail.contoso.com:8443', { host: 'mail.contoso.com', port: 443 })).toBeUndefined();
    expect(noProxyBypasses('*', { host: 'anything', port: 1 })).toBe('*');
  });

  it('macOS exceptions: wildcards, domain suffixes, short CIDR', () => {
    expect(macosBypasses(['*.local', '169.254/16', 'contoso.com'], 'mail.contoso.com')).toBe('contoso.com');
    expect(macosBypasses(['*.local', '169.254/16'], '169.254.3.4')).toBe('169.254/16');
    expect(macosBypasses(['*.local'], 'printer.local')).toBe('*.local');
    expect(macosBypasses(['*.local'], 'mail.contoso.com')).toBeUndefined();
  });
});

describe('PAC answers', () => {
  it('reads proxies in order and DIRECT', () => {
    expect(parsePacResult('PROXY p1.contoso.com:8080; proxy p2.contoso.com:3128;DIRECT')).toEqual({
      proxies: [
        { url: 'http://p1.contoso.com:8080', host: 'p1.contoso.com', port: 8080 },
        { url: 'http://p2.contoso.com:3128', host: 'p2.contoso.com', port: 3128 },
      ],
      directFallback: true,
    });
    expect(parsePacResult('HTTPS secure.contoso.com:443')).toMatchObject({ proxies: [{ url: 'https://secure.contoso.com:443' }], directFallback: false });
    expect(parsePacResult('SOCKS5 s.contoso.com:1080')).toMatchObject({ proxies: [{ url: 'socks5://s.contoso.com:1080' }] });
  });

  it('DIRECT first means direct; null and empty mean direct', () => {
    expect(parsePacResult('DIRECT; PROXY p:8080')).toEqual({ proxies: [], directFallback: true });
    expect(parsePacResult(null)).toEqual({ proxies: [], directFallback: true });
    expect(parsePacResult(' ; ')).toEqual({ proxies: [], directFallback: true });
  });

  it('rejects answers that are not PAC answers', () => {
    expect(parsePacResult(42)).toEqual({ error: 'FindProxyForURL returned number, not a string' });
    expect(parsePacResult('PROXY')).toHaveProperty('error');
    expect(parsePacResult('PROXIES p:8080')).toHaveProperty('error');
    expect(parsePacResult('PROXY a b')).toHaveProperty('error');
  });
});

describe('WPAD names', () => {
  it('devolves each suffix down to two labels, without duplicates', () => {
    expect(wpadCandidates(['sub.corp.contoso.com', 'corp.contoso.com', 'fabrikam.com', 'local', ''])).toEqual([
      'wpad.sub.corp.contoso.com',
      'wpad.corp.contoso.com',
      'wpad.contoso.com',
      'wpad.fabrikam.com',
    ]);
    expect(wpadUrl('wpad.contoso.com')).toBe('http://wpad.contoso.com/wpad.dat');
    expect(wpadUrl('wpad.contoso.com', 8080)).toBe('http://wpad.contoso.com:8080/wpad.dat');
  });
});
