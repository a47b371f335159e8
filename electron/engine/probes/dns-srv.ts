import type { DnsSrvData, SrvTarget } from '../../../shared/model/probe-data';
import { queryEvidence } from '../net/dns-client';
import { askServers, dnsServersOfRun } from '../net/dns-servers';
import { defineProbe } from '../probe';
import { autodiscoverSrvName } from './dns-names';

/** One query round (2 s) plus margin, like the direct A/AAAA probe. */
const DNS_SRV_TIMEOUT_MS = 4_000;

/**
 * The SRV record `_autodiscover._tcp.<domain>`, Outlook's Autodiscover step after the HTTPS names.
 *
 * Asked straight to the DNS servers. Most domains have none: NXDOMAIN or no SRV data ends `ok`
 * with no records (the question was answered), and `error` says which it was.
 */
export const dnsSrvProbe = defineProbe({
  id: 'dns.srv',
  kind: 'dns',
  title: 'Autodiscover SRV record',
  timeoutMs: DNS_SRV_TIMEOUT_MS,
  plan: (view) => {
    const name = autodiscoverSrvName(view.input);
    return name ? [{ key: name, target: name, input: { name } }] : [];
  },
  async run({ input, services, signal }) {
    const servers = dnsServersOfRun(services.dnsServers);
    if (servers.length === 0) {
      const data: DnsSrvData = { name: input.name, records: [], durationMs: 0, servers, queries: [], error: { kind: 'other', code: 'ENOSERVER', message: 'no DNS server is configured' } };
      return { status: 'fail', summary: `${input.name}: no DNS server configured`, data };
    }
    const started = performance.now();
    const { queries, primary } = await askServers({ servers, name: input.name, types: ['SRV'], signal });
    const chosen = queries.find((q) => q.server === primary) ?? queries[0]!;
    const records = [...chosen.srv].sort(bySrvOrder);
    const data: DnsSrvData = {
      name: input.name,
      records,
      durationMs: primary === undefined ? Math.round(performance.now() - started) : chosen.durationMs,
      ...(chosen.error ? { error: chosen.error } : {}),
      servers,
      queries: queries.map(queryEvidence),
    };
    if (records.length > 0) {
      return { status: 'ok', summary: `${input.name} → ${records.map((r) => `${r.target}:${r.port}`).join(', ')}`, data };
    }
    const kind = chosen.error?.kind;
    if (kind === 'nxdomain' || kind === 'nodata' || kind === undefined) {
      return { status: 'ok', summary: `${input.name}: no SRV record (${chosen.rcode ?? 'empty answer'})`, data };
    }
    return { status: kind === 'timeout' ? 'timeout' : 'fail', summary: `${input.name}: ${chosen.error?.message} (${chosen.server})`, data };
  },
});

/** Priority ascending (lower is preferred), then weight descending (higher gets more traffic). */
function bySrvOrder(a: SrvTarget, b: SrvTarget): number {
  return a.priority - b.priority || b.weight - a.weight;
}
