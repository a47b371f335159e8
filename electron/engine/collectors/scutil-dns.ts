import type { ResolverConfigData, ResolverScope } from '../../../shared/model/probe-data';
import { defineCollector } from './collector';
import { textLines } from './console-text';

/** scutil reads the configuration daemon's store: instant. */
const SCUTIL_TIMEOUT_MS = 3_000;
const SCUTIL_MAX_BYTES = 256 * 1024;

/**
 * Parses macOS `scutil --dns`: blocks `resolver #N` with `nameserver[i] : …`, `search domain[i] :
 * …`, `domain : …` (a resolver only for that domain: split DNS, VPN) and `if_index : 4 (en0)`.
 * Only the first section ("DNS configuration") is read; the scoped copy that follows repeats it.
 */
export function parseScutilDns(text: string): ResolverConfigData | null {
  const scopes: ResolverScope[] = [];
  let scope: ResolverScope | null = null;
  let sections = 0;
  for (const line of textLines(text)) {
    if (/^DNS configuration/.test(line)) {
      sections += 1;
      if (sections > 1) break;
      continue;
    }
    const resolver = /^resolver #(\d+)/.exec(line);
    if (resolver) {
      scope = { scope: `resolver #${resolver[1]}`, interface: null, servers: [], searchDomains: [], routingDomains: [] };
      scopes.push(scope);
      continue;
    }
    if (!scope) continue;
    const field = /^\s+([a-z_ ]+?)(?:\[\d+\])?\s*:\s*(.*)$/.exec(line);
    if (!field) continue;
    const [, label, value] = field as unknown as [string, string, string];
    if (label === 'nameserver') scope.servers.push(value.trim());
    else if (label === 'search domain') scope.searchDomains.push(value.trim());
    else if (label === 'domain') scope.routingDomains.push(value.trim());
    else if (label === 'if_index') scope.interface = /\(([^)]+)\)/.exec(value)?.[1] ?? null;
  }
  return scopes.length > 0 ? { source: 'scutil', scopes } : null;
}

/** `scutil --dns`: the resolvers macOS uses, including per-domain ones of VPNs. */
export const scutilDnsCollector = defineCollector({
  id: 'collector.scutil-dns',
  title: 'scutil --dns',
  platforms: ['darwin'],
  timeoutMs: SCUTIL_TIMEOUT_MS,
  commands: [
    { artifact: 'system/scutil-dns.txt', source: { kind: 'program', program: ['/usr/sbin/scutil', 'scutil'], args: ['--dns'] }, encoding: 'utf8', maxOutputBytes: SCUTIL_MAX_BYTES },
  ],
  parse: ([output]) => (output?.outcome === 'ok' && output.exitCode === 0 ? parseScutilDns(output.text) : null),
  summarize: (data) =>
    data.scopes
      .filter((s) => s.servers.length > 0)
      .map((s) => `${s.routingDomains.length ? s.routingDomains.join(',') : 'default'}: ${s.servers.join(' ')}`)
      .join('; ') || 'no DNS servers',
});
