import { LatencyHistogram } from './latency-histogram';
import {
  isFailure,
  isSuccess,
  type AddressStats,
  type MethodsChange,
  type MonitorSample,
  type MonitorStats,
  type MonitorTimelineEvent,
  type Outage,
} from './monitor-types';

/** Outages listed one by one; beyond that only counted (the longest is always kept). A flapping day has hundreds. */
export const MAX_RECENT_OUTAGES = 200;
/** Changes of the offered methods listed one by one; a load balancer flapping between two configurations changes every few seconds. */
export const MAX_RECENT_METHOD_CHANGES = 100;
/** Distinct sets of methods tallied: a server offers one or two; more is noise worth stopping at. */
export const MAX_METHOD_SETS = 16;
/** Addresses tallied one by one: a load-balanced name has a handful; re-resolution over a day may add a few. */
export const MAX_ADDRESSES = 64;
/** Distinct HTTP statuses and error kinds tallied. */
const MAX_TALLY_KEYS = 64;

/**
 * The statistics of a monitor run, updated sample by sample in bounded memory.
 *
 * Pure: the engine feeds it, and any front end could replay a CSV into it. Missed ticks are
 * counted but neither start, extend nor end an outage; a sleep gap ends the outage going on
 * (time asleep is not time the server was down).
 */
export class MonitorAggregator {
  private ticks = 0;
  private ok = 0;
  private noChallenge = 0;
  private errors = 0;
  private missed = 0;
  private lastSampleMs: number | null = null;
  private readonly latency = new LatencyHistogram();

  private outageCount = 0;
  private outageTotalMs = 0;
  private longest: Outage | null = null;
  private current: { startMs: number; lastFailedMs: number; samples: number } | null = null;
  private readonly recentOutages: Outage[] = [];

  private methodsNow: readonly string[] | null = null;
  private methodChanges = 0;
  private readonly recentMethodChanges: MethodsChange[] = [];
  private readonly methodSets = new Map<string, { methods: readonly string[]; samples: number }>();

  private readonly addresses = new Map<string, AddressStats>();
  private readonly failuresByKind: Record<string, number> = {};
  private untrusted = 0;
  private readonly untrustedReasons: Record<string, number> = {};
  private readonly statuses: Record<string, number> = {};

  private networkChanges = 0;
  private gapCount = 0;
  private gapTotalMs = 0;
  private markers = 0;

  constructor(
    private readonly intervalMs: number,
    private readonly startedAtMs: number,
  ) {}

  addSample(sample: MonitorSample): void {
    this.ticks += 1;
    if (sample.result === 'missed') {
      this.missed += 1;
      return;
    }
    this.lastSampleMs = sample.atMs;
    if (sample.status !== undefined) tally(this.statuses, String(sample.status));
    const address = sample.address === undefined ? undefined : this.addressStats(sample.address);
    if (address) address.samples += 1;
    if (sample.certificate && !sample.certificate.trusted) {
      this.untrusted += 1;
      tally(this.untrustedReasons, sample.certificate.error ?? 'unknown');
      if (address) address.untrusted += 1;
    }

    if (isSuccess(sample)) {
      this.ok += 1;
      if (address) address.ok += 1;
      if (sample.timings) this.latency.add(sample.timings.totalMs);
      this.noteMethods(sample.atMs, sample.methods ?? []);
      this.endOutage(sample.atMs);
      return;
    }
    if (!isFailure(sample)) return;
    if (sample.result === 'no-challenge') this.noChallenge += 1;
    else this.errors += 1;
    const kind = sample.result === 'no-challenge' ? 'no-challenge' : (sample.error?.kind ?? 'other');
    tally(this.failuresByKind, kind);
    if (address) {
      address.failed += 1;
      address.lastFailureMs = sample.atMs;
      address.lastErrorKind = kind;
    }
    if (this.current) {
      this.current.samples += 1;
      this.current.lastFailedMs = sample.atMs;
    } else {
      this.current = { startMs: sample.atMs, lastFailedMs: sample.atMs, samples: 1 };
    }
  }

  addEvent(event: MonitorTimelineEvent): void {
    switch (event.type) {
      case 'network':
        this.networkChanges += 1;
        break;
      case 'marker':
        this.markers += 1;
        break;
      case 'gap':
        if (event.cause === 'sleep') {
          this.gapCount += 1;
          this.gapTotalMs += Math.max(0, event.gapMs);
          // Asleep is not down: the outage ends where its samples end.
          if (this.current) this.endOutage(this.current.lastFailedMs + this.intervalMs);
        }
        break;
      case 'resolved':
        break;
    }
  }

  stats(nowMs: number): MonitorStats {
    const measured = this.ok + this.noChallenge + this.errors;
    const ongoing = this.current ? this.outageOf(this.current, null) : null;
    const longest = ongoing && (!this.longest || ongoing.durationMs > this.longest.durationMs) ? ongoing : this.longest;
    const recent = ongoing ? [...this.recentOutages.slice(-(MAX_RECENT_OUTAGES - 1)), ongoing] : [...this.recentOutages];
    const round = (ms: number | null) => (ms === null ? null : Math.round(ms * 10) / 10);
    return {
      startedAtMs: this.startedAtMs,
      lastSampleMs: this.lastSampleMs,
      elapsedMs: Math.max(0, nowMs - this.startedAtMs),
      intervalMs: this.intervalMs,
      ticks: this.ticks,
      measured,
      ok: this.ok,
      failed: this.noChallenge + this.errors,
      noChallenge: this.noChallenge,
      errors: this.errors,
      missed: this.missed,
      successRatio: measured ? this.ok / measured : null,
      outages: {
        count: this.outageCount + (ongoing ? 1 : 0),
        totalMs: this.outageTotalMs + (ongoing?.durationMs ?? 0),
        longest: longest ? { ...longest } : null,
        current: ongoing,
        recent: recent.map((o) => ({ ...o })),
      },
      latency: {
        count: this.latency.count,
        minMs: round(this.latency.minMs),
        maxMs: round(this.latency.maxMs),
        meanMs: round(this.latency.meanMs),
        p50Ms: round(this.latency.percentile(50)),
        p90Ms: round(this.latency.percentile(90)),
        p99Ms: round(this.latency.percentile(99)),
      },
      methods: {
        current: this.methodsNow,
        changes: this.methodChanges,
        recentChanges: this.recentMethodChanges.map((c) => ({ ...c })),
        seen: [...this.methodSets.values()].map((s) => ({ ...s })),
      },
      addresses: [...this.addresses.values()].map((a) => ({ ...a })),
      failuresByKind: { ...this.failuresByKind },
      statuses: { ...this.statuses },
      untrustedCertificates: { count: this.untrusted, reasons: { ...this.untrustedReasons } },
      networkChanges: this.networkChanges,
      gaps: { count: this.gapCount, totalMs: this.gapTotalMs },
      markers: this.markers,
    };
  }

  private outageOf(o: { startMs: number; lastFailedMs: number; samples: number }, endMs: number | null): Outage {
    const until = endMs ?? o.lastFailedMs + this.intervalMs;
    return { startMs: o.startMs, endMs, samples: o.samples, durationMs: Math.max(0, until - o.startMs) };
  }

  private endOutage(endMs: number): void {
    if (!this.current) return;
    const outage = this.outageOf(this.current, endMs);
    this.current = null;
    this.outageCount += 1;
    this.outageTotalMs += outage.durationMs;
    if (!this.longest || outage.durationMs > this.longest.durationMs) this.longest = outage;
    this.recentOutages.push(outage);
    if (this.recentOutages.length > MAX_RECENT_OUTAGES) this.recentOutages.shift();
  }

  private noteMethods(atMs: number, methods: readonly string[]): void {
    const key = methods.join(' ');
    const set = this.methodSets.get(key);
    if (set) set.samples += 1;
    else if (this.methodSets.size < MAX_METHOD_SETS) this.methodSets.set(key, { methods, samples: 1 });
    const before = this.methodsNow;
    this.methodsNow = methods;
    if (before === null || before.join(' ') === key) return;
    this.methodChanges += 1;
    this.recentMethodChanges.push({ atMs, from: before, to: methods });
    if (this.recentMethodChanges.length > MAX_RECENT_METHOD_CHANGES) this.recentMethodChanges.shift();
  }

  private addressStats(address: string): AddressStats | undefined {
    let stats = this.addresses.get(address);
    if (!stats && this.addresses.size < MAX_ADDRESSES) {
      stats = { address, samples: 0, ok: 0, failed: 0, lastFailureMs: null, lastErrorKind: null, untrusted: 0 };
      this.addresses.set(address, stats);
    }
    return stats;
  }
}

function tally(record: Record<string, number>, key: string): void {
  if (record[key] !== undefined) record[key] += 1;
  else if (Object.keys(record).length < MAX_TALLY_KEYS) record[key] = 1;
}
