import { isIP } from 'node:net';
import type { RouteEntry, RouteTableData } from '../../../shared/model/probe-data';
import { defineCollector } from './collector';
import { textLines } from './console-text';
import { isDefaultRoute } from './route-print';

/** `netstat -rn` reads the kernel table; `-n` avoids name lookups that could hang. */
const NETSTAT_TIMEOUT_MS = 3_000;
const NETSTAT_MAX_BYTES = 1024 * 1024;

/**
 * Parses macOS `netstat -rn`.
 *
 * Sections "Internet:" and "Internet6:", columns Destination, Gateway, Flags, Netif (Expire).
 * `default` is the default route; a gateway of `link#17` or a MAC address means on-link (a VPN's
 * utun default route has no next hop). A link-local gateway loses its `%en0` zone: the Netif column
 * names the interface.
 */
export function parseNetstatRoutes(text: string): RouteTableData {
  const routes: RouteEntry[] = [];
  let family: 4 | 6 | null = null;
  for (const line of textLines(text)) {
    if (/^Internet:/.test(line)) family = 4;
    else if (/^Internet6:/.test(line)) family = 6;
    else if (family && !/^Destination\b/.test(line)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 4) continue;
      const [destination, gateway, , netif] = cols as [string, string, string, string];
      const plainGateway = gateway.replace(/%.*$/, '');
      routes.push({
        family,
        destination: destination === 'default' ? (family === 4 ? '0.0.0.0/0' : '::/0') : destination,
        gateway: isIP(plainGateway) ? plainGateway : null,
        interface: netif,
        metric: null,
      });
    }
  }
  return { routes, defaultRoutes: routes.filter(isDefaultRoute), persistent: [], interfaces: [] };
}

/** `netstat -rn`: the routing table (macOS). */
export const netstatRoutesCollector = defineCollector({
  id: 'collector.netstat-routes',
  title: 'netstat -rn',
  platforms: ['darwin'],
  timeoutMs: NETSTAT_TIMEOUT_MS,
  commands: [
    {
      artifact: 'system/netstat-rn.txt',
      source: { kind: 'program', program: ['/usr/sbin/netstat', 'netstat'], args: ['-rn'] },
      encoding: 'utf8',
      maxOutputBytes: NETSTAT_MAX_BYTES,
    },
  ],
  parse: ([output]) => (output?.outcome === 'ok' && output.exitCode === 0 ? parseNetstatRoutes(output.text) : null),
  summarize: (data) =>
    `${data.routes.length} route(s); default: ${data.defaultRoutes.map((r) => `${r.gateway ?? 'on-link'} (${r.interface ?? '?'})`).join(', ') || 'none'}`,
});
