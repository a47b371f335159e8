import { describe, expect, it } from 'vitest';
import { readCollectorFixture as fixture } from '../../../e2e/fixtures/collectors';
import type { CommandOutput } from './collector';
import { parseRegQuery } from './reg-query';
import { parseConnectionSettings, splitBypassList, winInetProxyCollector, wininetSettings } from './wininet-proxy';

const reg = (file: string) => parseRegQuery(fixture(`windows/${file}`));
const out = (file: string | null, exitCode = 0): CommandOutput => ({
  artifact: 'x',
  outcome: 'ok',
  exitCode,
  text: file ? fixture(`windows/${file}`) : '',
  stderr: '',
  truncated: false,
});

describe('WinINET proxy settings', () => {
  it('reads the binary connection settings the dialog writes: per-scheme proxy, bypass list with <local>, auto-detect', () => {
    expect(wininetSettings(reg('reg-internet-settings-user.txt'), reg('reg-internet-settings-connections-user.txt'), 'user')).toEqual({
      scope: 'user',
      proxyEnabled: true,
      proxyServer: 'http=proxy.contoso.com:8080;https=proxy.contoso.com:8443;ftp=proxy.contoso.com:2121;socks=socks.contoso.com:1080',
      bypassList: ['*.contoso.local', '10.*', 'https://owa.contoso.com', '<local>'],
      autoConfigUrl: null,
      // The binary flags win over the plain AutoDetect value (0 in the same fixture).
      autoDetect: true,
      flagsFrom: 'connection-settings',
    });
  });

  it('falls back to the plain values without binary settings (a configuration script set by a script or policy)', () => {
    expect(wininetSettings(reg('reg-internet-settings-user-script.txt'), [], 'user')).toEqual({
      scope: 'user',
      proxyEnabled: false,
      proxyServer: null,
      bypassList: [],
      autoConfigUrl: 'http://pac.contoso.com/proxy.pac',
      autoDetect: null,
      flagsFrom: 'values',
    });
  });

  it('uses the machine settings where the policy ProxySettingsPerUser = 0 says so', () => {
    const data = winInetProxyCollector.parse([
      out('reg-internet-settings-user.txt'),
      out('reg-internet-settings-connections-user.txt'),
      out('reg-internet-settings-per-user-policy.txt'),
      out('reg-internet-settings-machine.txt'),
      out(null, 1),
    ]);
    expect(data).toMatchObject({ scope: 'machine', proxyEnabled: true, proxyServer: 'proxy.contoso.com:3128', bypassList: ['<local>'] });
    expect(winInetProxyCollector.summarize(data!)).toBe('proxy proxy.contoso.com:3128, bypass <local>');
  });

  it('cannot say anything when the user key could not be read', () => {
    expect(winInetProxyCollector.parse([out(null, 5), out(null, 1), out(null, 1), out(null, 1), out(null, 1)])).toBeNull();
  });

  it('rejects binary settings that do not fit, and splits bypass lists the way WinINET accepts them', () => {
    expect(parseConnectionSettings('46000000')).toBeNull();
    expect(parseConnectionSettings('zz')).toBeNull();
    // A string length beyond the data.
    expect(parseConnectionSettings('460000000100000003000000FF000000')).toBeNull();
    // Flags only (older Windows): no strings.
    expect(parseConnectionSettings('460000000100000009000000')).toEqual({ flags: 9, proxyServer: '', bypass: '', autoConfigUrl: '' });
    expect(splitBypassList(' a.b ; ;*.c,d <local>')).toEqual(['a.b', '*.c', 'd', '<local>']);
  });
});
