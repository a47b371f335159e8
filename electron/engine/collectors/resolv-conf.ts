import type { ResolverConfigData } from '../../../shared/model/probe-data';
import { defineCollector } from './collector';
import { textLines } from './console-text';

/** Reading a small local file. */
const RESOLV_CONF_TIMEOUT_MS = 2_000;
/** resolv.conf is a few hundred bytes; a huge one is not a resolver configuration. */
const RESOLV_CONF_MAX_BYTES = 64 * 1024;

/** Parses /etc/resolv.conf: `nameserver`, `search`/`domain` lines; comments start with # or ;. */
export function parseResolvConf(text: string): ResolverConfigData {
  const servers: string[] = [];
  const search: string[] = [];
  for (const line of textLines(text)) {
    const cols = line.replace(/[#;].*$/, '').trim().split(/\s+/);
    if (cols[0] === 'nameserver' && cols[1]) servers.push(cols[1]);
    else if (cols[0] === 'search') search.splice(0, search.length, ...cols.slice(1));
    else if (cols[0] === 'domain' && cols[1] && search.length === 0) search.push(cols[1]);
  }
  return { source: 'resolv.conf', scopes: [{ scope: 'resolv.conf', interface: null, servers, searchDomains: search, routingDomains: [] }] };
}

/** /etc/resolv.conf (Linux; on systemd-resolved systems it points at the local stub 127.0.0.53). */
export const resolvConfCollector = defineCollector({
  id: 'collector.resolv-conf',
  title: '/etc/resolv.conf',
  platforms: ['linux'],
  timeoutMs: RESOLV_CONF_TIMEOUT_MS,
  commands: [{ artifact: 'system/resolv.conf.txt', source: { kind: 'file', path: '/etc/resolv.conf' }, encoding: 'utf8', maxOutputBytes: RESOLV_CONF_MAX_BYTES }],
  parse: ([output]) => (output?.outcome === 'ok' ? parseResolvConf(output.text) : null),
  summarize: (data) => `nameservers: ${data.scopes[0]?.servers.join(', ') || 'none'}${data.scopes[0]?.searchDomains.length ? `; search ${data.scopes[0].searchDomains.join(' ')}` : ''}`,
});
