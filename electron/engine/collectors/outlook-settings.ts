import type { EffectiveRegistryValue, OutlookSettingsData, RegistryValue } from '../../../shared/model/probe-data';
import { defineCollector } from './collector';
import { REG_QUERY_TIMEOUT_MS, findValue, regQueryCommand, regValues } from './reg-query';

/** Outlook 2016, 2019, 2021, 2024 and Microsoft 365 all keep their settings under 16.0. */
export const OFFICE_VERSION = '16.0';

const OUTLOOK_KEY = `HKCU\\Software\\Microsoft\\Office\\${OFFICE_VERSION}\\Outlook`;
const OUTLOOK_POLICY_KEY = `HKCU\\Software\\Policies\\Microsoft\\Office\\${OFFICE_VERSION}\\Outlook`;

/** The AutoDiscover switches of KB 3211279, by the field name in OutlookSettingsData. */
const AUTODISCOVER_SWITCHES = {
  preferLocalXml: 'PreferLocalXML',
  excludeLastKnownGoodUrl: 'ExcludeLastKnownGoodURL',
  excludeExplicitO365Endpoint: 'ExcludeExplicitO365Endpoint',
  excludeScpLookup: 'ExcludeScpLookup',
  excludeHttpsRootDomain: 'ExcludeHttpsRootDomain',
  excludeHttpsAutoDiscoverDomain: 'ExcludeHttpsAutoDiscoverDomain',
  excludeHttpRedirect: 'ExcludeHttpRedirect',
  excludeSrvRecord: 'ExcludeSrvRecord',
} as const;

/** Policy first, then the user's own key, for each group of settings (Outlook lets a policy win). */
const GROUPS: { name: string; policy: string; user: string }[] = [
  { name: 'autodiscover', policy: `${OUTLOOK_POLICY_KEY}\\AutoDiscover`, user: `${OUTLOOK_KEY}\\AutoDiscover` },
  { name: 'exchange', policy: 'HKCU\\Software\\Policies\\Microsoft\\Exchange', user: 'HKCU\\Software\\Microsoft\\Exchange' },
  { name: 'rpc', policy: `${OUTLOOK_POLICY_KEY}\\RPC`, user: `${OUTLOOK_KEY}\\RPC` },
];

/** Values of the policy key win over those of the user's key with the same name. */
export function effectiveValues(policy: readonly RegistryValue[], user: readonly RegistryValue[]): EffectiveRegistryValue[] {
  const result: EffectiveRegistryValue[] = policy.map((v) => {
    const mine = findValue(user, v.name);
    return { ...v, source: 'policy', ...(mine ? { overridden: mine } : {}) };
  });
  for (const v of user) if (!findValue(policy, v.name)) result.push({ ...v, source: 'user' });
  return result;
}

/** Reads the settings from the outputs of the six `reg query` commands (policy, user per group). */
export function parseOutlookSettings(groups: { policy: RegistryValue[] | null; user: RegistryValue[] | null }[]): OutlookSettingsData | null {
  if (groups.every((g) => g.policy === null && g.user === null)) return null;
  const [autodiscover, exchange, rpc] = groups.map((g) => effectiveValues(g.policy ?? [], g.user ?? [])) as [
    EffectiveRegistryValue[],
    EffectiveRegistryValue[],
    EffectiveRegistryValue[],
  ];
  const switches: OutlookSettingsData['autodiscover'] = {};
  for (const [field, name] of Object.entries(AUTODISCOVER_SWITCHES) as [keyof typeof AUTODISCOVER_SWITCHES, string][]) {
    const value = findValue(autodiscover, name);
    if (value && typeof value.data === 'number') switches[field] = value.data === 1;
  }
  const mapi = findValue(exchange, 'MapiHttpDisabled');
  return {
    officeVersion: OFFICE_VERSION,
    autodiscover: switches,
    mapiHttpDisabled: mapi && typeof mapi.data === 'number' ? mapi.data === 1 : null,
    values: [...autodiscover, ...exchange, ...rpc],
  };
}

/**
 * Outlook's registry settings that change how it finds and reaches Exchange: the AutoDiscover
 * switches (`Exclude*`, `PreferLocalXML`), `MapiHttpDisabled` and the RPC settings, each from the
 * policy key and the user's key (Windows).
 */
export const outlookSettingsCollector = defineCollector({
  id: 'collector.outlook-settings',
  title: 'Outlook registry settings',
  platforms: ['win32'],
  timeoutMs: REG_QUERY_TIMEOUT_MS,
  commands: GROUPS.flatMap((g) => [
    regQueryCommand(`system/reg-${g.name}-policy.txt`, [g.policy]),
    regQueryCommand(`system/reg-${g.name}.txt`, [g.user]),
  ]),
  parse: (outputs) =>
    parseOutlookSettings(GROUPS.map((_, i) => ({ policy: regValues(outputs[2 * i]), user: regValues(outputs[2 * i + 1]) }))),
  summarize: (data) => {
    const set = Object.entries(data.autodiscover)
      .filter(([, on]) => on)
      .map(([name]) => name);
    return `${data.values.length} value(s)${set.length ? `; AutoDiscover: ${set.join(', ')}` : ''}${data.mapiHttpDisabled ? '; MAPI over HTTP disabled' : ''}`;
  },
});
