/**
 * Validation of what users type: mailbox address, server, DNS server.
 *
 * Shared by the command line, the main process (IPC payloads) and the wizard's start screen, so
 * all three accept and reject the same input with the same reason.
 */

/** Why an input was rejected; the front ends turn it into their language. */
export type InputProblem =
  | 'empty'
  | 'too-long'
  | 'email-no-at'
  | 'email-local-part'
  | 'host-invalid'
  | 'host-has-path'
  | 'url-scheme'
  | 'port-invalid'
  | 'ip-invalid';

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: InputProblem };

const MAX_HOSTNAME = 253;
const MAX_LABEL = 63;
const MAX_EMAIL = 320;

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function isIPv4(value: string): boolean {
  return IPV4.test(value);
}

/** RFC 4291 text forms, including embedded IPv4 and a zone index. */
export function isIPv6(value: string): boolean {
  const [addr, zone, ...rest] = value.split('%');
  if (rest.length > 0 || addr === undefined || addr.length === 0) return false;
  if (zone !== undefined && !/^[\w.-]+$/.test(zone)) return false;
  let text = addr;
  const groupsNeeded = 8;
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.')) {
    if (!isIPv4(text.slice(lastColon + 1))) return false;
    text = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const doubles = text.split('::');
  if (doubles.length > 2) return false;
  const part = (s: string) => (s === '' ? [] : s.split(':'));
  const groups = [...part(doubles[0] ?? ''), ...part(doubles[1] ?? '')];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return false;
  return doubles.length === 2 ? groups.length < groupsNeeded : groups.length === groupsNeeded;
}

export function isIP(value: string): boolean {
  return isIPv4(value) || isIPv6(value);
}

/** A DNS host name (letters, digits, hyphens; at least one dot unless it is `localhost`-like single label) or an IP. */
export function checkHost(raw: string): Checked<string> {
  const value = raw.trim().replace(/\.$/, '').toLowerCase();
  if (value.length === 0) return { ok: false, problem: 'empty' };
  if (value.length > MAX_HOSTNAME) return { ok: false, problem: 'too-long' };
  if (isIPv4(value)) return { ok: true, value };
  const unbracketed = value.startsWith('[') && value.endsWith(']') ? value.slice(1, -1) : value;
  if (isIPv6(unbracketed)) return { ok: true, value: unbracketed };
  if (/[/?#@]/.test(value)) return { ok: false, problem: 'host-has-path' };
  const labels = value.split('.');
  if (!labels.every((l) => l.length <= MAX_LABEL && LABEL.test(l))) return { ok: false, problem: 'host-invalid' };
  // A top-level label of digits only is an IPv4 typo, not a name.
  if (labels.length > 1 && /^\d+$/.test(labels[labels.length - 1]!)) return { ok: false, problem: 'host-invalid' };
  return { ok: true, value };
}

function checkPort(text: string): Checked<number> {
  if (!/^\d{1,5}$/.test(text)) return { ok: false, problem: 'port-invalid' };
  const port = Number(text);
  return port >= 1 && port <= 65535 ? { ok: true, value: port } : { ok: false, problem: 'port-invalid' };
}

/** `--server HOST` or `--server https://HOST[:PORT]/`. */
export function checkServer(raw: string): Checked<{ host: string; port: number }> {
  const value = raw.trim();
  if (value.length === 0) return { ok: false, problem: 'empty' };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    if (!/^https:\/\//i.test(value)) return { ok: false, problem: 'url-scheme' };
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return { ok: false, problem: 'host-invalid' };
    }
    if (url.username || url.password) return { ok: false, problem: 'host-invalid' };
    if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) return { ok: false, problem: 'host-has-path' };
    const host = checkHost(url.hostname);
    if (!host.ok) return host;
    return { ok: true, value: { host: host.value, port: url.port ? Number(url.port) : 443 } };
  }
  // HOST or HOST:PORT (a bare IPv6 needs brackets to carry a port).
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(value);
  if (bracketed) {
    const host = checkHost(bracketed[1]!);
    if (!host.ok) return host;
    if (bracketed[2] === undefined) return { ok: true, value: { host: host.value, port: 443 } };
    const port = checkPort(bracketed[2]);
    return port.ok ? { ok: true, value: { host: host.value, port: port.value } } : port;
  }
  const colon = value.lastIndexOf(':');
  if (colon > 0 && value.indexOf(':') === colon) {
    const host = checkHost(value.slice(0, colon));
    if (!host.ok) return host;
    const port = checkPort(value.slice(colon + 1));
    return port.ok ? { ok: true, value: { host: host.value, port: port.value } } : port;
  }
  const host = checkHost(value);
  return host.ok ? { ok: true, value: { host: host.value, port: 443 } } : host;
}

/** A mailbox address: a plain local part and a host name with at least one dot. */
export function checkEmail(raw: string): Checked<string> {
  const value = raw.trim();
  if (value.length === 0) return { ok: false, problem: 'empty' };
  if (value.length > MAX_EMAIL) return { ok: false, problem: 'too-long' };
  const at = value.lastIndexOf('@');
  if (at < 0) return { ok: false, problem: 'email-no-at' };
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local.length === 0 || local.length > 64 || !/^[a-z0-9!#$%&'*+/=?^_`{|}~.-]+$/i.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return { ok: false, problem: 'email-local-part' };
  }
  const host = checkHost(domain);
  if (!host.ok || isIP(host.value) || !host.value.includes('.')) return { ok: false, problem: 'host-invalid' };
  return { ok: true, value: `${local}@${host.value}` };
}

/** `--dns-server IP[:PORT]` (IPv6 with a port as `[addr]:port`). */
export function checkDnsServer(raw: string): Checked<{ address: string; port: number }> {
  const value = raw.trim();
  if (value.length === 0) return { ok: false, problem: 'empty' };
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(value);
  if (bracketed) {
    if (!isIPv6(bracketed[1]!)) return { ok: false, problem: 'ip-invalid' };
    if (bracketed[2] === undefined) return { ok: true, value: { address: bracketed[1]!, port: 53 } };
    const port = checkPort(bracketed[2]);
    return port.ok ? { ok: true, value: { address: bracketed[1]!, port: port.value } } : port;
  }
  if (isIPv6(value)) return { ok: true, value: { address: value, port: 53 } };
  const [address, portText, ...rest] = value.split(':');
  if (rest.length > 0 || address === undefined || !isIPv4(address)) return { ok: false, problem: 'ip-invalid' };
  if (portText === undefined) return { ok: true, value: { address, port: 53 } };
  const port = checkPort(portText);
  return port.ok ? { ok: true, value: { address, port: port.value } } : port;
}

/** `ip:port` with brackets for IPv6, as Node's resolver and our reports write it. */
export function formatHostPort(address: string, port: number): string {
  return isIPv6(address) ? `[${address}]:${port}` : `${address}:${port}`;
}
