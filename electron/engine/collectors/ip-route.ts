import type { RouteEntry, RouteTableData } from '../../../shared/model/probe-data';
import { defineCollector } from './collector';
import { isDefaultRoute } from './route-print';

/** `ip` reads the kernel table over netlink: instant. */
const IP_ROUTE_TIMEOUT_MS = 3_000;
/** A full BGP table would be huge; a client's main table is a few KB. */
const IP_ROUTE_MAX_BYTES = 1024 * 1024;

/** Where `ip` lives when /usr/sbin is not on the PATH of a normal user. */
export const IP_PROGRAM = ['ip', '/usr/sbin/ip', '/sbin/ip'] as const;

interface IpRouteJson {
  dst?: string;
  gateway?: string;
  dev?: string;
  metric?: number;
}

/** Parses `ip -j -4 route show table main` / `ip -j -6 route …` (iproute2 JSON). */
export function parseIpRouteJson(text: string, family: 4 | 6): RouteEntry[] {
  const trimmed = text.trim();
  if (!trimmed) return [];
  const rows = JSON.parse(trimmed) as unknown;
  if (!Array.isArray(rows)) throw new Error('ip route: JSON array expected');
  return (rows as IpRouteJson[])
    .filter((r) => typeof r?.dst === 'string')
    .map((r) => ({
      family,
      destination: r.dst === 'default' ? (family === 4 ? '0.0.0.0/0' : '::/0') : r.dst!.includes('/') ? r.dst! : `${r.dst}/${family === 4 ? 32 : 128}`,
      gateway: typeof r.gateway === 'string' ? r.gateway : null,
      interface: typeof r.dev === 'string' ? r.dev : null,
      metric: typeof r.metric === 'number' ? r.metric : null,
    }));
}

/** `ip -j route` for IPv4 and IPv6 (Linux). */
export const ipRouteCollector = defineCollector({
  id: 'collector.ip-route',
  title: 'ip route',
  platforms: ['linux'],
  timeoutMs: IP_ROUTE_TIMEOUT_MS,
  commands: [
    {
      artifact: 'system/ip-route-4.json',
      source: { kind: 'program', program: IP_PROGRAM, args: ['-j', '-4', 'route', 'show', 'table', 'main'] },
      encoding: 'utf8',
      maxOutputBytes: IP_ROUTE_MAX_BYTES,
    },
    {
      artifact: 'system/ip-route-6.json',
      source: { kind: 'program', program: IP_PROGRAM, args: ['-j', '-6', 'route', 'show', 'table', 'main'] },
      encoding: 'utf8',
      maxOutputBytes: IP_ROUTE_MAX_BYTES,
    },
  ],
  parse: (outputs) => {
    const usable = outputs.map((o, i) => ({ o, family: i === 0 ? (4 as const) : (6 as const) })).filter(({ o }) => o.outcome === 'ok' && o.exitCode === 0);
    if (usable.length === 0) return null;
    const routes = usable.flatMap(({ o, family }) => parseIpRouteJson(o.text, family));
    const data: RouteTableData = { routes, defaultRoutes: routes.filter(isDefaultRoute), persistent: [], interfaces: [] };
    return data;
  },
  summarize: (data) =>
    `${data.routes.length} route(s); default: ${data.defaultRoutes.map((r) => `${r.gateway ?? 'on-link'} dev ${r.interface ?? '?'}`).join(', ') || 'none'}`,
});
