import type { ResolvedAddress } from '../../../shared/model/probe-data';
import { isIP, isIPv4, isIPv6 } from '../../../shared/validate';
import type { PacEnvironment } from './pac-sandbox';
import { deadlineSignal } from '../net/deadline-signal';

/**
 * The PAC functions that need the outside world, on the run's resolver and this machine's
 * addresses.
 *
 * Netscape's functions (`dnsResolve`, `isResolvable`, `isInNet`, `myIpAddress`) and Microsoft's
 * IPv6 extensions that Windows offers (`dnsResolveEx`, `isResolvableEx`, `isInNetEx`,
 * `myIpAddressEx`, `sortIpAddressList`, `getClientVersion`). The pure ones (`shExpMatch`,
 * `dnsDomainIs`, `dateRange`, …) come from pac-resolver.
 *
 * All of them are synchronous, as PAC scripts expect: a name not looked up yet answers "not
 * resolvable" and is noted; the caller looks the noted names up and runs the script again with
 * the answers (see `pac-sandbox.ts`). This keeps every script construct working, where turning
 * the script into async code (pac-resolver's way) misses calls nested in other expressions.
 * Lookups are cached per name and capped: a script resolving names in a loop must not flood the
 * DNS server.
 */

/** Distinct names one evaluation may look up; real scripts resolve the URL's host and maybe one more. */
export const MAX_PAC_LOOKUPS = 32;
/** One lookup for the script; Windows' PAC engine blocks on lookups, a slow one is a finding in itself. */
export const PAC_LOOKUP_TIMEOUT_MS = 1_500;

export interface PacHelpers {
  functions: Record<string, (...args: unknown[]) => unknown>;
  /** Names the script asked for since the last `resolvePending` (empty: the answer is final). */
  pending(): string[];
  /** Looks the pending names up with the run's resolver; failures count as "not resolvable". */
  resolvePending(signal: AbortSignal): Promise<void>;
  /** Distinct names looked up so far. */
  lookups(): number;
}

export function pacHelpers(environment: PacEnvironment): PacHelpers {
  const cache = new Map<string, ResolvedAddress[]>();
  const pending = new Set<string>();
  const addressesOf = (value: unknown): ResolvedAddress[] => {
    // Scripts pass strings; anything else (null, a number) is not a name to look up.
    const name = typeof value === 'string' ? value.trim().toLowerCase().replace(/^\[|\]$/g, '') : '';
    if (name === '') return [];
    if (isIPv4(name)) return [{ address: name, family: 4 }];
    if (isIPv6(name)) return [{ address: name, family: 6 }];
    const known = cache.get(name);
    if (known) return known;
    if (cache.size + pending.size < MAX_PAC_LOOKUPS) pending.add(name);
    return [];
  };
  const firstV4 = (host: unknown) => addressesOf(host).find((a) => a.family === 4)?.address ?? null;
  const localV4 = environment.localAddresses.find((a) => isIPv4(a)) ?? '127.0.0.1';

  return {
    functions: {
      dnsResolve: (host) => firstV4(host),
      isResolvable: (host) => firstV4(host) !== null,
      isInNet: (host, pattern, mask) => {
        const address = firstV4(host);
        return address !== null && inMaskedNet(address, String(pattern), String(mask));
      },
      dnsResolveEx: (host) => addressesOf(host).map((a) => a.address).join(';'),
      isResolvableEx: (host) => addressesOf(host).length > 0,
      myIpAddress: () => localV4,
      myIpAddressEx: () => (environment.localAddresses.length > 0 ? environment.localAddresses.join(';') : '127.0.0.1'),
      isInNetEx: (address, prefix) => inPrefix(String(address), String(prefix)),
      sortIpAddressList: (list) => sortAddresses(String(list)),
      getClientVersion: () => '1.0',
      // Scripts call alert() for debugging; nothing may reach the console or the logs.
      alert: () => undefined,
    },
    pending: () => [...pending],
    async resolvePending(signal) {
      const names = [...pending];
      pending.clear();
      await Promise.all(
        names.map(async (name) => {
          const deadline = deadlineSignal(signal, PAC_LOOKUP_TIMEOUT_MS, 'PAC name lookup');
          const found = await environment.lookup(name, deadline.signal).catch(() => []);
          deadline.clear();
          cache.set(name, found);
        }),
      );
    },
    lookups: () => cache.size,
  };
}

const v4Number = (ip: string) => ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);

/** Netscape's `isInNet(host, "10.0.0.0", "255.0.0.0")`. */
export function inMaskedNet(address: string, pattern: string, mask: string): boolean {
  if (!isIPv4(address) || !isIPv4(pattern) || !isIPv4(mask)) return false;
  const m = v4Number(mask);
  // Bitwise and on 32-bit values; `>>> 0` keeps them unsigned.
  return ((v4Number(address) & m) >>> 0) === ((v4Number(pattern) & m) >>> 0);
}

/** Expands an IPv6 address to its 8 groups as numbers; null when it is none. */
function v6Groups(address: string): number[] | null {
  const plain = address.split('%')[0]!;
  if (!isIPv6(plain)) return null;
  let text = plain;
  if (text.includes('.')) {
    const cut = text.lastIndexOf(':');
    const v4 = v4Number(text.slice(cut + 1));
    text = `${text.slice(0, cut + 1)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const h = head === '' ? [] : head.split(':');
  const t = tail === undefined || tail === '' ? [] : tail.split(':');
  const fill = tail === undefined ? [] : Array<string>(8 - h.length - t.length).fill('0');
  return [...h, ...fill, ...t].map((g) => Number.parseInt(g, 16));
}

/** Microsoft's `isInNetEx("198.95.249.79", "198.95.0.0/16")`, IPv4 or IPv6. */
export function inPrefix(address: string, prefix: string): boolean {
  const [base = '', bitsText = ''] = prefix.split('/');
  const bits = Number(bitsText);
  if (!/^\d+$/.test(bitsText)) return false;
  if (isIPv4(address) && isIPv4(base) && bits <= 32) {
    const block = 2 ** (32 - bits);
    return Math.floor(v4Number(address) / block) === Math.floor(v4Number(base) / block);
  }
  const a = v6Groups(address);
  const b = v6Groups(base);
  if (!a || !b || bits > 128) return false;
  for (let bit = 0; bit < bits; bit += 16) {
    const width = Math.min(16, bits - bit);
    const shift = 16 - width;
    if (a[bit / 16]! >> shift !== b[bit / 16]! >> shift) return false;
  }
  return true;
}

/** Microsoft's `sortIpAddressList("10.0.0.2;::1;10.0.0.1")`: IPv6 first, then IPv4, each ascending. */
export function sortAddresses(list: string): string | false {
  const items = list.split(';').map((s) => s.trim()).filter((s) => s.length > 0);
  if (items.length === 0 || !items.every((a) => isIP(a))) return false;
  const key = (a: string) => (isIPv6(a) ? `0:${(v6Groups(a) ?? []).map((g) => g.toString(16).padStart(4, '0')).join('')}` : `1:${v4Number(a).toString(16).padStart(8, '0')}`);
  return [...items].sort((x, y) => key(x).localeCompare(key(y))).join(';');
}
