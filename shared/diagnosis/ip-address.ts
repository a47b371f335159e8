/**
 * Small, pure IP address helpers for the rules (no Node `net` in shared/).
 *
 * Only what the rules need: which kind of network an address belongs to, and the /64 prefix of an
 * IPv6 address (privacy extensions rotate the rest, so comparing whole addresses would see a
 * network change where there is none).
 */

/** Where an address lives; `private` covers RFC 1918, carrier-grade NAT and IPv6 unique local. */
export type IpScope = 'unspecified' | 'loopback' | 'link-local' | 'private' | 'public';

/** Parses dotted IPv4 into four octets, or null. */
export function ipv4Octets(address: string): [number, number, number, number] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address);
  if (!m) return null;
  const octets = m.slice(1).map(Number) as [number, number, number, number];
  return octets.every((o) => o <= 255) ? octets : null;
}

/**
 * The eight 16-bit groups of an IPv6 address (zone id and an embedded IPv4 tail allowed), or null.
 */
export function ipv6Groups(address: string): number[] | null {
  let text = address.toLowerCase();
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  if (!text.includes(':')) return null;
  // An embedded IPv4 tail (`::ffff:192.0.2.1`) stands for the last two groups.
  const lastColon = text.lastIndexOf(':');
  const v4 = ipv4Octets(text.slice(lastColon + 1));
  if (v4) text = `${text.slice(0, lastColon + 1)}${((v4[0] << 8) | v4[1]).toString(16)}:${((v4[2] << 8) | v4[3]).toString(16)}`;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN)));
  const head = parse(halves[0]!);
  const rest = halves.length === 2 ? parse(halves[1]!) : [];
  if ([...head, ...rest].some(Number.isNaN)) return null;
  const explicit = head.length + rest.length;
  if (halves.length === 1) return explicit === 8 ? head : null;
  if (explicit > 7) return null;
  return [...head, ...new Array<number>(8 - explicit).fill(0), ...rest];
}

/** The IPv4 address inside an IPv4-mapped IPv6 address (`::ffff:192.0.2.1`), else null. */
function mappedIpv4(groups: number[]): string | null {
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const [a, b] = [groups[6]!, groups[7]!];
    return `${a >> 8}.${a & 255}.${b >> 8}.${b & 255}`;
  }
  return null;
}

export function ipScope(address: string): IpScope {
  const v4 = ipv4Octets(address);
  if (v4) {
    const [a, b] = v4;
    if (a === 0) return 'unspecified';
    if (a === 127) return 'loopback';
    if (a === 169 && b === 254) return 'link-local';
    if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127)) return 'private';
    return 'public';
  }
  const groups = ipv6Groups(address);
  if (!groups) return 'public';
  const mapped = mappedIpv4(groups);
  if (mapped) return ipScope(mapped);
  if (groups.every((g) => g === 0)) return 'unspecified';
  if (groups.slice(0, 7).every((g) => g === 0) && groups[7] === 1) return 'loopback';
  if ((groups[0]! & 0xffc0) === 0xfe80) return 'link-local';
  if ((groups[0]! & 0xfe00) === 0xfc00) return 'private';
  return 'public';
}

/** The network part that identifies where an interface is attached: IPv4 whole, IPv6 its /64. */
export function networkKey(address: string): string {
  const groups = ipv4Octets(address) ? null : ipv6Groups(address);
  if (!groups) return address;
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

/** Host names compare case-insensitively and without the root dot. */
export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '');
}
