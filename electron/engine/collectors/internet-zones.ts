import type { InternetZonesData, RegistryValue, ZoneMapping } from '../../../shared/model/probe-data';
import { defineCollector } from './collector';
import { REG_QUERY_TIMEOUT_MS, regQueryCommand, regValues } from './reg-query';

const SETTINGS = 'Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings';
const POLICY_SETTINGS = 'Software\\Policies\\Microsoft\\Windows\\CurrentVersion\\Internet Settings';

/** "User Authentication: Logon" (URL action 1A00) values, from urlmon.h. */
const LOGON_MEANING: Record<number, InternetZonesData['logon'][number]['meaning']> = {
  0x00000: 'automatic',
  0x10000: 'prompt',
  0x20000: 'intranet-only',
  0x30000: 'anonymous',
};

/** `…\ZoneMap\Domains\contoso.com\mail` with value `https = 1` → `mail.contoso.com`, https, zone 1. */
export function domainMappings(values: readonly RegistryValue[], source: ZoneMapping['source']): ZoneMapping[] {
  const result: ZoneMapping[] = [];
  for (const v of values) {
    const path = /\\ZoneMap\\(?:Domains|EscDomains)\\(.+)$/i.exec(v.key)?.[1];
    if (!path || typeof v.data !== 'number') continue;
    const host = path.split('\\').reverse().join('.').toLowerCase();
    result.push({ host, scheme: v.name.toLowerCase(), zone: v.data, source });
  }
  return result;
}

/** "Site to Zone Assignment List" policy: value name `https://mail.contoso.com` or `*.contoso.com`, data `1`. */
export function policyMappings(values: readonly RegistryValue[], source: ZoneMapping['source']): ZoneMapping[] {
  const result: ZoneMapping[] = [];
  for (const v of values) {
    const zone = typeof v.data === 'string' ? Number(v.data) : typeof v.data === 'number' ? v.data : NaN;
    if (!Number.isInteger(zone)) continue;
    const match = /^(?:([a-z*]+):\/\/)?([^/]+)/i.exec(v.name.trim());
    if (!match) continue;
    result.push({ host: match[2]!.toLowerCase(), scheme: (match[1] ?? '*').toLowerCase(), zone, source });
  }
  return result;
}

/** 1A00 values found under `…\Zones\<n>`. */
export function logonSettings(values: readonly RegistryValue[], source: InternetZonesData['logon'][number]['source']): InternetZonesData['logon'] {
  return values
    .filter((v) => v.name.toUpperCase() === '1A00' && typeof v.data === 'number')
    .map((v) => {
      const zone = Number(/\\Zones\\(\d+)$/i.exec(v.key)?.[1] ?? NaN);
      const value = v.data as number;
      return { zone, value, meaning: LOGON_MEANING[value] ?? 'other', source };
    })
    .filter((l) => Number.isInteger(l.zone));
}

const COMMANDS = [
  { artifact: 'system/reg-zonemap-domains-user.txt', args: [`HKCU\\${SETTINGS}\\ZoneMap\\Domains`, '/s'] },
  { artifact: 'system/reg-zonemap-domains-machine.txt', args: [`HKLM\\${SETTINGS}\\ZoneMap\\Domains`, '/s'] },
  { artifact: 'system/reg-zonemapkey-user-policy.txt', args: [`HKCU\\${POLICY_SETTINGS}\\ZoneMapKey`] },
  { artifact: 'system/reg-zonemapkey-machine-policy.txt', args: [`HKLM\\${POLICY_SETTINGS}\\ZoneMapKey`] },
  { artifact: 'system/reg-zones-logon-user.txt', args: [`HKCU\\${SETTINGS}\\Zones`, '/s', '/f', '1A00', '/v', '/e'] },
  { artifact: 'system/reg-zones-logon-user-policy.txt', args: [`HKCU\\${POLICY_SETTINGS}\\Zones`, '/s', '/f', '1A00', '/v', '/e'] },
  { artifact: 'system/reg-zones-logon-machine-policy.txt', args: [`HKLM\\${POLICY_SETTINGS}\\Zones`, '/s', '/f', '1A00', '/v', '/e'] },
] as const;

/**
 * Internet zone settings that decide whether Windows signs in to the Exchange host without asking:
 * the site-to-zone mappings (own and policy) and the "Logon" setting per zone (Windows).
 */
export const internetZonesCollector = defineCollector({
  id: 'collector.internet-zones',
  title: 'Internet zones (sign-in)',
  platforms: ['win32'],
  timeoutMs: REG_QUERY_TIMEOUT_MS,
  commands: COMMANDS.map((c) => regQueryCommand(c.artifact, c.args)),
  parse: (outputs) => {
    const v = outputs.map(regValues);
    if (v.every((x) => x === null)) return null;
    const data: InternetZonesData = {
      mappings: [
        ...policyMappings(v[3] ?? [], 'machine-policy'),
        ...policyMappings(v[2] ?? [], 'user-policy'),
        ...domainMappings(v[0] ?? [], 'user'),
        ...domainMappings(v[1] ?? [], 'machine'),
      ],
      // Machine policy beats user policy beats the user's own setting: the first per zone counts.
      logon: [...logonSettings(v[6] ?? [], 'machine-policy'), ...logonSettings(v[5] ?? [], 'user-policy'), ...logonSettings(v[4] ?? [], 'user')].filter(
        (l, i, all) => all.findIndex((o) => o.zone === l.zone) === i,
      ),
    };
    return data;
  },
  summarize: (data) =>
    `${data.mappings.length} site-to-zone mapping(s); intranet logon: ${data.logon.find((l) => l.zone === 1)?.meaning ?? 'default'}`,
});
