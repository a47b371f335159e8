import type { OutlookAccountData, OutlookProfileAccount, RegistryValue } from '../../../shared/model/probe-data';
import { defineCollector } from './collector';
import { OFFICE_VERSION } from './outlook-settings';
import { REG_QUERY_TIMEOUT_MS, binaryUtf16, findValue, regQueryCommand, regValues } from './reg-query';

const OUTLOOK_KEY = `HKCU\\Software\\Microsoft\\Office\\${OFFICE_VERSION}\\Outlook`;

/**
 * Profile values are MAPI properties named by their byte-swapped tag (type first): PT_UNICODE
 * (001f) in the profile range 0x66xx, stored as REG_BINARY UTF-16LE. Searching value names for
 * `001f66` reads exactly these and nothing else of the profile (no stored passwords of POP/IMAP
 * accounts, which live in other values).
 */
const PROFILE_VALUE_PREFIX = '001f66';
const TAGS = {
  smtpAddress: '001f6641', // PR_PROFILE_USER_SMTP_EMAIL_ADDRESS_W
  mapiHttpInternalUrl: '001f6652', // PR_PROFILE_MAPIHTTP_MAILSTORE_INTERNAL_URL
  mapiHttpExternalUrl: '001f6653', // PR_PROFILE_MAPIHTTP_MAILSTORE_EXTERNAL_URL
  rpcProxyServer: '001f6622', // PR_PROFILE_RPC_PROXY_SERVER_W
  homeServerFqdn: '001f662a', // PR_PROFILE_HOME_SERVER_FQDN
  lastKnownGoodAutodiscoverUrl: '001f664a', // PR_PROFILE_LKG_AUTODISCOVER_URL
} as const;

/** `https://mail.contoso.com/mapi/emsmdb/?MailboxId=…` → `mail.contoso.com`. */
function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase() || null;
  } catch {
    return null;
  }
}

/**
 * Finds the Exchange accounts in the Outlook profiles and the default profile's primary one.
 *
 * `defaultProfile`: the values of `…\Outlook /v DefaultProfile`; `profileValues`: the `001f66*`
 * values under `…\Outlook\Profiles`. Sections of one profile that name the same mailbox are
 * merged. The server is the host of the external MAPI over HTTP URL (works inside and outside),
 * else the internal one, else the Outlook Anywhere proxy.
 */
export function parseOutlookAccounts(defaultProfile: RegistryValue[] | null, profileValues: RegistryValue[] | null): OutlookAccountData | null {
  if (defaultProfile === null && profileValues === null) return null;
  const defaultName = findValue(defaultProfile ?? [], 'DefaultProfile');
  const byKey = new Map<string, RegistryValue[]>();
  for (const v of profileValues ?? []) byKey.set(v.key, [...(byKey.get(v.key) ?? []), v]);

  const profiles: string[] = [];
  const accounts: OutlookProfileAccount[] = [];
  for (const [key, values] of byKey) {
    const profile = /\\Profiles\\([^\\]+)/i.exec(key)?.[1];
    if (!profile) continue;
    if (!profiles.includes(profile)) profiles.push(profile);
    const read = (tag: string) => {
      const v = findValue(values, tag);
      return typeof v?.data === 'string' ? binaryUtf16(v.data) || null : null;
    };
    const account: OutlookProfileAccount = {
      profile,
      key,
      smtpAddress: read(TAGS.smtpAddress)?.toLowerCase() ?? null,
      mapiHttpInternalUrl: read(TAGS.mapiHttpInternalUrl),
      mapiHttpExternalUrl: read(TAGS.mapiHttpExternalUrl),
      rpcProxyServer: read(TAGS.rpcProxyServer),
      homeServerFqdn: read(TAGS.homeServerFqdn),
      lastKnownGoodAutodiscoverUrl: read(TAGS.lastKnownGoodAutodiscoverUrl),
      server: null,
    };
    if (!account.smtpAddress && !account.mapiHttpExternalUrl && !account.mapiHttpInternalUrl && !account.rpcProxyServer) continue;
    const same = accounts.find((a) => a.profile === profile && a.smtpAddress !== null && a.smtpAddress === account.smtpAddress);
    if (same) {
      for (const field of Object.keys(TAGS) as (keyof typeof TAGS)[]) same[field] ??= account[field];
    } else {
      accounts.push(account);
    }
  }
  for (const a of accounts) a.server = hostOf(a.mapiHttpExternalUrl) ?? hostOf(a.mapiHttpInternalUrl) ?? (a.rpcProxyServer?.toLowerCase() || null);

  const defaultProfileName = typeof defaultName?.data === 'string' && defaultName.data !== '' ? defaultName.data : profiles.length === 1 ? profiles[0]! : null;
  const candidates = accounts.filter((a) => a.profile === defaultProfileName);
  const primary = candidates.find((a) => a.smtpAddress && a.server) ?? candidates.find((a) => a.smtpAddress) ?? candidates[0] ?? null;
  return { defaultProfile: defaultProfileName, profiles, accounts, primary };
}

/** The Exchange account of the Outlook profile: mailbox address and server (Windows). */
export const outlookAccountCollector = defineCollector({
  id: 'collector.outlook-account',
  title: 'Outlook profile account',
  platforms: ['win32'],
  timeoutMs: REG_QUERY_TIMEOUT_MS,
  commands: [
    regQueryCommand('system/reg-outlook-default-profile.txt', [OUTLOOK_KEY, '/v', 'DefaultProfile']),
    regQueryCommand('system/reg-outlook-profiles.txt', [`${OUTLOOK_KEY}\\Profiles`, '/s', '/f', PROFILE_VALUE_PREFIX, '/v']),
  ],
  parse: ([defaultProfile, profiles]) => parseOutlookAccounts(regValues(defaultProfile), regValues(profiles)),
  summarize: (data) =>
    data.primary
      ? `profile ${data.primary.profile}: ${data.primary.smtpAddress ?? '(no address)'} on ${data.primary.server ?? '(no server)'}`
      : `${data.profiles.length} profile(s), no Exchange account found`,
});
