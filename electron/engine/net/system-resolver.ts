import { lookup as osLookup } from 'node:dns';
import { Resolver } from 'node:dns/promises';
import type { DnsErrorKind, DnsSystemData, ErrorInfo, ResolvedAddress } from '../../../shared/model/probe-data';
import { isIP, isIPv4 } from '../../../shared/validate';
import { DnsLookupError, dnsErrorFromNode, worstDnsError } from './dns-errors';
import { hostsEntriesFor, readHostsFile, type HostsFileContent } from './hosts-file';

/**
 * With `--dns-server`: how long one c-ares attempt waits for a server. Like a direct query
 * (see DNS_QUERY_TIMEOUT_MS): a server slower than this fails Outlook's lookups too.
 */
export const RESOLVER_TRY_TIMEOUT_MS = 2_000;

/**
 * With `--dns-server`: the whole resolution (A and AAAA, every server) ends by then. c-ares
 * walks the servers one after another, so several dead servers would otherwise add up.
 */
export const SYSTEM_RESOLVE_TIMEOUT_MS = 3_000;

export interface SystemResolverOptions {
  /** `ip:port` of `--dns-server`; empty = the operating system's resolver. */
  dnsServers: readonly string[];
  hostsFile: string;
  /** Overall limit in `--dns-server` mode (default SYSTEM_RESOLVE_TIMEOUT_MS). */
  timeoutMs?: number;
}

/**
 * The operating system's view of names, or a stand-in for it on given DNS servers.
 *
 * Without servers it is `dns.lookup` (getaddrinfo: hosts file, OS cache, the OS's servers).
 * With servers it behaves like the OS would on them: the hosts file first, then A and AAAA
 * from those servers. The hosts file is read once per resolver (one run).
 */
export class SystemResolver {
  private hosts: Promise<HostsFileContent> | undefined;

  constructor(private readonly options: SystemResolverOptions) {}

  /** The hosts file, read on first use; every name of the run sees the same content. */
  hostsFile(): Promise<HostsFileContent> {
    this.hosts ??= readHostsFile(this.options.hostsFile);
    return this.hosts;
  }

  /**
   * Resolves a name and tells how: the evidence of the `dns.system` probe.
   *
   * Never throws; a failure is `error`, an abort (probe timeout, run deadline) ends it at once
   * as a `timeout`. The hosts-file entries for the name are always included.
   */
  async resolve(name: string, signal: AbortSignal): Promise<DnsSystemData> {
    const started = performance.now();
    // URL host names keep IPv6 literals in brackets.
    const wanted = name.trim().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '').toLowerCase();
    const servers = [...this.options.dnsServers];
    const method: DnsSystemData['method'] = servers.length > 0 ? 'resolver' : 'os-lookup';
    const literal = isIP(wanted);
    // The OS lookup reads the hosts file itself; ours runs beside it only for the evidence.
    const osAnswer = method === 'os-lookup' && !literal ? timed(osResolve(wanted, signal)) : undefined;
    const hosts = await raceAbort(this.hostsFile(), signal).catch(
      (error: unknown): HostsFileContent => ({ path: this.options.hostsFile, lines: [], error: `not read: ${abortMessage(error)}` }),
    );
    const hostsFile = {
      path: hosts.path,
      entries: hostsEntriesFor(hosts.lines, wanted),
      ...(hosts.error ? { error: hosts.error } : {}),
    };
    const base = { name: wanted, method, ...(method === 'resolver' ? { servers } : {}), hostsFile };
    // The time of the resolution itself: the OS lookup, the DNS query, or reading the hosts file
    // when it answers. Our own read of the hosts file beside a lookup is evidence gathering, not
    // resolution time; counting it would make a busy computer look like a slow DNS server.
    const done = (result: Answer, durationMs: number): DnsSystemData => ({ ...base, ...result, durationMs: Math.round(durationMs) });

    if (literal) return done({ addresses: [{ address: wanted, family: isIPv4(wanted) ? 4 : 6 }] }, performance.now() - started);
    if (osAnswer) {
      const { value, ms } = await osAnswer;
      return done(value, ms);
    }
    if (hostsFile.entries.length > 0) {
      const seen = new Set<string>();
      const addresses = hostsFile.entries
        .filter((e) => !seen.has(e.address) && seen.add(e.address))
        .map((e): ResolvedAddress => ({ address: e.address, family: isIPv4(e.address) ? 4 : 6 }));
      return done({ addresses, source: 'hosts-file' }, performance.now() - started);
    }
    const { value, ms } = await timed(resolverResolve(wanted, servers, this.options.timeoutMs ?? SYSTEM_RESOLVE_TIMEOUT_MS, signal));
    return done({ ...value, source: 'dns' }, ms);
  }

  /** Addresses only, for probes that just need to connect; rejects with a DnsLookupError. */
  async lookup(name: string, signal: AbortSignal): Promise<ResolvedAddress[]> {
    const result = await this.resolve(name, signal);
    if (result.addresses.length > 0) return result.addresses;
    throw new DnsLookupError(result.name, result.error ?? { kind: 'nodata', message: 'no addresses' });
  }
}

type Answer = { addresses: ResolvedAddress[]; source?: 'hosts-file' | 'dns'; error?: ErrorInfo<DnsErrorKind> };

/** A promise's value and the milliseconds from now until it settled. */
async function timed<T>(promise: Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await promise;
  return { value, ms: performance.now() - started };
}

const perRun = new WeakMap<object, SystemResolver>();

/**
 * The one system resolver of a run, keyed by its RunServices.
 *
 * The `dns.system` probe and `RunServices.lookup` share it, so the hosts file is read once per
 * run and both see the same content.
 */
export function systemResolverOf(services: { readonly dnsServers: readonly string[]; readonly hostsFile: string }): SystemResolver {
  let resolver = perRun.get(services);
  if (!resolver) {
    resolver = new SystemResolver({ dnsServers: services.dnsServers, hostsFile: services.hostsFile });
    perRun.set(services, resolver);
  }
  return resolver;
}

/**
 * getaddrinfo through `dns.lookup`.
 *
 * It runs in libuv's thread pool and cannot be cancelled, so it is raced with the signal; a
 * lookup the OS keeps waiting on is simply left behind.
 */
async function osResolve(name: string, signal: AbortSignal): Promise<{ addresses: ResolvedAddress[]; error?: ErrorInfo<DnsErrorKind> }> {
  const found = new Promise<ResolvedAddress[]>((resolve, reject) => {
    osLookup(name, { all: true }, (error, addresses) => {
      if (error) reject(error);
      else resolve(addresses.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 })));
    });
  });
  try {
    return { addresses: await raceAbort(found, signal) };
  } catch (error) {
    return { addresses: [], error: signal.aborted ? abortError(signal) : dnsErrorFromNode(error) };
  }
}

/** A and AAAA from the given servers with c-ares: one try, own deadline, cancelled on abort. */
async function resolverResolve(
  name: string,
  servers: string[],
  timeoutMs: number,
  signal: AbortSignal,
): Promise<{ addresses: ResolvedAddress[]; error?: ErrorInfo<DnsErrorKind> }> {
  const resolver = new Resolver({ timeout: RESOLVER_TRY_TIMEOUT_MS, tries: 1 });
  try {
    resolver.setServers(servers);
  } catch (error) {
    return { addresses: [], error: { kind: 'other', code: 'EBADSERVER', message: (error as Error).message } };
  }
  let timedOut = false;
  const cancel = () => resolver.cancel();
  const timer = setTimeout(() => {
    timedOut = true;
    cancel();
  }, timeoutMs);
  signal.addEventListener('abort', cancel, { once: true });
  try {
    if (signal.aborted) cancel();
    // cancel() rejects both at once (ECANCELLED), so allSettled cannot outlive the deadline.
    const [v4, v6] = await Promise.allSettled([resolver.resolve4(name, { ttl: true }), resolver.resolve6(name, { ttl: true })]);
    const addresses: ResolvedAddress[] = [
      ...(v4.status === 'fulfilled' ? v4.value.map((r) => ({ address: r.address, family: 4 as const, ttl: r.ttl })) : []),
      ...(v6.status === 'fulfilled' ? v6.value.map((r) => ({ address: r.address, family: 6 as const, ttl: r.ttl })) : []),
    ];
    const errors = [v4, v6].flatMap((r) => (r.status === 'rejected' ? [dnsErrorFromNode(r.reason)] : []));
    // c-ares words a timeout as `queryA ETIMEOUT name`; say who did not answer instead.
    for (const error of errors) if (error.kind === 'timeout') error.message = `no answer from ${servers.join(', ')}`;
    if (addresses.length > 0) return { addresses };
    if (signal.aborted) return { addresses, error: abortError(signal) };
    if (timedOut) return { addresses, error: { kind: 'timeout', code: 'ETIMEOUT', message: `no answer from ${servers.join(', ')} within ${timeoutMs} ms` } };
    return { addresses, ...(errors.length ? { error: worstDnsError(errors)! } : { error: { kind: 'nodata', message: 'no addresses' } }) };
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', cancel);
  }
}

/** The promise, or the abort reason as soon as the signal fires; a late rejection is swallowed. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  promise.catch(() => undefined);
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function abortMessage(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
}

function abortError(signal: AbortSignal): ErrorInfo<DnsErrorKind> {
  const reason = signal.reason as { name?: string } | undefined;
  return reason?.name === 'TimeoutError'
    ? { kind: 'timeout', code: 'ETIMEOUT', message: `no answer before ${abortMessage(signal.reason)}` }
    : { kind: 'other', code: 'ECANCELLED', message: 'cancelled' };
}
