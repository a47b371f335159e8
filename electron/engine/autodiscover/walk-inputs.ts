import type { OutlookSettingsData, ScpEntry, SrvTarget } from '../../../shared/model/probe-data';
import type { ProbeResult } from '../../../shared/model/probe-result';
import { probesOf } from '../../../shared/model/evidence';

/**
 * What decides Outlook's Autodiscover order on this computer, read from the run's evidence.
 *
 * Pure over probe results, so a test builds the Windows collectors' results by hand and runs the
 * walk's planning on any platform.
 */
export interface WalkInputs {
  domain: string;
  email: string;
  /** Windows: the local XML, last known good and SCP steps exist at all. */
  windows: boolean;
  /** Effective AutoDiscover switches (policy key wins), as `Name: 0|1`; absent off Windows or unread. */
  registry?: Record<string, number>;
  switches: OutlookSettingsData['autodiscover'];
  /** `HKCU\Software\Microsoft\Exchange\MapiHttpDisabled` = 1: Outlook sends no X-MapiHttpCapability. */
  mapiHttpDisabled: boolean;
  /** The admin's local XML for this domain (REG_SZ value named after the domain under AutoDiscover). */
  localXmlPath?: string;
  /** Last known good Autodiscover URL of the profile's primary mailbox, if that is this mailbox. */
  lastKnownGood?: string;
  /** `true` joined, `false` not (nltest found no DC), undefined unknown. */
  domainJoined?: boolean;
  /** The SCP lookup: entries, or why there are none. */
  scp?: { entries: ScpEntry[]; error?: string };
  /** Client's AD site (nltest), to order SCPs like Outlook: same site, no site, other sites. */
  clientSite?: string;
  /** SRV records of `_autodiscover._tcp.<domain>` in client order; undefined when not asked or failed. */
  srv?: SrvTarget[];
  srvError?: string;
  /** Heuristics say the mailbox is in Exchange Online (Outlook's "O365 as priority", step 4). */
  microsoft365: boolean;
}

/** Registry value names of the switches, as Outlook reads them (KB 3211279). */
export const SWITCH_NAMES: Record<keyof OutlookSettingsData['autodiscover'], string> = {
  preferLocalXml: 'PreferLocalXML',
  excludeLastKnownGoodUrl: 'ExcludeLastKnownGoodURL',
  excludeExplicitO365Endpoint: 'ExcludeExplicitO365Endpoint',
  excludeScpLookup: 'ExcludeScpLookup',
  excludeHttpsRootDomain: 'ExcludeHttpsRootDomain',
  excludeHttpsAutoDiscoverDomain: 'ExcludeHttpsAutoDiscoverDomain',
  excludeHttpRedirect: 'ExcludeHttpRedirect',
  excludeSrvRecord: 'ExcludeSrvRecord',
};

/** Names that mark a tenant of Exchange Online when the Autodiscover name points to them. */
const EXCHANGE_ONLINE_NAMES = /(^|\.)(outlook\.com|office365\.com|outlook\.office365\.com|partner\.outlook\.cn)$/i;

export function walkInputs(results: readonly ProbeResult[], email: string, platform: NodeJS.Platform, serverHost?: string): WalkInputs {
  const evidence = { probes: results };
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  const windows = platform === 'win32';
  const settings = probesOf(evidence, 'collector.outlook-settings')[0]?.data?.parsed ?? undefined;
  const switches = settings?.autodiscover ?? {};
  const inputs: WalkInputs = { domain, email, windows, switches, mapiHttpDisabled: settings?.mapiHttpDisabled === true, microsoft365: false };

  if (settings) {
    const registry: Record<string, number> = {};
    for (const [field, name] of Object.entries(SWITCH_NAMES) as [keyof typeof SWITCH_NAMES, string][]) {
      const on = switches[field];
      if (on !== undefined) registry[name] = on ? 1 : 0;
    }
    inputs.registry = registry;
    const local = settings.values.find((v) => /\\AutoDiscover$/i.test(v.key) && v.name.toLowerCase() === domain && typeof v.data === 'string' && v.data.trim() !== '');
    if (local) inputs.localXmlPath = (local.data as string).trim();
  }

  const account = probesOf(evidence, 'collector.outlook-account')[0]?.data?.parsed?.primary;
  if (account?.lastKnownGoodAutodiscoverUrl && account.smtpAddress?.toLowerCase() === email.toLowerCase()) {
    inputs.lastKnownGood = account.lastKnownGoodAutodiscoverUrl;
  }

  const dc = probesOf(evidence, 'collector.nltest-dsgetdc')[0]?.data?.parsed;
  if (dc) {
    inputs.domainJoined = dc.dcFound;
    if (dc.clientSite) inputs.clientSite = dc.clientSite;
  }
  const scp = probesOf(evidence, 'collector.ad-scp')[0];
  if (scp?.data?.parsed) inputs.scp = scp.data.parsed;
  else if (scp) inputs.scp = { entries: [], error: scp.summary };

  const srv = probesOf(evidence, 'dns.srv').find((r) => r.data?.name.toLowerCase() === `_autodiscover._tcp.${domain}`);
  if (srv?.data) {
    if (srv.status === 'ok') inputs.srv = srv.data.records;
    else inputs.srvError = srv.data.error?.message ?? srv.summary;
  } else if (srv) {
    inputs.srvError = srv.summary;
  }

  const chain = probesOf(evidence, 'dns.direct')
    .filter((r) => r.data?.name.toLowerCase() === `autodiscover.${domain}`)
    .flatMap((r) => r.data?.cnameChain ?? []);
  const server = serverHost?.toLowerCase();
  inputs.microsoft365 =
    chain.some((name) => EXCHANGE_ONLINE_NAMES.test(name.replace(/\.$/, ''))) ||
    (inputs.lastKnownGood !== undefined && EXCHANGE_ONLINE_NAMES.test(hostOf(inputs.lastKnownGood))) ||
    (server !== undefined && EXCHANGE_ONLINE_NAMES.test(server));
  return inputs;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
