import type { WinHttpProxyData } from '../../../shared/model/probe-data';
import { defineCollector, windowsProgram } from './collector';
import { textLines } from './console-text';
import { labelLine } from './windows-text';

/** netsh reads one registry value; slow only when the netsh helpers load (first call after boot). */
const NETSH_TIMEOUT_MS = 5_000;
const NETSH_MAX_BYTES = 64 * 1024;

/**
 * Parses `netsh winhttp show proxy`, German or English.
 *
 * "Direct access (no proxy server)." / "Direkter Zugriff (kein Proxyserver)." means no proxy.
 * Otherwise the first labelled line is the proxy server list and the bypass list is the one whose
 * label says so ("Bypass List", "Umgehungsliste") or the second one; "(none)"/"(keine)" is empty.
 */
export function parseWinHttpProxy(text: string): WinHttpProxyData | null {
  const lines = textLines(text);
  if (lines.some((l) => /direct access|direkter zugriff/i.test(l))) return { direct: true, proxyServer: null, bypassList: [] };
  const fields = lines.map(labelLine).filter((f): f is NonNullable<typeof f> => f !== null && f.value !== '');
  if (fields.length === 0) return null;
  const bypass = fields.find((f) => /bypass|umgeh/i.test(f.label)) ?? fields[1];
  const server = fields.find((f) => f !== bypass && /proxy/i.test(f.label)) ?? fields.find((f) => f !== bypass);
  const bypassList =
    bypass && !/^\((none|keine)\)$/i.test(bypass.value) ? bypass.value.split(/[;\s]+/).filter((s) => s.length > 0) : [];
  return { direct: false, proxyServer: server?.value ?? null, bypassList };
}

/** `netsh winhttp show proxy`: the machine-wide WinHTTP proxy (Windows). */
export const winHttpProxyCollector = defineCollector({
  id: 'collector.winhttp-proxy',
  title: 'netsh winhttp show proxy',
  platforms: ['win32'],
  timeoutMs: NETSH_TIMEOUT_MS,
  commands: [
    {
      artifact: 'system/netsh-winhttp-show-proxy.txt',
      source: { kind: 'program', program: [windowsProgram('netsh.exe')], args: ['winhttp', 'show', 'proxy'] },
      encoding: 'console',
      maxOutputBytes: NETSH_MAX_BYTES,
    },
  ],
  parse: ([output]) => (output?.outcome === 'ok' && output.exitCode === 0 ? parseWinHttpProxy(output.text) : null),
  summarize: (data) => (data.direct ? 'WinHTTP: direct access (no proxy)' : `WinHTTP proxy ${data.proxyServer ?? '?'}${data.bypassList.length ? `, bypass ${data.bypassList.join(';')}` : ''}`),
});
