import { wininetBypasses } from '../../http/bypass-list';
import { probesOf, type Evidence } from '../../model/evidence';
import type { ConnectivityData, DnsErrorKind } from '../../model/probe-data';
import { describeResponse } from '../http-evidence';
import { withData } from '../evidence-queries';
import { noteArg } from '../host-hits';
import { defineRule } from '../rule';

/** DNS failures of the server itself (not of one name): the connectivity check's name fails with them too. */
const SERVER_FAILURES: ReadonlySet<DnsErrorKind> = new Set(['timeout', 'servfail', 'refused', 'network']);

/** The check never got past resolving its own host name: it failed with a DNS error or timeout before any address was known. */
const failedAtLookup = (data: ConnectivityData | undefined) =>
  data !== undefined && data.addresses === undefined && data.response === undefined && (data.error?.kind === 'dns' || data.error?.kind === 'timeout');

/**
 * Windows' own connectivity check fails without a portal in sight.
 *
 * Windows then shows "Kein Internetzugriff" and Office may stay offline even though Exchange is
 * reachable. Raised when no connectivity check came back `ok` and none saw a portal (that is
 * `portal.detected`); a machine without any network explains it too, and so does a DNS server
 * that fails for Outlook's names as well when the check could not even resolve its host
 * (`dns.timeout`, `dns.servfail` tell that cause).
 *
 * Windows' own check goes through the machine's WinHTTP proxy (protocol-facts §6), this one goes
 * direct: a WinHTTP proxy that does not exempt the check's host is named in a note, as the likely
 * reason when it wants a sign-in or blocks the address, and as the path Windows takes instead.
 */
export const portalNcsiUnreachableRule = defineRule({
  id: 'portal.ncsi-unreachable',
  dependsOn: ['portal.detected', 'net.no-interface', 'net.apipa-only', 'net.no-gateway', 'dns.no-server'],
  evaluate(evidence) {
    const checks = probesOf(evidence, 'connectivity').filter((r) => r.status !== 'skipped');
    if (checks.length === 0) return null;
    if (checks.some((r) => r.data?.outcome === 'ok' || r.data?.outcome === 'portal')) return null;
    const dnsServerFails = withData(evidence, 'dns.direct').some((r) => r.data.addresses.length === 0 && r.data.error && SERVER_FAILURES.has(r.data.error.kind));
    if (dnsServerFails && checks.every((r) => failedAtLookup(r.data))) return null;
    const first = checks[0]!;
    const data = first.data;
    const answer = data?.response
      ? describeResponse(data.response)
      : data?.error
        ? `${data.error.kind}: ${data.error.message}`
        : `${first.status}: ${first.summary}`;
    const url = data?.url ?? evidence.input.connectivityUrl;
    const winhttp = winHttpProxyFor(evidence, url);
    return {
      evidence: [...checks.map((r) => r.id), ...(winhttp ? [winhttp.id] : [])],
      args: { url, answer, ...(winhttp ? { ...noteArg(['winhttp-proxy']), winhttpProxy: winhttp.proxy } : {}) },
    };
  },
});

/** `user:password@` in a proxy setting: never into a text. */
const CREDENTIALS = /[^\s;=/@]+@/g;

/**
 * The machine's WinHTTP proxy, where it applies to the connectivity URL: from `netsh winhttp show
 * proxy`, else from the proxy decision's WinHTTP reading. Null when direct, exempt or unknown.
 */
function winHttpProxyFor(evidence: Evidence, url: string): { id: string; proxy: string } | null {
  let target: { scheme: string; host: string; port: number };
  try {
    const parsed = new URL(url);
    target = { scheme: parsed.protocol, host: parsed.hostname, port: Number(parsed.port) || (parsed.protocol === 'https:' ? 443 : 80) };
  } catch {
    return null;
  }
  const found = [
    ...withData(evidence, 'collector.winhttp-proxy').flatMap((r) =>
      r.data.parsed && !r.data.parsed.direct && r.data.parsed.proxyServer ? [{ id: r.id, proxy: r.data.parsed.proxyServer, bypass: r.data.parsed.bypassList }] : [],
    ),
    ...withData(evidence, 'proxy.config').flatMap((r) =>
      r.data.readings.filter((reading) => reading.source === 'winhttp' && reading.proxy).map((reading) => ({ id: r.id, proxy: reading.proxy!, bypass: reading.bypass ?? [] })),
    ),
  ][0];
  if (!found || wininetBypasses(found.bypass, target) !== undefined) return null;
  return { id: found.id, proxy: found.proxy.replace(CREDENTIALS, '') };
}
