import type { ResolverConfigData, ResolverScope } from '../../../shared/model/probe-data';
import { defineCollector } from './collector';
import { textLines } from './console-text';

/** resolvectl asks systemd-resolved over D-Bus: instant, or an error at once when it does not run. */
const RESOLVECTL_TIMEOUT_MS = 3_000;
const RESOLVECTL_MAX_BYTES = 256 * 1024;

/**
 * Parses `resolvectl status`: a `Global` block and one `Link N (name)` block each, with
 * `DNS Servers:` (continued on indented lines), `DNS Domain:` (`~corp.example` = routing only,
 * `~.` = default route for all names).
 */
export function parseResolvectlStatus(text: string): ResolverConfigData | null {
  const scopes: ResolverScope[] = [];
  let scope: ResolverScope | null = null;
  let list: 'servers' | 'domains' | null = null;
  for (const line of textLines(text)) {
    if (/^Global\b/.test(line)) {
      scope = { scope: 'global', interface: null, servers: [], searchDomains: [], routingDomains: [] };
      scopes.push(scope);
      list = null;
      continue;
    }
    const link = /^Link \d+ \(([^)]+)\)/.exec(line);
    if (link) {
      scope = { scope: `link ${link[1]}`, interface: link[1]!, servers: [], searchDomains: [], routingDomains: [] };
      scopes.push(scope);
      list = null;
      continue;
    }
    if (!scope) continue;
    const field = /^\s*([A-Za-z][A-Za-z. ]*?):\s*(.*)$/.exec(line);
    let values: string[];
    if (field) {
      const label = field[1]!.trim();
      list = label === 'DNS Servers' ? 'servers' : label === 'DNS Domain' ? 'domains' : null;
      values = field[2]!.trim().split(/\s+/).filter((v) => v.length > 0);
    } else if (list && /^\s+\S/.test(line)) {
      values = line.trim().split(/\s+/);
    } else {
      list = null;
      continue;
    }
    if (list === 'servers') scope.servers.push(...values.map((v) => v.replace(/#.*$/, '')));
    if (list === 'domains') {
      for (const d of values) {
        if (d.startsWith('~')) scope.routingDomains.push(d.slice(1) || '.');
        else scope.searchDomains.push(d);
      }
    }
  }
  return scopes.length > 0 ? { source: 'resolvectl', scopes } : null;
}

/** `resolvectl status`: per-link DNS servers and split-DNS domains (Linux with systemd-resolved). */
export const resolvectlCollector = defineCollector({
  id: 'collector.resolvectl',
  title: 'resolvectl status',
  platforms: ['linux'],
  timeoutMs: RESOLVECTL_TIMEOUT_MS,
  commands: [
    {
      artifact: 'system/resolvectl-status.txt',
      source: { kind: 'program', program: ['resolvectl', '/usr/bin/resolvectl'], args: ['status', '--no-pager'] },
      encoding: 'utf8',
      maxOutputBytes: RESOLVECTL_MAX_BYTES,
    },
  ],
  parse: ([output]) => (output?.outcome === 'ok' && output.exitCode === 0 ? parseResolvectlStatus(output.text) : null),
  summarize: (data) =>
    data.scopes
      .filter((s) => s.servers.length > 0)
      .map((s) => `${s.scope}: ${s.servers.join(' ')}${s.routingDomains.length ? ` (~${s.routingDomains.join(' ~')})` : ''}`)
      .join('; ') || 'no DNS servers',
});
