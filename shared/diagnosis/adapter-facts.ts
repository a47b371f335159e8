import type { ConnectionProfileInfo, LocalNetworkData, NetAdapterInfo, NetAdaptersData, NetInterface } from '../model/probe-data';
import { probesOf, type Evidence } from '../model/evidence';
import type { WithData } from './evidence-queries';

/**
 * What Get-NetAdapter and Get-NetConnectionProfile (`collector.net-adapters`, Windows) add to
 * Node's view of the interfaces.
 *
 * Joined here, when the rules read the evidence, rather than in the `local.network` probe: the
 * probe would have to wait for PowerShell (seconds, up to its timeout), and a run's deadline may
 * skip a probe still waiting, losing the whole physical section.
 */

type WithAdapters = WithData<'collector.net-adapters'> & { data: { parsed: NetAdaptersData } };

/** The collector's result, when it could read the adapters. */
export function netAdaptersOf(evidence: Pick<Evidence, 'probes'>): WithAdapters | undefined {
  // Not evidence-queries' withData: that module joins these facts in, and imports this one.
  return probesOf(evidence, 'collector.net-adapters').find((r): r is WithAdapters => r.status !== 'skipped' && r.data?.parsed != null);
}

/** The medium PowerShell tells: its virtual flag (not for VPN adapters, which lead somewhere) and physical media type. */
function mediumOfAdapter(adapter: NetAdapterInfo, vpn: boolean): NetInterface['medium'] | null {
  if (adapter.virtual === true && !vpn) return 'virtual';
  const media = adapter.physicalMediaType ?? adapter.mediaType ?? '';
  if (/802\.11|wireless lan/i.test(media)) return 'wireless';
  if (/^802\.3$/.test(media) && adapter.hardwareInterface !== false) return 'wired';
  return null;
}

function profileOf(adapter: NetAdapterInfo, profiles: readonly ConnectionProfileInfo[]): ConnectionProfileInfo | undefined {
  return profiles.find((p) => p.interfaceIndex === adapter.index) ?? profiles.find((p) => p.interfaceAlias.toLowerCase() === adapter.name.toLowerCase());
}

/** Node's interfaces with PowerShell's status, medium, description, VPN mark and network profile, matched by adapter name. */
export function withNetAdapterFacts(net: LocalNetworkData, facts: NetAdaptersData): LocalNetworkData {
  const interfaces = net.interfaces.map((iface): NetInterface => {
    const adapter = facts.adapters.find((a) => a.name.toLowerCase() === iface.name.toLowerCase());
    if (!adapter) return iface;
    const vpn = iface.vpn ?? adapter.vpn;
    const profile = profileOf(adapter, facts.profiles);
    const description = iface.description ?? (adapter.description || undefined);
    return {
      ...iface,
      vpn,
      medium: mediumOfAdapter(adapter, vpn !== null) ?? iface.medium,
      ...(description ? { description } : {}),
      ...(adapter.status ? { status: adapter.status } : {}),
      ...(profile
        ? { network: { name: profile.name, category: profile.networkCategory, ipv4Connectivity: profile.ipv4Connectivity, ipv6Connectivity: profile.ipv6Connectivity } }
        : {}),
    };
  });
  return { ...net, interfaces };
}
