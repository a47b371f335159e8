import type { IpconfigAdapter, IpconfigData } from '../../../shared/model/probe-data';
import { vpnReason } from '../net/local-network';
import { defineCollector, windowsProgram } from './collector';
import { textLines } from './console-text';
import { continuationValue, labelLine } from './windows-text';

/** ipconfig reads local adapter state only; it answers in well under a second even with many adapters. */
const IPCONFIG_TIMEOUT_MS = 5_000;
/** A machine with dozens of virtual adapters prints some 20 KB; 1 MiB means something is wrong. */
const IPCONFIG_MAX_BYTES = 1024 * 1024;

/** Header of an adapter section: `Ethernet-Adapter Ethernet 2:`, `Drahtlos-LAN-Adapter WLAN:`, `Tunneladapter isatap.{…}:`. */
const ADAPTER_HEADER = /^(.*?)[ -]?adapter (.+):$/i;

const TYPE_BY_PREFIX: [RegExp, IpconfigAdapter['type']][] = [
  [/^ethernet$/i, 'ethernet'],
  [/wireless|drahtlos|wlan/i, 'wireless'],
  [/^tunnel$/i, 'tunnel'],
  [/^ppp$/i, 'ppp'],
  [/mobile|mobil|breitband/i, 'mobile'],
  [/^(unknown|unbekannter)$/i, 'unknown'],
];

type ListField = 'dnsServers' | 'defaultGateways' | 'search' | 'none';

/**
 * Parses `ipconfig /all`, German or English, from any Windows since 7.
 *
 * Labels are matched in both languages (`Physische Adresse`/`Physical Address`, `Standardgateway`/
 * `Default Gateway`); values continued on deeply indented lines (more DNS servers, gateways) are
 * collected; the bracketed state after an address ("(Bevorzugt)", "(Preferred)") is kept apart.
 * Returns null when the text holds neither a host name nor an adapter.
 */
export function parseIpconfigAll(text: string): IpconfigData | null {
  const data: IpconfigData = { hostName: null, primaryDnsSuffix: null, dnsSuffixSearchList: [], adapters: [] };
  let adapter: IpconfigAdapter | null = null;
  let list: ListField = 'none';

  for (const line of textLines(text)) {
    if (line.trim() === '') continue;
    const header = line.startsWith(' ') || line.includes(' . ') ? null : ADAPTER_HEADER.exec(line);
    if (header) {
      const prefix = header[1]!.trim();
      adapter = {
        name: header[2]!.trim(),
        type: TYPE_BY_PREFIX.find(([pattern]) => pattern.test(prefix))?.[1] ?? 'other',
        description: null,
        physicalAddress: null,
        mediaDisconnected: false,
        dhcpEnabled: null,
        connectionDnsSuffix: null,
        ipv4: [],
        ipv6: [],
        defaultGateways: [],
        dhcpServer: null,
        dnsServers: [],
        vpn: null,
      };
      data.adapters.push(adapter);
      list = 'none';
      continue;
    }
    const more = continuationValue(line);
    if (more !== null) {
      if (list === 'dnsServers') adapter?.dnsServers.push(stripState(more).address);
      else if (list === 'defaultGateways') adapter?.defaultGateways.push(stripState(more).address);
      else if (list === 'search' && !adapter) data.dnsSuffixSearchList.push(more);
      continue;
    }
    const field = labelLine(line);
    if (!field) continue;
    const { key, value } = field;
    list = 'none';
    if (!adapter) {
      if (/^host ?name$/.test(key)) data.hostName = value || null;
      else if (/^(primary dns suffix|primäres dns suffix)$/.test(key)) data.primaryDnsSuffix = value || null;
      else if (/^(dns suffix search list|dns suffixsuchliste)$/.test(key)) {
        if (value) data.dnsSuffixSearchList.push(value);
        list = 'search';
      }
      continue;
    }
    if (/^(media state|medienstatus)$/.test(key)) adapter.mediaDisconnected = /disconnected|getrennt/i.test(value);
    else if (/^(connection specific dns suffix|verbindungsspezifisches dns suffix)$/.test(key)) adapter.connectionDnsSuffix = value || null;
    else if (/^(description|beschreibung)$/.test(key)) adapter.description = value || null;
    else if (/^(physical address|physische adresse|physikalische adresse)$/.test(key)) adapter.physicalAddress = value || null;
    else if (/^(dhcp enabled|dhcp aktiviert)$/.test(key)) adapter.dhcpEnabled = /^(yes|ja)$/i.test(value) ? true : /^(no|nein)$/i.test(value) ? false : null;
    else if (/ipv4 (address|adresse)|^ip (address|adresse)$/.test(key)) {
      const { address, status } = stripState(value);
      if (address) adapter.ipv4.push({ address, subnetMask: null, status });
    } else if (/^(subnet mask|subnetzmaske)$/.test(key)) {
      const pending = adapter.ipv4.find((a) => a.subnetMask === null);
      if (pending) pending.subnetMask = value || null;
    } else if (/ipv6 (address|adresse)$/.test(key)) {
      const { address, status } = stripState(value);
      if (!address) continue;
      const [plain, zone] = address.split('%');
      adapter.ipv6.push({
        address: plain!,
        kind: /link local|verbindungslokale/.test(key) ? 'link-local' : /temporary|temporäre/.test(key) ? 'temporary' : 'global',
        scopeId: zone !== undefined && /^\d+$/.test(zone) ? Number(zone) : null,
        status,
      });
    } else if (/^(default gateway|standardgateway)$/.test(key)) {
      if (value) adapter.defaultGateways.push(stripState(value).address);
      list = 'defaultGateways';
    } else if (/^dhcp server$/.test(key)) adapter.dhcpServer = value || null;
    else if (/^dns server(s)?$/.test(key)) {
      if (value) adapter.dnsServers.push(stripState(value).address);
      list = 'dnsServers';
    }
  }

  for (const a of data.adapters) {
    const reason = vpnReason(a.name, a.description ?? '');
    a.vpn = reason ? { reason } : null;
  }
  if (!data.hostName && data.adapters.length === 0) return null;
  return data;
}

/** `192.168.0.100(Bevorzugt)` → address and `bevorzugt`. */
function stripState(value: string): { address: string; status: string | null } {
  const match = /^(.*?)\s*\(([^()]+)\)$/.exec(value);
  if (!match) return { address: value.trim(), status: null };
  return { address: match[1]!.trim(), status: match[2]!.trim().toLowerCase() };
}

/** `ipconfig /all`: adapters, descriptions, addresses, gateways and DNS servers (Windows). */
export const ipconfigAllCollector = defineCollector({
  id: 'collector.ipconfig-all',
  title: 'ipconfig /all',
  platforms: ['win32'],
  timeoutMs: IPCONFIG_TIMEOUT_MS,
  commands: [
    {
      artifact: 'system/ipconfig-all.txt',
      source: { kind: 'program', program: [windowsProgram('ipconfig.exe')], args: ['/all'] },
      encoding: 'console',
      maxOutputBytes: IPCONFIG_MAX_BYTES,
    },
  ],
  parse: ([output]) => (output && output.outcome === 'ok' ? parseIpconfigAll(output.text) : null),
  summarize: (data) => {
    const up = data.adapters.filter((a) => !a.mediaDisconnected && (a.ipv4.length > 0 || a.ipv6.length > 0));
    const vpn = up.filter((a) => a.vpn);
    return `${data.adapters.length} adapter(s), ${up.length} with addresses${vpn.length ? `, VPN-like: ${vpn.map((a) => a.name).join(', ')}` : ''}`;
  },
});
