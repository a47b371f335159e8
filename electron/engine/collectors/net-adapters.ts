import type { ConnectionProfileInfo, NetAdapterInfo, NetAdaptersData } from '../../../shared/model/probe-data';
import { vpnReason } from '../net/local-network';
import { defineCollector, windowsProgram } from './collector';

/**
 * PowerShell itself needs one to three seconds to start on a normal office PC, more right after
 * logon; eight seconds lets it finish without holding a run much past its other probes.
 */
const NET_ADAPTERS_TIMEOUT_MS = 8_000;
const NET_ADAPTERS_MAX_BYTES = 1024 * 1024;

/**
 * One PowerShell start for both cmdlets (each start costs a second). Enums are turned into their
 * names (Windows PowerShell 5.1 would print numbers), output is UTF-8 without byte order mark, and
 * the JSON keys are our own, so nothing depends on the display language.
 */
export const NET_ADAPTERS_SCRIPT = [
  "$ErrorActionPreference = 'SilentlyContinue'",
  '[Console]::OutputEncoding = New-Object System.Text.UTF8Encoding $false',
  '$a = @(Get-NetAdapter | ForEach-Object { [pscustomobject]@{ name = $_.Name; description = $_.InterfaceDescription; index = [int]$_.ifIndex; status = [string]$_.Status; mac = [string]$_.MacAddress; linkSpeed = [string]$_.LinkSpeed; mediaType = [string]$_.MediaType; physicalMediaType = [string]$_.PhysicalMediaType; virtual = [bool]$_.Virtual; hardwareInterface = [bool]$_.HardwareInterface } })',
  '$p = @(Get-NetConnectionProfile | ForEach-Object { [pscustomobject]@{ name = [string]$_.Name; interfaceAlias = [string]$_.InterfaceAlias; interfaceIndex = [int]$_.InterfaceIndex; networkCategory = [string]$_.NetworkCategory; ipv4Connectivity = [string]$_.IPv4Connectivity; ipv6Connectivity = [string]$_.IPv6Connectivity } })',
  'ConvertTo-Json -Compress -Depth 3 -InputObject ([pscustomobject]@{ adapters = $a; profiles = $p })',
].join('; ');

/** PowerShell's -EncodedCommand: the script as base64 of UTF-16LE, immune to argument quoting. */
function encoded(script: string): string {
  return Buffer.from(script, 'utf16le').toString('base64');
}

/** ConvertTo-Json turns a one-element array into an object in some versions; accept both. */
function list(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null);
  return typeof value === 'object' && value !== null ? [value as Record<string, unknown>] : [];
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v) || 0);
const bool = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);

/** Parses the JSON our script prints. */
export function parseNetAdapters(text: string): NetAdaptersData | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) return null;
  const json = JSON.parse(trimmed) as { adapters?: unknown; profiles?: unknown };
  const adapters: NetAdapterInfo[] = list(json.adapters).map((a) => {
    const name = str(a.name) ?? '';
    const description = str(a.description) ?? '';
    const reason = vpnReason(name, description);
    return {
      name,
      description,
      index: num(a.index),
      status: str(a.status) ?? '',
      mac: str(a.mac),
      linkSpeed: str(a.linkSpeed),
      mediaType: str(a.mediaType),
      physicalMediaType: str(a.physicalMediaType),
      virtual: bool(a.virtual),
      hardwareInterface: bool(a.hardwareInterface),
      vpn: reason ? { reason } : null,
    };
  });
  const profiles: ConnectionProfileInfo[] = list(json.profiles).map((p) => ({
    name: str(p.name) ?? '',
    interfaceAlias: str(p.interfaceAlias) ?? '',
    interfaceIndex: num(p.interfaceIndex),
    networkCategory: str(p.networkCategory) ?? '',
    ipv4Connectivity: str(p.ipv4Connectivity) ?? '',
    ipv6Connectivity: str(p.ipv6Connectivity) ?? '',
  }));
  return { adapters, profiles };
}

/** PowerShell Get-NetAdapter and Get-NetConnectionProfile (Windows 8 and later). */
export const netAdaptersCollector = defineCollector({
  id: 'collector.net-adapters',
  title: 'Get-NetAdapter, Get-NetConnectionProfile',
  platforms: ['win32'],
  timeoutMs: NET_ADAPTERS_TIMEOUT_MS,
  commands: [
    {
      artifact: 'system/get-netadapter.json',
      source: {
        kind: 'program',
        program: [windowsProgram('WindowsPowerShell', 'v1.0', 'powershell.exe')],
        args: ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', encoded(NET_ADAPTERS_SCRIPT)],
        displayArgs: ['-NoProfile', '-NonInteractive', '-Command', NET_ADAPTERS_SCRIPT],
      },
      encoding: 'utf8',
      maxOutputBytes: NET_ADAPTERS_MAX_BYTES,
    },
  ],
  parse: ([output]) => (output?.outcome === 'ok' ? parseNetAdapters(output.text) : null),
  summarize: (data) =>
    `${data.adapters.filter((a) => a.status === 'Up').length} of ${data.adapters.length} adapter(s) up; networks: ${
      data.profiles.map((p) => `${p.name} (${p.networkCategory}, ${p.ipv4Connectivity})`).join(', ') || 'none'
    }`,
});
