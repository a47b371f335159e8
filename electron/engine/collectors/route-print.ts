import { isIP } from 'node:net';
import type { RouteEntry, RouteTableData } from '../../../shared/model/probe-data';
import { defineCollector, windowsProgram } from './collector';
import { textLines } from './console-text';
import { maskToPrefix } from './windows-text';

/** route print reads the local table; a second normally, five for a machine busy at logon. */
const ROUTE_PRINT_TIMEOUT_MS = 5_000;
/** A few hundred routes print some 30 KB. */
const ROUTE_PRINT_MAX_BYTES = 1024 * 1024;

const IPV4 = String.raw`\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}`;
/** `  0.0.0.0   0.0.0.0   192.168.31.1   192.168.31.221   30` (gateway may be "On-link"/"Auf Verbindung"). */
const V4_ACTIVE = new RegExp(String.raw`^\s*(${IPV4})\s+(${IPV4})\s+(.+?)\s+(${IPV4})\s+(\d+)\s*$`);
/** Persistent routes: destination, mask, gateway, metric. */
const V4_PERSISTENT = new RegExp(String.raw`^\s*(${IPV4})\s+(${IPV4})\s+(\S.*?)\s+(\d+)\s*$`);
/** `  9    286 fe80::/64   On-link` or the gateway on the next line. */
const V6_ROUTE = /^\s*(\d+)\s+(\d+)\s+(\S+)(?:\s+(\S.*))?$/;
/** ` 8...00 ff 58 60 5f 61 ......TAP-Windows Adapter V9` and ` 1...........................Software Loopback Interface 1`. */
const INTERFACE_LINE = /^\s*(\d+)\.\.\.((?:[0-9a-f]{2} ){5,7}[0-9a-f]{2})?\s*\.+(.*)$/i;

/**
 * Parses `route print`, German or English.
 *
 * The section titles differ ("IPv4-Routentabelle", "Ständige Routen"), the columns do not; rows
 * are recognised by their shape. "On-link"/"Auf Verbindung" means no next hop. IPv6 rows whose
 * destination is long carry the gateway on the following line.
 */
export function parseRoutePrint(text: string): RouteTableData {
  const data: RouteTableData = { routes: [], defaultRoutes: [], persistent: [], interfaces: [] };
  let family: 4 | 6 | null = null;
  let persistent = false;
  let pendingV6: RouteEntry | null = null;

  for (const line of textLines(text)) {
    const trimmed = line.trim();
    if (/ipv4/i.test(trimmed) && !/^\d/.test(trimmed)) {
      family = 4;
      persistent = false;
      continue;
    }
    if (/ipv6/i.test(trimmed) && !/^\d/.test(trimmed)) {
      family = 6;
      persistent = false;
      continue;
    }
    if (/^(persistent routes|ständige routen|st.ndige routen)/i.test(trimmed)) {
      persistent = true;
      continue;
    }
    if (family === null) {
      const nic = INTERFACE_LINE.exec(line);
      if (nic) data.interfaces.push({ index: Number(nic[1]), mac: nic[2] ? nic[2].replace(/ /g, '-').toUpperCase() : null, description: nic[3]!.trim() });
      continue;
    }
    if (family === 4) {
      const active = persistent ? null : V4_ACTIVE.exec(line);
      if (active) {
        data.routes.push(v4Route(active[1]!, active[2]!, active[3]!, active[4]!, active[5]!));
        continue;
      }
      const kept = persistent ? V4_PERSISTENT.exec(line) : null;
      if (kept) data.persistent.push(v4Route(kept[1]!, kept[2]!, kept[3]!, null, kept[4]!));
      continue;
    }
    // IPv6
    if (pendingV6 && /^\s{10,}\S+$/.test(line)) {
      pendingV6.gateway = gatewayOf(trimmed);
      pendingV6 = null;
      continue;
    }
    pendingV6 = null;
    const row = V6_ROUTE.exec(line);
    if (!row || !row[3]!.includes(':')) continue;
    const route: RouteEntry = {
      family: 6,
      destination: row[3]!,
      gateway: row[4] ? gatewayOf(row[4].trim()) : null,
      interface: row[1]!,
      metric: Number(row[2]),
    };
    (persistent ? data.persistent : data.routes).push(route);
    if (!row[4]) pendingV6 = route;
  }
  data.defaultRoutes = data.routes.filter(isDefaultRoute);
  return data;
}

function v4Route(destination: string, mask: string, gateway: string, iface: string | null, metric: string): RouteEntry {
  const prefix = maskToPrefix(mask);
  return {
    family: 4,
    destination: `${destination}/${prefix ?? mask}`,
    gateway: gatewayOf(gateway.trim()),
    interface: iface,
    metric: Number(metric),
  };
}

/** An address, or null for "On-link"/"Auf Verbindung" (and any other word: no next hop). */
function gatewayOf(value: string): string | null {
  return isIP(value) ? value : null;
}

export function isDefaultRoute(route: RouteEntry): boolean {
  return route.destination === '0.0.0.0/0' || route.destination === '::/0';
}

/** `route print`: the IPv4 and IPv6 routing tables and the interface list (Windows). */
export const routePrintCollector = defineCollector({
  id: 'collector.route-print',
  title: 'route print',
  platforms: ['win32'],
  timeoutMs: ROUTE_PRINT_TIMEOUT_MS,
  commands: [
    {
      artifact: 'system/route-print.txt',
      source: { kind: 'program', program: [windowsProgram('ROUTE.EXE')], args: ['print'] },
      encoding: 'console',
      maxOutputBytes: ROUTE_PRINT_MAX_BYTES,
    },
  ],
  parse: ([output]) => {
    if (output?.outcome !== 'ok') return null;
    const data = parseRoutePrint(output.text);
    return data.routes.length > 0 || data.interfaces.length > 0 ? data : null;
  },
  summarize: (data) =>
    `${data.routes.length} route(s); default: ${data.defaultRoutes.map((r) => `${r.gateway ?? 'on-link'}${r.interface ? ` (${r.interface})` : ''}`).join(', ') || 'none'}`,
});
