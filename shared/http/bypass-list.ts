import { isIP, isIPv4 } from '../validate';

/**
 * Whether a host is exempt from the proxy, by the rules of each kind of bypass list.
 *
 * WinINET's ProxyOverride (also WinHTTP's bypass list), the NO_PROXY environment variable and
 * macOS' "Bypass proxy settings for these hosts" differ in small ways that decide real cases, so
 * each has its own matcher. Host names compare case-insensitively, without a trailing dot.
 */

const normalize = (host: string) => host.trim().toLowerCase().replace(/\.$/, '').replace(/^\[|\]$/g, '');

/** A `*` wildcard pattern as a whole-string regular expression (other characters literal). */
function wildcard(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`, 'i');
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host) || host.endsWith('.localhost');
}

/**
 * WinINET ProxyOverride (and WinHTTP's bypass list), for a URL's scheme, host and port.
 *
 * - `<local>`: any host name without a dot (an intranet name), never an IP address.
 * - `*` anywhere in an entry is a wildcard; without one the entry names exactly one host
 *   (`*.contoso.com` does not cover `contoso.com`); IP addresses are matched as text (`10.*`).
 * - An entry may start with a scheme (`https://owa.contoso.com`) and end with a port; then only
 *   that scheme or port is exempt.
 * - Loopback (`localhost`, 127.0.0.0/8, ::1) is always exempt unless `<-loopback>` is listed
 *   (Windows 8 and later).
 */
export function wininetBypasses(entries: readonly string[], url: { scheme: string; host: string; port: number }): string | undefined {
  const host = normalize(url.host);
  const scheme = url.scheme.toLowerCase().replace(/:$/, '');
  const lowered = entries.map((e) => e.trim().toLowerCase());
  if (isLoopback(host) && !lowered.includes('<-loopback>')) return '(loopback)';
  for (const [i, entry] of lowered.entries()) {
    if (entry === '' || entry === '<-loopback>') continue;
    if (entry === '<local>') {
      if (!host.includes('.') && !isIP(host)) return entries[i];
      continue;
    }
    let rest = entry;
    const schemeMatch = /^([a-z][a-z0-9+.-]*):\/\//.exec(rest);
    if (schemeMatch) {
      if (schemeMatch[1] !== scheme) continue;
      rest = rest.slice(schemeMatch[0].length);
    }
    rest = rest.replace(/\/.*$/, '');
    const portMatch = /^(.*[^:]):(\d+|\*)$/.exec(rest);
    if (portMatch && !rest.startsWith('[') && rest.split(':').length === 2) {
      if (portMatch[2] !== '*' && Number(portMatch[2]) !== url.port) continue;
      rest = portMatch[1]!;
    }
    if (wildcard(normalize(rest)).test(host)) return entries[i];
  }
  return undefined;
}

/**
 * NO_PROXY (curl and most tools): comma- or blank-separated; `*` exempts everything; an entry
 * matches the host itself and every name below it (`contoso.com` and `.contoso.com` both cover
 * `mail.contoso.com`); an IP entry may be a CIDR range; `:port` limits it to that port.
 */
export function noProxyBypasses(value: string, url: { host: string; port: number }): string | undefined {
  const host = normalize(url.host);
  for (const raw of value.split(/[,\s]+/)) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return raw;
    let name = entry;
    const port = /^(.*[^:]):(\d+)$/.exec(entry);
    if (port && !entry.startsWith('[') && entry.split(':').length === 2) {
      if (Number(port[2]) !== url.port) continue;
      name = port[1]!;
    }
    name = normalize(name.replace(/^\*?\./, ''));
    if (name.includes('/') && isIPv4(host)) {
      if (inCidr(host, name)) return raw;
      continue;
    }
    if (host === name || host.endsWith(`.${name}`)) return raw;
  }
  return undefined;
}

/**
 * macOS "Bypass proxy settings for these hosts & domains": wildcard patterns (`*.local`),
 * domain suffixes (`contoso.com` covers its subdomains) and IPv4 ranges (`169.254/16`).
 */
export function macosBypasses(exceptions: readonly string[], host: string): string | undefined {
  const h = normalize(host);
  for (const raw of exceptions) {
    const entry = normalize(raw);
    if (entry === '') continue;
    if (entry.includes('/')) {
      if (isIPv4(h) && inCidr(h, entry)) return raw;
      continue;
    }
    if (entry.includes('*')) {
      if (wildcard(entry).test(h)) return raw;
      continue;
    }
    if (h === entry || h.endsWith(`.${entry.replace(/^\./, '')}`)) return raw;
  }
  return undefined;
}

/** IPv4 in a CIDR range; short forms such as `169.254/16` are padded with zeros. */
function inCidr(address: string, cidr: string): boolean {
  const [base, bitsText] = cidr.split('/');
  const bits = Number(bitsText);
  if (base === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32) return false;
  const parts = base.split('.');
  while (parts.length < 4) parts.push('0');
  const padded = parts.join('.');
  if (!isIPv4(padded)) return false;
  const toNumber = (ip: string) => ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
  const block = 2 ** (32 - bits);
  return Math.floor(toNumber(address) / block) === Math.floor(toNumber(padded) / block);
}
