import type { DnsSystemData, ErrorInfo } from '../../../shared/model/probe-data';
import type { ResolvedEvent } from '../../../shared/monitor/monitor-types';
import { isIP } from '../../../shared/validate';
import type { SystemResolver } from '../net/system-resolver';

/**
 * Which address each sample asks, and when the name is resolved again.
 *
 * The name is resolved the way Outlook's system resolves it (hosts file, OS cache and servers,
 * or `--dns-server`): once at the start, then again after a failed sample, after a network
 * change and after a failed resolution, or before every sample with `--resolve-each`. Samples
 * take the addresses in turn (round robin), so a dead address behind a load-balanced name shows
 * up in the per-address figures instead of hiding behind the first one.
 *
 * At most one resolution runs at a time: the OS resolver cannot be cancelled and runs in a small
 * thread pool, so a hanging DNS server must not gain a new lookup every second. A sample that
 * needs the name waits for the one running, within its own deadline.
 */
export interface NextAddress {
  address?: string;
  /** Time this sample spent waiting for a resolution. */
  dnsMs?: number;
  error?: ErrorInfo<'dns'>;
  /** The addresses changed with this resolution (or it failed): an event for the timeline. */
  changed?: ResolvedEvent;
}

export class AddressBook {
  private addresses: string[] | null = null;
  private stale = true;
  private turn = 0;
  private pending: Promise<DnsSystemData> | null = null;
  private lastError: string | null = null;

  constructor(
    private readonly host: string,
    private readonly resolver: Pick<SystemResolver, 'resolve'>,
    private readonly options: { resolveEach: boolean; now: () => number; signal: AbortSignal },
  ) {
    if (isIP(host)) {
      this.addresses = [host];
      this.stale = false;
    }
  }

  /** Resolve again before the next sample (a sample failed, the network changed). */
  invalidate(): void {
    if (!isIP(this.host)) this.stale = true;
  }

  /** The address for the next sample; resolves first when due, waiting at most until `signal` (the sample's deadline) fires. */
  async next(signal: AbortSignal): Promise<NextAddress> {
    if (this.stale || (this.options.resolveEach && !isIP(this.host))) {
      const started = performance.now();
      const result = await this.resolve(signal);
      const dnsMs = round(performance.now() - started);
      if (result === 'deadline') {
        return { dnsMs, error: { kind: 'dns', code: 'ETIMEOUT', message: `name resolution of ${this.host} did not finish within the sample's deadline` } };
      }
      const changed = this.take(result);
      const address = this.pick();
      if (!address) {
        const message = result.error?.message ?? 'no addresses';
        return { dnsMs, error: { kind: 'dns', ...(result.error?.code ? { code: result.error.code } : {}), message: `${this.host}: ${message}` }, ...(changed ? { changed } : {}) };
      }
      return { address, dnsMs, ...(changed ? { changed } : {}) };
    }
    const address = this.pick();
    return address ? { address } : { error: { kind: 'dns', message: `${this.host}: no addresses` } };
  }

  private pick(): string | undefined {
    if (!this.addresses || this.addresses.length === 0) return undefined;
    const address = this.addresses[this.turn % this.addresses.length];
    this.turn = (this.turn + 1) % this.addresses.length;
    return address;
  }

  /** Records a resolution; returns an event when the answer differs from the last one. */
  private take(result: DnsSystemData): ResolvedEvent | undefined {
    const atMs = this.options.now();
    if (result.addresses.length === 0) {
      // Keep the old addresses: a failed lookup is no reason to stop asking a server that may still answer.
      this.stale = true;
      const error = `${result.error?.kind ?? 'nodata'}: ${result.error?.message ?? 'no addresses'}`;
      if (error === this.lastError) return undefined;
      this.lastError = error;
      return { type: 'resolved', atMs, addresses: [], previous: this.addresses ? [...this.addresses] : null, error };
    }
    this.stale = false;
    const recovered = this.lastError !== null;
    this.lastError = null;
    const next = result.addresses.map((a) => a.address);
    const previous = this.addresses;
    if (!recovered && previous && previous.length === next.length && previous.every((a, i) => a === next[i])) return undefined;
    this.addresses = next;
    this.turn = 0;
    return { type: 'resolved', atMs, addresses: [...next], previous: previous ? [...previous] : null };
  }

  private async resolve(signal: AbortSignal): Promise<DnsSystemData | 'deadline'> {
    if (!this.pending) {
      const pending = this.resolver.resolve(this.host, this.options.signal);
      this.pending = pending;
      const clear = () => {
        if (this.pending === pending) this.pending = null;
      };
      pending.then(clear, clear);
    }
    const pending = this.pending;
    if (signal.aborted) return 'deadline';
    return new Promise((resolve) => {
      const onAbort = () => resolve('deadline');
      signal.addEventListener('abort', onAbort, { once: true });
      pending.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
        // resolve() never rejects; should it ever, the sample ends as a DNS failure at its deadline.
        () => undefined,
      );
    });
  }
}

const round = (ms: number) => Math.round(ms * 10) / 10;
