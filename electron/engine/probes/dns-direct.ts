import type { DnsDirectData, DnsRecord, ResolvedAddress } from '../../../shared/model/probe-data';
import { queryEvidence } from '../net/dns-client';
import { worstDnsError } from '../net/dns-errors';
import { askServers, dnsServersOfRun } from '../net/dns-servers';
import { defineProbe } from '../probe';
import { autodiscoverTargets } from '../autodiscover/found-hosts';
import { dnsNamesOf } from './dns-names';

/**
 * Two rounds of DNS_QUERY_TIMEOUT_MS would not fit; one query round (2 s, all in parallel) plus
 * margin does, and leaves the 10 s run time for TCP, TLS and HTTP after a dead DNS server.
 */
const DNS_DIRECT_TIMEOUT_MS = 4_000;

/** CNAME steps followed in an answer: resolvers stop at 8–16; more is a loop. */
const MAX_CNAME_CHAIN = 16;

/** Addresses named in the one-line summary; the data has all of them. */
const SUMMARY_ADDRESSES = 4;

/**
 * A fresh A and AAAA query for a name to each DNS server, bypassing every cache.
 *
 * All servers and both types at once; each query is recorded (server, type, rcode, answers,
 * time). The addresses, CNAME chain and error come from the server a stub resolver would
 * believe (see `askServers`); differences between servers stay visible in `queries`.
 */
export const dnsDirectProbe = defineProbe({
  id: 'dns.direct',
  kind: 'dns',
  title: 'DNS query to the DNS servers',
  timeoutMs: DNS_DIRECT_TIMEOUT_MS,
  plan: (view) => dnsNamesOf(view.input, autodiscoverTargets(view).map((t) => t.name)).map((name) => ({ key: name, target: name, input: { name } })),
  async run({ input, services, signal }) {
    const servers = dnsServersOfRun(services.dnsServers);
    if (servers.length === 0) {
      const data: DnsDirectData = {
        name: input.name,
        servers,
        queries: [],
        cnameChain: [],
        addresses: [],
        error: { kind: 'other', code: 'ENOSERVER', message: 'no DNS server is configured' },
        durationMs: 0,
      };
      return { status: 'fail', summary: `${input.name}: no DNS server configured`, data };
    }
    const started = performance.now();
    const { queries, primary } = await askServers({ servers, name: input.name, types: ['A', 'AAAA'], signal });
    const chosen = primary === undefined ? queries : queries.filter((q) => q.server === primary);
    const answered = chosen.filter((q) => q.rcode !== undefined);
    const answers = chosen.flatMap((q) => q.answers);
    const cnameChain = followCnames(input.name, answers);
    const finalName = cnameChain[cnameChain.length - 1] ?? input.name;
    const addresses = addressesOf(answers, finalName);
    // With addresses, a family without records is normal; any other failure still shows.
    const error = worstDnsError(chosen.map((q) => (addresses.length > 0 && q.error?.kind === 'nodata' ? undefined : q.error)));
    const data: DnsDirectData = {
      name: input.name,
      servers,
      queries: queries.map(queryEvidence),
      cnameChain,
      addresses,
      ...(error ? { error } : {}),
      // Time until the answer that counts; a query that never got one shows in its error.
      durationMs: answered.length > 0 ? Math.max(...answered.map((q) => q.durationMs)) : Math.round(performance.now() - started),
    };
    const status = addresses.length > 0 ? 'ok' : error?.kind === 'timeout' ? 'timeout' : 'fail';
    return { status, summary: summarize(data, primary), data };
  },
});

/** The chain of names as the answer gives it: `[name, target, …, final]`, empty without a CNAME. */
function followCnames(name: string, answers: readonly DnsRecord[]): string[] {
  const chain = [name];
  let current = name;
  for (let step = 0; step < MAX_CNAME_CHAIN; step += 1) {
    const next = answers.find((r) => r.type === 'CNAME' && r.name.toLowerCase() === current)?.data.toLowerCase().replace(/\.$/, '');
    if (!next || chain.includes(next)) break;
    chain.push(next);
    current = next;
  }
  return chain.length > 1 ? chain : [];
}

/** A and AAAA records of the final name, without duplicates, IPv4 first as in the answers. */
function addressesOf(answers: readonly DnsRecord[], finalName: string): ResolvedAddress[] {
  const seen = new Set<string>();
  const result: ResolvedAddress[] = [];
  for (const family of [4, 6] as const) {
    for (const record of answers) {
      if (record.type !== (family === 4 ? 'A' : 'AAAA') || record.name.toLowerCase() !== finalName || seen.has(record.data)) continue;
      seen.add(record.data);
      result.push({ address: record.data, family, ttl: record.ttl });
    }
  }
  return result;
}

function summarize(data: DnsDirectData, primary: string | undefined): string {
  const via = data.cnameChain.length > 0 ? ` via CNAME ${data.cnameChain.slice(1).join(' → ')}` : '';
  if (data.addresses.length > 0) {
    const shown = data.addresses.slice(0, SUMMARY_ADDRESSES).map((a) => a.address).join(', ');
    const more = data.addresses.length > SUMMARY_ADDRESSES ? ` (+${data.addresses.length - SUMMARY_ADDRESSES} more)` : '';
    const problem = data.error ? `; ${data.error.message}` : '';
    return `${data.name} → ${shown}${more}${via} from ${primary} in ${data.durationMs} ms${problem}`;
  }
  const from = primary ?? data.servers.join(', ');
  return `${data.name}: ${data.error?.message ?? 'no addresses'}${via} (${from})`;
}
