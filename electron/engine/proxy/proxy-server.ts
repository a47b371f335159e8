import type { ProxyServer } from '../../../shared/model/probe-data';
import { checkHost } from '../../../shared/validate';

/**
 * Proxy server names as the settings write them, turned into `ProxyServer` values.
 *
 * One place for every source (WinINET `ProxyServer`, PAC results, HTTPS_PROXY, `--proxy`,
 * macOS settings), so a proxy looks the same in the evidence whichever source named it. Never
 * keeps credentials: a `user:pass@` in a setting is dropped.
 */

export type ProxyScheme = 'http' | 'https' | 'socks4' | 'socks5';

/** Ports assumed when a setting names no port: what WinINET and the PAC convention use. */
const DEFAULT_PORTS: Record<ProxyScheme, number> = { http: 80, https: 443, socks4: 1080, socks5: 1080 };

function formatHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** A proxy of this scheme at `host[:port]` (`[v6]:port` for IPv6); null when it is not a host. */
export function proxyServer(scheme: ProxyScheme, hostPort: string): ProxyServer | null {
  const text = hostPort.trim().replace(/^[^@/]*@/, '').replace(/\/+$/, '');
  const match = /^(\[[^\]]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(text);
  if (!match) return null;
  const host = checkHost(match[1]!);
  if (!host.ok) return null;
  const port = match[2] === undefined ? DEFAULT_PORTS[scheme] : Number(match[2]);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return null;
  return { url: `${scheme}://${formatHost(host.value)}:${port}`, host: host.value, port };
}

/**
 * A proxy URL (`http://proxy:8080`, `https://…`, `socks5://…`), or a bare `host:port` taken as
 * an HTTP proxy (how HTTPS_PROXY is often written); null when it cannot be read.
 */
export function proxyFromUrl(text: string): ProxyServer | null {
  const trimmed = text.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme === undefined) return proxyServer('http', trimmed);
  const rest = trimmed.slice(scheme.length + 3);
  const known: Record<string, ProxyScheme> = { http: 'http', https: 'https', socks: 'socks5', socks4: 'socks4', socks4a: 'socks4', socks5: 'socks5', socks5h: 'socks5' };
  const mapped = known[scheme];
  return mapped ? proxyServer(mapped, rest.split(/[/?#]/)[0] ?? '') : null;
}

/**
 * The proxy WinINET uses for an `https://` URL from its ProxyServer setting.
 *
 * `host:port` applies to every protocol. A per-protocol list (`http=a:80;https=b:8443;socks=c:1080`)
 * gives `https=` its own proxy; without one, a `socks=` entry carries every protocol (SOCKS 4, as
 * WinINET speaks it), and without that the URL goes direct. An entry may carry `http://` in front.
 * Returns null for direct; `invalid` when the setting cannot be read at all.
 */
export function wininetProxyForHttps(setting: string): ProxyServer | null | 'invalid' {
  const entries = setting
    .split(/[;\s]+/)
    .map((e) => e.trim())
    .filter((e) => e.length > 0);
  if (entries.length === 0) return null;
  const perScheme = new Map<string, string>();
  let forAll: string | undefined;
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    if (eq > 0 && !entry.slice(0, eq).includes('/')) perScheme.set(entry.slice(0, eq).toLowerCase(), entry.slice(eq + 1));
    else forAll ??= entry;
  }
  const readHttp = (value: string) => (/^https?:\/\//i.test(value) ? proxyFromUrl(value) : proxyServer('http', value));
  const https = perScheme.get('https');
  if (https !== undefined) return readHttp(https) ?? 'invalid';
  if (forAll !== undefined) return readHttp(forAll) ?? 'invalid';
  const socks = perScheme.get('socks');
  if (socks !== undefined) return proxyServer('socks4', socks.replace(/^socks\d?:\/\//i, '')) ?? 'invalid';
  return null;
}

/** `host:port` of a proxy, as the findings name it. */
export function hostPortOf(proxy: ProxyServer): string {
  return `${formatHost(proxy.host)}:${proxy.port}`;
}

/** Whether the engine can open a CONNECT tunnel through this proxy (HTTP or HTTPS proxies). */
export function speaksConnect(proxy: ProxyServer): boolean {
  return /^https?:/i.test(proxy.url);
}
