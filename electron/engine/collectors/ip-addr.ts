import type { IpAddrData, IpAddrInterface } from '../../../shared/model/probe-data';
import { vpnReason } from '../net/local-network';
import { defineCollector } from './collector';
import { IP_PROGRAM } from './ip-route';

/** `ip` reads interfaces over netlink: instant. */
const IP_ADDR_TIMEOUT_MS = 3_000;
const IP_ADDR_MAX_BYTES = 1024 * 1024;

interface IpAddrJson {
  ifindex?: number;
  ifname?: string;
  flags?: string[];
  mtu?: number;
  operstate?: string;
  link_type?: string;
  address?: string;
  addr_info?: { family?: string; local?: string; prefixlen?: number; scope?: string }[];
}

/** Parses `ip -j addr` (iproute2 JSON). */
export function parseIpAddrJson(text: string): IpAddrData {
  const rows = JSON.parse(text.trim() || '[]') as unknown;
  if (!Array.isArray(rows)) throw new Error('ip addr: JSON array expected');
  const interfaces: IpAddrInterface[] = (rows as IpAddrJson[])
    .filter((r) => typeof r?.ifname === 'string')
    .map((r) => {
      const reason = vpnReason(r.ifname!);
      return {
        name: r.ifname!,
        index: r.ifindex ?? 0,
        state: r.operstate ?? 'UNKNOWN',
        flags: Array.isArray(r.flags) ? r.flags : [],
        mtu: typeof r.mtu === 'number' ? r.mtu : null,
        mac: typeof r.address === 'string' && r.link_type === 'ether' ? r.address : null,
        linkType: r.link_type ?? null,
        addresses: (r.addr_info ?? [])
          .filter((a) => typeof a.local === 'string' && (a.family === 'inet' || a.family === 'inet6'))
          .map((a) => ({ family: a.family === 'inet6' ? (6 as const) : (4 as const), address: a.local!, prefixLength: a.prefixlen ?? 0, scope: a.scope ?? '' })),
        vpn: reason ? { reason } : null,
      };
    });
  return { interfaces };
}

/** `ip -j addr`: interfaces, state and addresses (Linux). */
export const ipAddrCollector = defineCollector({
  id: 'collector.ip-addr',
  title: 'ip addr',
  platforms: ['linux'],
  timeoutMs: IP_ADDR_TIMEOUT_MS,
  commands: [
    {
      artifact: 'system/ip-addr.json',
      source: { kind: 'program', program: IP_PROGRAM, args: ['-j', 'addr'] },
      encoding: 'utf8',
      maxOutputBytes: IP_ADDR_MAX_BYTES,
    },
  ],
  parse: ([output]) => (output?.outcome === 'ok' && output.exitCode === 0 ? parseIpAddrJson(output.text) : null),
  summarize: (data) => {
    const up = data.interfaces.filter((i) => i.flags.includes('UP') && !i.flags.includes('LOOPBACK') && i.addresses.length > 0);
    return `${data.interfaces.length} interface(s), up with addresses: ${up.map((i) => i.name).join(', ') || 'none'}`;
  },
});
