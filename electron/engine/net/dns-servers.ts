import { getServers } from 'node:dns';
import { checkDnsServer, formatHostPort } from '../../../shared/validate';
import { queryDns, type DnsQueryOutcome, type DnsQueryType } from './dns-client';

/**
 * Servers asked in parallel by the direct probes: Windows walks at most a few per adapter, and
 * every extra server multiplies the queries of a run.
 */
export const MAX_DIRECT_SERVERS = 3;

/**
 * The DNS servers of the run as `ip:port`, in configured order, at most MAX_DIRECT_SERVERS.
 *
 * `--dns-server` when given, else the operating system's (`dns.getServers()`).
 */
export function dnsServersOfRun(configured: readonly string[]): string[] {
  const raw = configured.length > 0 ? configured : getServers();
  const servers: string[] = [];
  for (const entry of raw) {
    const parsed = checkDnsServer(entry);
    if (!parsed.ok) continue;
    const server = formatHostPort(parsed.value.address, parsed.value.port);
    if (!servers.includes(server)) servers.push(server);
  }
  return servers.slice(0, MAX_DIRECT_SERVERS);
}

export interface ServerAnswers {
  /** Every query, grouped by server in configured order, types in the order asked. */
  queries: DnsQueryOutcome[];
  /**
   * The server whose answer counts, like a stub resolver picks it: the first in configured
   * order that gave a definite answer (NOERROR or NXDOMAIN); failing that, the first that
   * answered at all (SERVFAIL, REFUSED); undefined when none answered.
   */
  primary: string | undefined;
}

/** Asks every server every type at once; resolves when all queries have ended (each has a deadline). */
export async function askServers(options: {
  servers: readonly string[];
  name: string;
  types: readonly DnsQueryType[];
  signal: AbortSignal;
  timeoutMs?: number;
}): Promise<ServerAnswers> {
  const queries = await Promise.all(
    options.servers.flatMap((server) =>
      options.types.map((type) =>
        queryDns({ server, name: options.name, type, signal: options.signal, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) }),
      ),
    ),
  );
  const servers = [...new Set(queries.map((q) => q.server))];
  const definite = servers.find((s) => queries.some((q) => q.server === s && (q.rcode === 'NOERROR' || q.rcode === 'NXDOMAIN')));
  const answered = servers.find((s) => queries.some((q) => q.server === s && q.rcode !== undefined));
  return { queries, primary: definite ?? answered };
}
