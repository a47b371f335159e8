import type { DnsCacheData, InternetZonesData, KerberosTicket, KerberosTicketsData, TimeSyncData, ZoneMapping } from './probe-data';

/**
 * Small questions rules ask of the system collectors' data, answered once here.
 */

/** What the operating system's DNS cache holds for a name: its CNAME chain and final addresses. */
export interface CachedName {
  cnames: string[];
  addresses: string[];
  /** A cached negative answer ("Name does not exist."). */
  negative?: string;
}

/**
 * The cache entry for a name, following the CNAME records of its block; null when the name is not
 * cached. Addresses are those of A/AAAA records in the answer section.
 */
export function cachedName(data: DnsCacheData, name: string): CachedName | null {
  const wanted = name.toLowerCase().replace(/\.$/, '');
  const entry = data.entries.find((e) => e.name === wanted);
  if (!entry) return null;
  const cnames: string[] = [];
  let current = wanted;
  for (let hops = 0; hops < 16; hops += 1) {
    const cname = entry.records.find((r) => r.typeName === 'CNAME' && r.name === current);
    if (!cname) break;
    current = cname.data.toLowerCase().replace(/\.$/, '');
    cnames.push(current);
  }
  const addresses = entry.records.filter((r) => (r.typeName === 'A' || r.typeName === 'AAAA') && r.section === 'answer').map((r) => r.data);
  return { cnames, addresses, ...(entry.negative ? { negative: entry.negative } : {}) };
}

/** The cached service ticket for `HTTP/<host>` (what Negotiate/Kerberos to Exchange needs), if any. */
export function httpTicketFor(data: KerberosTicketsData, host: string): KerberosTicket | null {
  const spn = `http/${host.toLowerCase()}`;
  return data.tickets.find((t) => t.server.toLowerCase() === spn) ?? null;
}

/**
 * The zone Windows puts a host in by the mappings found: a policy mapping beats the user's own,
 * a more specific one beats a broader one (`mail.contoso.com` before `*.contoso.com`). A mapping
 * `contoso.com` or `*.contoso.com` covers the names under it. Null: no mapping (Windows then
 * decides by other rules: dotless names are intranet, the rest internet).
 */
export function zoneForHost(data: InternetZonesData, host: string, scheme = 'https'): ZoneMapping | null {
  const name = host.toLowerCase();
  const rank: Record<ZoneMapping['source'], number> = { 'machine-policy': 0, 'user-policy': 1, user: 2, machine: 3 };
  let best: { mapping: ZoneMapping; score: [number, number] } | null = null;
  for (const mapping of data.mappings) {
    if (mapping.scheme !== '*' && mapping.scheme !== scheme) continue;
    const pattern = mapping.host.replace(/^\*\./, '');
    const exact = name === mapping.host;
    if (!exact && !(name === pattern || name.endsWith(`.${pattern}`))) continue;
    const score: [number, number] = [rank[mapping.source], -(exact ? 1000 : pattern.length)];
    if (!best || score[0] < best.score[0] || (score[0] === best.score[0] && score[1] < best.score[1])) best = { mapping, score };
  }
  return best?.mapping ?? null;
}

/** w32tm's sources that mean "not synchronised with anything": the PC's own hardware clock. */
const LOCAL_CLOCK_SOURCE = /local cmos clock|lokale cmos|free.?running|freilaufend/i;

/** Whether a w32tm time source is the computer's own clock (`Local CMOS Clock`, `Free-running System Clock`). */
export function isLocalClockSource(source: string | null): boolean {
  return source !== null && LOCAL_CLOCK_SOURCE.test(source);
}

/**
 * What the Windows time service says about the clock, in the words a finding uses: not running,
 * running on the computer's own clock, not synchronised from its source, or synchronised.
 * Null when w32tm does not tell.
 */
export function timeSyncState(data: TimeSyncData): 'service-stopped' | 'local-clock' | 'not-synchronized' | 'synchronized' | null {
  if (!data.serviceRunning) return 'service-stopped';
  if (isLocalClockSource(data.source)) return 'local-clock';
  if (data.synchronized === false) return 'not-synchronized';
  if (data.synchronized === true) return 'synchronized';
  return null;
}

/** Why Windows does not sign in to a host by itself: the zone it is in, or its zone's Logon setting. */
export type AutoLogonBlock = 'zone-internet' | 'zone-restricted' | 'zone-trusted' | 'zone-logon-prompt' | 'zone-logon-anonymous';

const ZONE_LOCAL_INTRANET = 1;
const ZONE_TRUSTED = 2;
const ZONE_INTERNET = 3;
const ZONE_RESTRICTED = 4;

/**
 * Why Windows would not sign in to a host with the user's Windows account by itself, from the
 * zone settings read: the host's zone and that zone's "User Authentication: Logon" (1A00).
 *
 * Automatic sign-in (Negotiate/NTLM without asking) happens where 1A00 says "automatic logon
 * with current user name and password", or "automatic logon only in intranet zone" and the host
 * is in the Local intranet zone. Without a Logon value the Internet zone's default is the latter
 * and the Restricted zone never signs in by itself; a Trusted sites zone is judged only by its
 * value. Null when Windows would sign in, or the settings read do not tell (no mapping for a
 * dotted name: then Windows' own intranet detection decides).
 */
export function autoLogonBlock(data: InternetZonesData, host: string): { reason: AutoLogonBlock; zone: number; mapping: ZoneMapping | null } | null {
  const name = host.toLowerCase().replace(/\.$/, '');
  const mapping = zoneForHost(data, name);
  // A name without dots is in the Local intranet zone unless mapped elsewhere.
  const zone = mapping?.zone ?? (!name.includes('.') && !name.includes(':') ? ZONE_LOCAL_INTRANET : null);
  if (zone === null) return null;
  const logon = data.logon.find((l) => l.zone === zone)?.meaning;
  const block = (reason: AutoLogonBlock) => ({ reason, zone, mapping });
  if (logon === 'prompt') return block('zone-logon-prompt');
  if (logon === 'anonymous') return block('zone-logon-anonymous');
  if (logon === 'automatic' || logon === 'other') return null;
  // Here the Logon value is "intranet only", or absent.
  if (zone === ZONE_INTERNET) return block('zone-internet');
  if (zone === ZONE_RESTRICTED) return block('zone-restricted');
  if (zone === ZONE_TRUSTED && logon === 'intranet-only') return block('zone-trusted');
  return null;
}
