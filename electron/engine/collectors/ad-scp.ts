import type { ScpEntry, ScpLookupData } from '../../../shared/model/probe-data';
import { defineCollector, windowsProgram } from './collector';

/**
 * PowerShell starts in one to three seconds; the LDAP query itself is answered by the domain
 * controller in milliseconds, and the script gives up on the directory after 4 s of its own.
 */
const AD_SCP_TIMEOUT_MS = 8_000;
const AD_SCP_MAX_BYTES = 256 * 1024;
/** Seconds the script waits for the directory (ClientTimeout, ServerTimeLimit). */
const LDAP_TIMEOUT_SECONDS = 4;

/** `keywords` of an SCP that names an Autodiscover URL. */
export const SCP_URL_KEYWORD = '77378F46-2C66-4aa9-A6A6-3E7A48B19596';
/** `keywords` of an SCP that points to another directory. */
export const SCP_POINTER_KEYWORD = '67661d7F-8FC4-4fa7-BFAC-E1D7794C1F68';

/**
 * The LDAP query Outlook and the EWS Managed API make (protocol-facts §1.2): the configuration
 * partition's service connection points with Exchange's Autodiscover keywords. Fixed text, no
 * input from the run; prints our own JSON keys, UTF-8 without byte order mark.
 */
export const AD_SCP_SCRIPT = [
  "$ErrorActionPreference = 'Stop'",
  '[Console]::OutputEncoding = New-Object System.Text.UTF8Encoding $false',
  'try {',
  "$root = New-Object DirectoryServices.DirectoryEntry('LDAP://RootDSE')",
  '$config = [string]$root.Properties["configurationNamingContext"].Value',
  '$s = New-Object DirectoryServices.DirectorySearcher(New-Object DirectoryServices.DirectoryEntry("LDAP://$config"))',
  `$s.Filter = '(&(objectClass=serviceConnectionPoint)(|(keywords=${SCP_POINTER_KEYWORD})(keywords=${SCP_URL_KEYWORD})))'`,
  "$null = $s.PropertiesToLoad.AddRange([string[]]@('cn','serviceBindingInformation','keywords'))",
  `$s.ClientTimeout = [TimeSpan]::FromSeconds(${LDAP_TIMEOUT_SECONDS}); $s.ServerTimeLimit = [TimeSpan]::FromSeconds(${LDAP_TIMEOUT_SECONDS})`,
  '$e = @($s.FindAll() | ForEach-Object { [pscustomobject]@{ name = [string]($_.Properties["cn"] | Select-Object -First 1); urls = @($_.Properties["servicebindinginformation"] | ForEach-Object { [string]$_ }); keywords = @($_.Properties["keywords"] | ForEach-Object { [string]$_ }) } })',
  'ConvertTo-Json -Compress -Depth 3 -InputObject ([pscustomobject]@{ entries = $e })',
  '} catch {',
  'ConvertTo-Json -Compress -InputObject ([pscustomobject]@{ error = [string]$_.Exception.Message })',
  '}',
].join('\n');

function encoded(script: string): string {
  return Buffer.from(script, 'utf16le').toString('base64');
}

function list(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}

/** Parses the JSON the script prints; null when it is not that JSON. */
export function parseAdScp(text: string): ScpLookupData | null {
  let json: unknown;
  try {
    json = JSON.parse(text.trim().replace(/^\uFEFF/, ''));
  } catch {
    return null;
  }
  if (typeof json !== 'object' || json === null) return null;
  const record = json as Record<string, unknown>;
  if (typeof record['error'] === 'string') return { entries: [], error: record['error'].trim() };
  const entries: ScpEntry[] = [];
  for (const item of list(record['entries'])) {
    if (typeof item !== 'object' || item === null) continue;
    const entry = item as Record<string, unknown>;
    const keywords = list(entry['keywords']).filter((k): k is string => typeof k === 'string');
    const pointer = keywords.some((k) => k.toLowerCase() === SCP_POINTER_KEYWORD.toLowerCase());
    const site = keywords.find((k) => /^site=/i.test(k))?.slice(5) ?? null;
    for (const url of list(entry['urls'])) {
      if (typeof url !== 'string' || url.trim() === '') continue;
      entries.push({ name: typeof entry['name'] === 'string' ? entry['name'] : '', url: url.trim(), site: site || null, pointer });
    }
  }
  return { entries };
}

/** Exchange's Autodiscover service connection points in Active Directory (Windows, domain-joined). */
export const adScpCollector = defineCollector({
  id: 'collector.ad-scp',
  title: 'Autodiscover SCP lookup in Active Directory',
  platforms: ['win32'],
  timeoutMs: AD_SCP_TIMEOUT_MS,
  commands: [
    {
      artifact: 'system/ad-scp.json',
      source: {
        kind: 'program',
        program: [windowsProgram('WindowsPowerShell', 'v1.0', 'powershell.exe')],
        args: ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', encoded(AD_SCP_SCRIPT)],
        displayArgs: ['-NoProfile', '-NonInteractive', '-Command', AD_SCP_SCRIPT.replace(/\n/g, '; ')],
      },
      encoding: 'utf8',
      maxOutputBytes: AD_SCP_MAX_BYTES,
    },
  ],
  parse: ([output]) => (output?.outcome === 'ok' ? parseAdScp(output.text) : null),
  summarize: (data) => (data.error ? `SCP lookup failed: ${data.error}` : `${data.entries.length} service connection point(s)${data.entries.length ? `: ${data.entries.map((e) => e.url).join(', ')}` : ''}`),
});
