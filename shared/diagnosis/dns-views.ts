import type { Evidence } from '../model/evidence';
import type { DnsCacheEntry, DnsErrorKind } from '../model/probe-data';
import { localNetworkOf, withData, type WithData } from './evidence-queries';
import { normalizeHost } from './ip-address';

/**
 * A name's resolution as the rules compare it: what the operating system answered (what Outlook
 * gets), what a fresh query to the DNS server answered, and, where a collector read it, the
 * operating system's DNS cache.
 */

/** The views of one name's resolution: the operating system's, a fresh query, the OS cache. */
export interface DnsView {
  name: string;
  system?: WithData<'dns.system'>;
  direct?: WithData<'dns.direct'>;
  cache?: { result: WithData<'collector.dns-cache'>; entry: DnsCacheEntry };
}

/** Every resolved name with its views, keyed by normalized name, in the order first seen. */
export function dnsViews(evidence: Evidence): Map<string, DnsView> {
  const views = new Map<string, DnsView>();
  const viewOf = (name: string) => {
    const key = normalizeHost(name);
    const view = views.get(key) ?? { name: key };
    views.set(key, view);
    return view;
  };
  for (const r of withData(evidence, 'dns.system')) viewOf(r.data.name).system ??= r;
  for (const r of withData(evidence, 'dns.direct')) viewOf(r.data.name).direct ??= r;
  const caches = withData(evidence, 'collector.dns-cache');
  for (const view of views.values()) {
    for (const result of caches) {
      const entry = result.data.parsed?.entries.find((e) => normalizeHost(e.name) === view.name);
      if (entry) {
        view.cache = { result, entry };
        break;
      }
    }
  }
  return views;
}

/** Addresses in a cache entry (the A/AAAA records at the end of its CNAME chain). */
export function cachedAddresses(entry: DnsCacheEntry): string[] {
  return entry.records.filter((r) => r.typeName === 'A' || r.typeName === 'AAAA').map((r) => r.data);
}

/** Every DNS server the run knows of, for texts. */
export function dnsServersOf(evidence: Evidence, view?: DnsView): string[] {
  const fromView = [...(view?.direct?.data.servers ?? []), ...(view?.system?.data.servers ?? [])];
  if (fromView.length) return [...new Set(fromView)];
  return localNetworkOf(evidence)?.data.dnsServers ?? [];
}

type DnsResult = WithData<'dns.system'> | WithData<'dns.direct'>;

/** The addresses a view produced (empty when it failed or is absent). */
export function addressesOf(result: DnsResult | undefined): string[] {
  return result ? result.data.addresses.map((a) => a.address) : [];
}

/**
 * Why a view produced no address, or undefined when it produced some (or is absent). A view that
 * recorded no error kind but ended `timeout` counts as a timeout.
 */
export function failureOf(result: DnsResult | undefined): DnsErrorKind | undefined {
  if (!result || result.data.addresses.length > 0) return undefined;
  return result.data.error?.kind ?? (result.status === 'timeout' ? 'timeout' : 'other');
}

/** "The name has no address": NXDOMAIN, or the name exists without A/AAAA records. */
export function isNegative(kind: DnsErrorKind | undefined): kind is 'nxdomain' | 'nodata' {
  return kind === 'nxdomain' || kind === 'nodata';
}
