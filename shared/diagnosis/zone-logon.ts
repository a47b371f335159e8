import type { Evidence } from '../model/evidence';
import { autoLogonBlock, type AutoLogonBlock } from '../model/system-lookups';
import { withData } from './evidence-queries';
import { normalizeHost } from './ip-address';

/** What a sign-in finding adds when the zone settings keep Windows from signing in by itself. */
export interface ZoneLogonNote {
  /** The `collector.internet-zones` result. */
  id: string;
  note: AutoLogonBlock;
  zoneHost: string;
}

/**
 * The first of these hosts Windows will not sign in to with the user's Windows account by
 * itself (Internet zone, or a zone whose Logon setting prompts), from the Internet zone settings
 * collected (Windows); null when none or when the settings were not read.
 */
export function zoneLogonNote(evidence: Evidence, hosts: readonly string[]): ZoneLogonNote | null {
  const zones = withData(evidence, 'collector.internet-zones').find((r) => r.data.parsed);
  if (!zones?.data.parsed) return null;
  for (const host of new Set(hosts.map(normalizeHost))) {
    const block = autoLogonBlock(zones.data.parsed, host);
    if (block) return { id: zones.id, note: block.reason, zoneHost: host };
  }
  return null;
}
