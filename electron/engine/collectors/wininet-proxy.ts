import type { RegistryValue, WinInetProxyData } from '../../../shared/model/probe-data';
import { defineCollector } from './collector';
import { findValue, REG_QUERY_TIMEOUT_MS, regQueryCommand, regValues } from './reg-query';

const SETTINGS = 'Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings';
const POLICY_SETTINGS = 'Software\\Policies\\Microsoft\\Windows\\CurrentVersion\\Internet Settings';

/** Flags of DefaultConnectionSettings (the INTERNET_PER_CONN_FLAGS values of wininet.h). */
const FLAG_PROXY = 0x02;
const FLAG_AUTO_PROXY_URL = 0x04;
const FLAG_AUTO_DETECT = 0x08;

/** What the binary DefaultConnectionSettings value holds. */
export interface ConnectionSettings {
  flags: number;
  proxyServer: string;
  bypass: string;
  autoConfigUrl: string;
}

/**
 * Decodes DefaultConnectionSettings (REG_BINARY, printed as hex by `reg query`).
 *
 * Layout, little-endian: version (4 bytes), change counter (4), flags (4), then three strings
 * each prefixed by its byte length (4): proxy server, bypass list, configuration script URL;
 * further bytes follow that WinINET keeps for itself. Strings are ANSI; the values here are
 * host names and URLs, so Latin-1 reads them. Returns null for data that does not fit.
 */
export function parseConnectionSettings(hex: string): ConnectionSettings | null {
  if (!/^([0-9a-f]{2})+$/i.test(hex)) return null;
  const bytes = Buffer.from(hex, 'hex');
  if (bytes.length < 12) return null;
  const flags = bytes.readUInt32LE(8);
  let offset = 12;
  const strings: string[] = [];
  for (let i = 0; i < 3; i += 1) {
    // Older Windows versions end the value after the flags or after the first strings.
    if (offset + 4 > bytes.length) {
      strings.push('');
      continue;
    }
    const length = bytes.readUInt32LE(offset);
    offset += 4;
    if (length > bytes.length - offset) return null;
    strings.push(bytes.toString('latin1', offset, offset + length));
    offset += length;
  }
  return { flags, proxyServer: strings[0]!, bypass: strings[1]!, autoConfigUrl: strings[2]! };
}

/** `a;b; <local>` → ['a', 'b', '<local>']; WinINET also accepts blanks and commas between entries. */
export function splitBypassList(text: string): string[] {
  return text
    .split(/[;,\s]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const text = (v: RegistryValue | undefined) => (typeof v?.data === 'string' && v.data.trim() !== '' ? v.data.trim() : null);

/**
 * The settings of one hive: the binary connection settings when present (the dialog writes them
 * and WinINET reads them), else the plain values (written by scripts and older policies).
 */
export function wininetSettings(values: readonly RegistryValue[], connection: readonly RegistryValue[], scope: WinInetProxyData['scope']): WinInetProxyData {
  const blob = findValue(connection, 'DefaultConnectionSettings');
  const decoded = typeof blob?.data === 'string' ? parseConnectionSettings(blob.data) : null;
  if (decoded) {
    return {
      scope,
      proxyEnabled: (decoded.flags & FLAG_PROXY) !== 0,
      proxyServer: decoded.proxyServer.trim() || text(findValue(values, 'ProxyServer')),
      bypassList: splitBypassList(decoded.bypass || (text(findValue(values, 'ProxyOverride')) ?? '')),
      autoConfigUrl: (decoded.flags & FLAG_AUTO_PROXY_URL) !== 0 ? decoded.autoConfigUrl.trim() || text(findValue(values, 'AutoConfigURL')) : null,
      autoDetect: (decoded.flags & FLAG_AUTO_DETECT) !== 0,
      flagsFrom: 'connection-settings',
    };
  }
  const enable = findValue(values, 'ProxyEnable');
  const autoDetect = findValue(values, 'AutoDetect');
  return {
    scope,
    proxyEnabled: enable?.data === 1,
    proxyServer: text(findValue(values, 'ProxyServer')),
    bypassList: splitBypassList(text(findValue(values, 'ProxyOverride')) ?? ''),
    autoConfigUrl: text(findValue(values, 'AutoConfigURL')),
    autoDetect: typeof autoDetect?.data === 'number' ? autoDetect.data === 1 : null,
    flagsFrom: 'values',
  };
}

const COMMANDS = [
  { artifact: 'system/reg-internet-settings-user.txt', args: [`HKCU\\${SETTINGS}`] },
  { artifact: 'system/reg-internet-settings-connections-user.txt', args: [`HKCU\\${SETTINGS}\\Connections`, '/v', 'DefaultConnectionSettings'] },
  { artifact: 'system/reg-internet-settings-per-user-policy.txt', args: [`HKLM\\${POLICY_SETTINGS}`, '/v', 'ProxySettingsPerUser'] },
  { artifact: 'system/reg-internet-settings-machine.txt', args: [`HKLM\\${SETTINGS}`] },
  { artifact: 'system/reg-internet-settings-connections-machine.txt', args: [`HKLM\\${SETTINGS}\\Connections`, '/v', 'DefaultConnectionSettings'] },
] as const;

/**
 * The WinINET proxy settings Outlook follows (Windows): fixed proxy, bypass list, configuration
 * script, automatic detection; the user's own, or the machine's where the policy
 * ProxySettingsPerUser = 0 says so.
 */
export const winInetProxyCollector = defineCollector({
  id: 'collector.wininet-proxy',
  title: 'Internet Options proxy settings',
  platforms: ['win32'],
  timeoutMs: REG_QUERY_TIMEOUT_MS,
  commands: COMMANDS.map((c) => regQueryCommand(c.artifact, c.args)),
  parse: (outputs) => {
    const [user, userConnection, policy, machine, machineConnection] = outputs.map(regValues);
    const perUser = findValue(policy ?? [], 'ProxySettingsPerUser');
    if (perUser?.data === 0) {
      if (machine === null || machine === undefined) return null;
      return wininetSettings(machine, machineConnection ?? [], 'machine');
    }
    if (user === null || user === undefined) return null;
    return wininetSettings(user, userConnection ?? [], 'user');
  },
  summarize: (data) =>
    [
      data.autoDetect && 'detect automatically (WPAD)',
      data.autoConfigUrl && `script ${data.autoConfigUrl}`,
      data.proxyEnabled && `proxy ${data.proxyServer ?? '?'}${data.bypassList.length ? `, bypass ${data.bypassList.join(';')}` : ''}`,
    ]
      .filter(Boolean)
      .join('; ') || `no proxy (${data.scope} settings)`,
});
