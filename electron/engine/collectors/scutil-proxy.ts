import type { SystemProxyData } from '../../../shared/model/probe-data';
import { defineCollector } from './collector';
import { textLines } from './console-text';

/** scutil reads the configuration daemon's store: instant. */
const SCUTIL_PROXY_TIMEOUT_MS = 3_000;
const SCUTIL_PROXY_MAX_BYTES = 64 * 1024;

/**
 * Parses macOS `scutil --proxy`: a dictionary of `HTTPEnable`, `HTTPProxy`, `HTTPPort`, the same
 * for HTTPS, `ProxyAutoConfigEnable`/`ProxyAutoConfigURLString`, `ProxyAutoDiscoveryEnable` and the
 * `ExceptionsList` array.
 */
export function parseScutilProxy(text: string): SystemProxyData | null {
  const values = new Map<string, string>();
  const exceptions: string[] = [];
  let inExceptions = false;
  for (const line of textLines(text)) {
    if (/^\s*ExceptionsList\s*:\s*<array>/.test(line)) {
      inExceptions = true;
      continue;
    }
    if (inExceptions) {
      if (/^\s*}/.test(line)) inExceptions = false;
      else {
        const item = /^\s*\d+\s*:\s*(.+)$/.exec(line);
        if (item) exceptions.push(item[1]!.trim());
      }
      continue;
    }
    const field = /^\s*([A-Za-z]+)\s*:\s*(.+)$/.exec(line);
    if (field) values.set(field[1]!, field[2]!.trim());
  }
  if (!text.includes('<dictionary>')) return null;
  const proxy = (prefix: 'HTTP' | 'HTTPS') =>
    values.get(`${prefix}Enable`) === '1' && values.get(`${prefix}Proxy`)
      ? { host: values.get(`${prefix}Proxy`)!, port: values.has(`${prefix}Port`) ? Number(values.get(`${prefix}Port`)) : null }
      : null;
  return {
    http: proxy('HTTP'),
    https: proxy('HTTPS'),
    pacUrl: values.get('ProxyAutoConfigEnable') === '1' ? (values.get('ProxyAutoConfigURLString') ?? null) : null,
    autoDiscovery: values.get('ProxyAutoDiscoveryEnable') === '1',
    exceptions,
  };
}

/**
 * `scutil --proxy`: the effective system proxy of macOS.
 *
 * Chosen over `networksetup -getwebproxy <service>`: that needs the name of the network service
 * first (a second command) and shows one service, while scutil shows the merged settings the
 * system uses for the active service.
 */
export const scutilProxyCollector = defineCollector({
  id: 'collector.scutil-proxy',
  title: 'scutil --proxy',
  platforms: ['darwin'],
  timeoutMs: SCUTIL_PROXY_TIMEOUT_MS,
  commands: [
    { artifact: 'system/scutil-proxy.txt', source: { kind: 'program', program: ['/usr/sbin/scutil', 'scutil'], args: ['--proxy'] }, encoding: 'utf8', maxOutputBytes: SCUTIL_PROXY_MAX_BYTES },
  ],
  parse: ([output]) => (output?.outcome === 'ok' && output.exitCode === 0 ? parseScutilProxy(output.text) : null),
  summarize: (data) =>
    [data.http && `HTTP ${data.http.host}:${data.http.port ?? ''}`, data.https && `HTTPS ${data.https.host}:${data.https.port ?? ''}`, data.pacUrl && `PAC ${data.pacUrl}`, data.autoDiscovery && 'WPAD']
      .filter(Boolean)
      .join(', ') || 'no proxy',
});
