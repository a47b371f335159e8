import { probesOf, type Evidence } from '../model/evidence';
import type {
  IpFamily,
  LocalNetworkData,
  NetInterface,
  ProbeDataMap,
  ProbeId,
  TcpErrorKind,
} from '../model/probe-data';
import type { ProbeResultOf } from '../model/probe-result';
import type { HostRoles } from './host-roles';
import { netAdaptersOf, withNetAdapterFacts } from './adapter-facts';
import { ipScope, normalizeHost } from './ip-address';

/**
 * Evidence queries several rules share, so each rule reads like its finding's definition.
 */

export type WithData<P extends ProbeId> = ProbeResultOf<P> & { data: ProbeDataMap[P] };

/**
 * Results of a probe that ran and recorded data, whatever their status.
 *
 * Unlike `okProbesOf` this keeps failures: a timed-out TCP connect or a failed handshake still
 * records where it went and how it failed, which is exactly what the rules need.
 */
export function withData<P extends ProbeId>(evidence: Pick<Evidence, 'probes'>, probe: P): WithData<P>[] {
  return probesOf(evidence, probe).filter((r): r is WithData<P> => r.status !== 'skipped' && r.data !== undefined);
}

/**
 * The first `local.network` snapshot, if the probe could read one; on Windows with what
 * Get-NetAdapter/Get-NetConnectionProfile add (`withNetAdapterFacts`: status, medium, network).
 */
export function localNetworkOf(evidence: Evidence): WithData<'local.network'> | undefined {
  const snapshot = withData(evidence, 'local.network')[0];
  const adapters = netAdaptersOf(evidence);
  return snapshot && adapters ? { ...snapshot, data: withNetAdapterFacts(snapshot.data, adapters.data.parsed) } : snapshot;
}

const NOT_ROUTABLE = new Set(['loopback', 'link-local', 'unspecified']);

/** Addresses that can carry traffic beyond the link: not link-local, loopback or unspecified. */
export function routableAddresses(iface: NetInterface) {
  return iface.addresses.filter((a) => !a.linkLocal && !NOT_ROUTABLE.has(ipScope(a.address)));
}

/**
 * Interfaces that can lead somewhere: not loopback, and not a host-only virtual adapter (Hyper-V
 * "Default Switch", Docker, VirtualBox host-only — always up on many PCs) unless a default route
 * goes through it (then it is the bridge the real adapter hangs on).
 */
export function realInterfaces(net: LocalNetworkData): NetInterface[] {
  const routed = new Set((net.defaultRoutes ?? []).map((r) => r.interface).filter((n): n is string => n !== null));
  return net.interfaces.filter((i) => !i.internal && (i.medium !== 'virtual' || routed.has(i.name)));
}

/** Interfaces that are up with a routable address, VPN adapters included. */
export function connectedInterfaces(net: LocalNetworkData): NetInterface[] {
  return realInterfaces(net).filter((i) => routableAddresses(i).length > 0);
}

/**
 * Whether this computer has an IPv6 address beyond its link (global or unique local).
 *
 * Without one Windows does not even try the server's IPv6 addresses. Undefined when unknown.
 */
export function clientHasIpv6(evidence: Evidence): boolean | undefined {
  const net = localNetworkOf(evidence)?.data;
  if (!net) return undefined;
  return realInterfaces(net).some((i) => routableAddresses(i).some((a) => a.family === 6));
}

/** The HTTPS port Outlook uses for a host: the given server's port, else 443. */
export function httpsPortOf(evidence: Evidence, host: string): number {
  const server = evidence.input.server;
  return server && normalizeHost(server.host) === normalizeHost(host) ? server.port : 443;
}

/** TCP connect results for one address of a name, on its HTTPS port. */
export interface AddressReach {
  address: string;
  family: IpFamily;
  port: number;
  /** At least one connect succeeded. */
  ok: boolean;
  /** Error kinds of the failed attempts. */
  errors: TcpErrorKind[];
  evidence: string[];
}

/** Per host name (normalized), the TCP reachability of each of its addresses on the HTTPS port. */
export function reachByHost(evidence: Evidence): Map<string, AddressReach[]> {
  const byHost = new Map<string, Map<string, AddressReach>>();
  for (const r of withData(evidence, 'tcp')) {
    const host = normalizeHost(r.data.host);
    if (r.data.port !== httpsPortOf(evidence, host)) continue;
    const addresses = byHost.get(host) ?? new Map<string, AddressReach>();
    byHost.set(host, addresses);
    const reach = addresses.get(r.data.address) ?? {
      address: r.data.address,
      family: r.data.family,
      port: r.data.port,
      ok: false,
      errors: [],
      evidence: [],
    };
    addresses.set(r.data.address, reach);
    reach.evidence.push(r.id);
    if (r.status === 'ok' && !r.data.error) reach.ok = true;
    else reach.errors.push(r.data.error?.kind ?? (r.status === 'timeout' ? 'timeout' : 'other'));
  }
  return new Map([...byHost].map(([host, addresses]) => [host, [...addresses.values()]]));
}

/**
 * Evidence that Outlook's path to the Exchange host works: a TCP connect to it succeeded or an
 * HTTP request to it got an answer. Null when nothing shows that.
 */
export function exchangeReachable(evidence: Evidence, roles: HostRoles): string[] | null {
  const ids: string[] = [];
  for (const [host, reach] of reachByHost(evidence)) {
    if (roles.roleOf(host) === 'exchange') ids.push(...reach.filter((a) => a.ok).flatMap((a) => a.evidence));
  }
  for (const r of withData(evidence, 'http')) {
    if (r.data.response && roles.roleOf(r.data.host) === 'exchange') ids.push(r.id);
  }
  return ids.length ? ids : null;
}

/** Epoch ms of a certificate date as recorded (ISO or OpenSSL's "Mar  1 12:00:00 2026 GMT"). */
export function certTime(value: string): number {
  return Date.parse(value);
}

/** Whole days from `from` to `to` (epoch ms), rounded down. */
export function daysBetween(from: number, to: number): number {
  return Math.floor((to - from) / 86_400_000);
}
