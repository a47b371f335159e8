import type { ProxyServer } from '../../../shared/model/probe-data';
import { proxyServer, type ProxyScheme } from './proxy-server';

/** What a `FindProxyForURL` answer means: proxies in order, and whether DIRECT may follow. */
export interface PacDecision {
  proxies: ProxyServer[];
  /** DIRECT appears in the list (first or alone: no proxy at all). */
  directFallback: boolean;
}

/** Longest PAC answer kept in the evidence; real answers name a handful of proxies. */
export const MAX_PAC_RESULT_CHARS = 500;

const KEYWORDS: Record<string, ProxyScheme> = { PROXY: 'http', HTTP: 'http', HTTPS: 'https', SOCKS: 'socks4', SOCKS4: 'socks4', SOCKS5: 'socks5' };

/**
 * Reads a PAC answer such as `PROXY p1:8080; PROXY p2:8080; DIRECT`.
 *
 * Elements are separated by `;`; keywords are case-insensitive (Windows accepts `proxy`).
 * `null`, `undefined` and an empty answer mean DIRECT, as in Netscape's original definition.
 * An element that cannot be read makes the whole answer unusable: Windows then ignores the
 * script's answer, so the caller reports it (`bad-result`) rather than guessing.
 */
export function parsePacResult(value: unknown): PacDecision | { error: string } {
  if (value === null || value === undefined) return { proxies: [], directFallback: true };
  if (typeof value !== 'string') return { error: `FindProxyForURL returned ${typeof value}, not a string` };
  const elements = value
    .split(';')
    .map((e) => e.trim())
    .filter((e) => e.length > 0);
  if (elements.length === 0) return { proxies: [], directFallback: true };
  const proxies: ProxyServer[] = [];
  let directFallback = false;
  for (const element of elements) {
    const [keyword = '', ...rest] = element.split(/\s+/);
    const upper = keyword.toUpperCase();
    if (upper === 'DIRECT' && rest.length === 0) {
      directFallback = true;
      continue;
    }
    const scheme = KEYWORDS[upper];
    const proxy = scheme && rest.length === 1 ? proxyServer(scheme, rest[0]!) : null;
    if (!proxy) return { error: `cannot read "${element.slice(0, 80)}" in the answer` };
    // After DIRECT a proxy is only a fallback when the direct connection fails: the connection
    // Outlook makes is direct, so only the proxies before DIRECT are the path.
    if (!directFallback && !proxies.some((p) => p.url === proxy.url)) proxies.push(proxy);
  }
  return { proxies, directFallback };
}
