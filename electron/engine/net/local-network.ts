import { readFile } from 'node:fs/promises';
import os from 'node:os';
import type { DefaultRoute, InterfaceAddress, IpconfigData, IpFamily, LocalNetworkData, NetInterface, RouteTableData } from '../../../shared/model/probe-data';

/**
 * Interface names of tunnels (Linux, macOS, WireGuard on Windows). Matched against the name only:
 * a description starting "ZTE …" is a mobile broadband modem, not ZeroTier.
 */
const TUNNEL_NAME = /^(tun|tap|utun|ppp|ipsec|gpd|wg|ztq?|nordlynx|tailscale|wintun|vpn)\d*/i;

/** VPN products by interface name or, on Windows, the adapter's description. */
const VPN_NAME_PATTERNS: [RegExp, string][] = [
  [/wintun|wireguard/i, 'WireGuard/Wintun adapter'],
  [/tap-windows|openvpn/i, 'OpenVPN adapter'],
  [/anyconnect|cisco.*vpn|cisco secure client/i, 'Cisco AnyConnect / Secure Client'],
  [/globalprotect|pangp|palo alto/i, 'Palo Alto GlobalProtect'],
  [/forti(client|net)|fortissl/i, 'FortiClient'],
  [/juniper|pulse secure|ivanti/i, 'Pulse Secure / Ivanti'],
  [/check ?point|checkpoint/i, 'Check Point'],
  [/sonicwall|netextender/i, 'SonicWall'],
  [/zscaler/i, 'Zscaler'],
  [/nordvpn|protonvpn|expressvpn|surfshark|mullvad|hamachi|zerotier|tailscale/i, 'VPN service'],
  [/\bvpn\b/i, 'name contains VPN'],
];

const WIRELESS = /^(wl|wlan|wlp|wlx|wi-?fi|airport)|wireless|drahtlos|wlan|wi-?fi/i;
const WIRED = /^(eth|en\d|eno|ens|enp|enx|em\d)|ethernet|\blan\b/i;
// `lo` alone (Linux) or `lo0` (macOS): a bare prefix would make Windows' "Local Area Connection" virtual.
const VIRTUAL = /^(lo\d*$|docker|br-|veth|virbr|vmnet|vboxnet|vethernet|bridge|awdl|llw|anpi|gif|stf)|loopback|hyper-v|virtualbox|vmware/i;

export function isLinkLocal(address: string, family: IpFamily): boolean {
  if (family === 4) return address.startsWith('169.254.');
  return /^fe[89ab][0-9a-f]:/i.test(address);
}

export function vpnReason(name: string, description = ''): string | null {
  if (TUNNEL_NAME.test(name)) return 'tunnel interface name';
  for (const [pattern, reason] of VPN_NAME_PATTERNS) {
    if (pattern.test(name) || (description && pattern.test(description))) return reason;
  }
  return null;
}

export function mediumOf(name: string, description = ''): NetInterface['medium'] {
  const text = `${name} ${description}`;
  if (VIRTUAL.test(name)) return 'virtual';
  if (WIRELESS.test(text)) return 'wireless';
  if (WIRED.test(text)) return 'wired';
  return 'unknown';
}

/**
 * What the system collectors add to Node's view of the network.
 *
 * Windows: adapter descriptions and types from `ipconfig /all` (a VPN adapter is often named
 * "Ethernet 3" but described "TAP-Windows Adapter V9") and the routing table of `route print`;
 * macOS: the routing table of `netstat -rn`.
 */
export interface SystemNetworkFacts {
  ipconfig?: IpconfigData | null;
  routes?: { table: RouteTableData; source: string } | null;
}

/** The interfaces as Node sees them, with link-local and VPN-looking adapters marked. */
export function readInterfaces(raw: NodeJS.Dict<os.NetworkInterfaceInfo[]> = os.networkInterfaces(), ipconfig?: IpconfigData | null): NetInterface[] {
  const result: NetInterface[] = [];
  for (const [name, infos] of Object.entries(raw)) {
    if (!infos || infos.length === 0) continue;
    const addresses: InterfaceAddress[] = infos.map((info) => {
      const family: IpFamily = info.family === 'IPv6' || (info.family as unknown) === 6 ? 6 : 4;
      return { address: info.address, family, cidr: info.cidr ?? null, linkLocal: isLinkLocal(info.address, family) };
    });
    const mac = infos.find((i) => i.mac && i.mac !== '00:00:00:00:00:00')?.mac ?? null;
    const adapter = ipconfig?.adapters.find((a) => a.name.toLowerCase() === name.toLowerCase());
    const description = adapter?.description ?? undefined;
    const reason = vpnReason(name, description) ?? (adapter?.type === 'ppp' ? 'PPP adapter (dial-up or VPN connection)' : null);
    result.push({
      name,
      mac,
      internal: infos.every((i) => i.internal),
      addresses,
      vpn: reason ? { reason } : null,
      medium: adapter?.type === 'wireless' ? 'wireless' : mediumOf(name, description),
      ...(description ? { description } : {}),
    });
  }
  return result;
}

/**
 * An IPv6 address from the 32 hex digits of /proc/net/ipv6_route, in the short form (RFC 5952,
 * as `ip -6 route` and Windows print it): `fe80::62b5:8dff:fe35:646d`, `::` for no next hop.
 */
function ipv6FromHex(hex: string): string | null {
  if (!/^[0-9a-f]{32}$/i.test(hex)) return null;
  const full = hex.match(/.{4}/g)!.join(':');
  // The WHATWG URL parser writes IPv6 hosts in exactly that canonical form.
  return new URL(`http://[${full}]/`).hostname.slice(1, -1);
}

/** Parses Linux's /proc/net/route (IPv4, little-endian hex) and /proc/net/ipv6_route. */
export function parseProcRoutes(ipv4: string, ipv6: string): DefaultRoute[] {
  const routes: DefaultRoute[] = [];
  for (const line of ipv4.split('\n').slice(1)) {
    const cols = line.trim().split(/\s+/);
    if (cols.length < 8) continue;
    const [iface, destination, gatewayHex, flagsHex, , , , mask] = cols;
    if (destination !== '00000000' || mask !== '00000000') continue;
    if ((parseInt(flagsHex!, 16) & 0x1) === 0) continue; // RTF_UP
    const n = parseInt(gatewayHex!, 16);
    const gateway = [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255].join('.');
    routes.push({ family: 4, gateway, interface: iface ?? null });
  }
  for (const line of ipv6.split('\n')) {
    const cols = line.trim().split(/\s+/);
    if (cols.length < 10) continue;
    const [dest, destLen, , , nextHop, , , , flagsHex, iface] = cols;
    if (dest !== '00000000000000000000000000000000' || destLen !== '00') continue;
    if ((parseInt(flagsHex!, 16) & 0x1) === 0) continue;
    if (iface === 'lo') continue; // the kernel's unreachable default on lo is no route
    const gateway = ipv6FromHex(nextHop!);
    if (gateway === null) continue;
    routes.push({ family: 6, gateway, interface: iface ?? null });
  }
  return routes;
}

/** Default routes where the platform lets us read them without a command; null = unknown. */
export async function readDefaultRoutes(): Promise<{ routes: DefaultRoute[] | null; source: string | null }> {
  if (os.platform() === 'linux') {
    try {
      const [v4, v6] = await Promise.all([
        readFile('/proc/net/route', 'utf8'),
        readFile('/proc/net/ipv6_route', 'utf8').catch(() => ''),
      ]);
      return { routes: parseProcRoutes(v4, v6), source: '/proc/net/route' };
    } catch {
      return { routes: null, source: null };
    }
  }
  return { routes: null, source: null };
}

/**
 * Default routes of a collected routing table, with interface names.
 *
 * Windows IPv4 rows name the interface by its local address, IPv6 rows by index (resolved through
 * the route print interface list and the ipconfig descriptions); Linux and macOS by device name. A
 * default route without a next hop (VPN tunnels) gets the unspecified address as gateway.
 */
export function defaultRoutesFromTable(table: RouteTableData, interfaces: readonly NetInterface[], ipconfig?: IpconfigData | null): DefaultRoute[] {
  return table.defaultRoutes.map((route) => {
    let name: string | null = route.interface;
    if (route.interface && route.family === 4 && /^\d+\.\d+\.\d+\.\d+$/.test(route.interface)) {
      name = interfaces.find((i) => i.addresses.some((a) => a.address === route.interface))?.name ?? route.interface;
    } else if (route.interface && /^\d+$/.test(route.interface)) {
      const description = table.interfaces.find((i) => i.index === Number(route.interface))?.description;
      name = (description && ipconfig?.adapters.find((a) => a.description === description)?.name) ?? description ?? route.interface;
    }
    return { family: route.family, gateway: route.gateway ?? (route.family === 4 ? '0.0.0.0' : '::'), interface: name };
  });
}

export async function readLocalNetwork(
  dnsServers: { servers: string[]; source: 'option' | 'system' },
  facts: SystemNetworkFacts = {},
): Promise<LocalNetworkData> {
  const interfaces = readInterfaces(os.networkInterfaces(), facts.ipconfig);
  const { routes, source } = facts.routes
    ? { routes: defaultRoutesFromTable(facts.routes.table, interfaces, facts.ipconfig), source: facts.routes.source }
    : await readDefaultRoutes();
  return {
    hostname: os.hostname(),
    platform: `${os.platform()} ${os.release()}`,
    interfaces,
    defaultRoutes: routes,
    routeSource: source,
    dnsServers: dnsServers.servers,
    dnsServersSource: dnsServers.source,
  };
}
