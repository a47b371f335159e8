import type { HttpErrorKind } from '../model/probe-data';

/**
 * The monitor ("Dauertest") as the engine streams it to the command line, the app and a web
 * bridge: samples, timeline events and statistics.
 *
 * Plain JSON values only (numbers, strings, arrays), so every shape crosses IPC and a web socket
 * unchanged. Times are epoch milliseconds (`…Ms` fields that name a moment) or durations in
 * milliseconds; front ends format them.
 */

/**
 * How one tick ended.
 *
 * `challenge`: an answer with at least one WWW-Authenticate challenge (what Outlook needs to sign
 * in); `no-challenge`: an answer without one (login page, portal, 5xx, 404); `error`: no answer
 * (refused, reset, timeout, TLS, DNS); `missed`: no request was sent for this tick (see
 * MissedReason), so nothing was measured.
 */
export type SampleResult = 'challenge' | 'no-challenge' | 'error' | 'missed';

/**
 * Why a tick sent no request.
 *
 * `busy`: the previous request was still running when this tick was due (requests never pile
 * up); `late`: the computer did not run the monitor in time (an overloaded machine), so the tick
 * passed unused. Neither is a statement about the server, so neither counts as a failure.
 */
export type MissedReason = 'busy' | 'late';

/** Where the time of one sample went, in ms. */
export interface SampleTimings {
  /** Name resolution, when this sample resolved the name (first sample, `--resolve-each`, after a failure). */
  dnsMs?: number;
  /** TCP connect, when this sample opened a connection. */
  connectMs?: number;
  tlsMs?: number;
  /** Request written → response headers. */
  ttfbMs?: number;
  /** The whole sample: resolution (if any), connection, request, answer. */
  totalMs: number;
}

export interface MonitorSample {
  /** Tick number, from 0; a missed tick has one too, so the timeline keeps its cadence. */
  seq: number;
  /** When the request started (or, for a missed tick, when it was due), epoch ms. */
  atMs: number;
  result: SampleResult;
  /** The address the request went to. */
  address?: string;
  /** HTTP status of the answer. */
  status?: number;
  /** Authentication schemes offered (`Negotiate`, `NTLM`, `Basic`, `Bearer`), as sent. */
  methods?: readonly string[];
  timings?: SampleTimings;
  /** Whether the request opened a connection or reused one (keep-alive). */
  connection?: 'new' | 'reused';
  /**
   * The server certificate's check (chain and name, with the run's trust anchors and `--ca-file`),
   * over TLS. Told, not counted as a failure: the challenge is what the monitor asks for; the
   * diagnosis judges certificates.
   */
  certificate?: { trusted: boolean; error?: string };
  /** What went wrong (also for `no-challenge` when the body then failed). Never holds a secret. */
  error?: { kind: HttpErrorKind; code?: string; message: string };
  missed?: MissedReason;
}

/** One adapter that appeared, went away or changed its addresses. */
export interface InterfaceChange {
  name: string;
  change: 'added' | 'removed' | 'changed';
  /** Addresses that appeared / went away (without the prefix length). */
  added: string[];
  removed: string[];
  /** The adapter looks like a VPN or tunnel (by name). */
  vpn: boolean;
}

/** Adapters or addresses changed: docking, a WLAN switch, a VPN coming up or going down. */
export interface NetworkChangeEvent {
  type: 'network';
  atMs: number;
  changes: InterfaceChange[];
}

/**
 * A stretch without measurements that the monitor did not cause.
 *
 * `sleep`: the wall clock jumped ahead of the monotonic clock (the computer slept or hibernated;
 * also a clock set forward) or the monitor's timer came far too late (sleep on systems whose
 * monotonic clock runs on, or a frozen process); `clock-set-back`: the wall clock went back.
 */
export interface GapEvent {
  type: 'gap';
  atMs: number;
  cause: 'sleep' | 'clock-set-back';
  /** `clock-jump`: wall clock against the monotonic clock; `late-timer`: the tick itself came far too late. */
  detectedBy: 'clock-jump' | 'late-timer';
  /** The last tick before the gap and the first one after it, epoch ms (wall clock). */
  fromMs: number;
  toMs: number;
  /** Time beyond the normal spacing of ticks (negative for a clock set back). */
  gapMs: number;
}

/** "Problem ist gerade aufgetreten": set by the user while reproducing. */
export interface MarkerEvent {
  type: 'marker';
  atMs: number;
  /** 1, 2, … in the order they were set. */
  number: number;
  note?: string;
}

/** The name's addresses changed (or resolution failed), e.g. after a VPN switched DNS. */
export interface ResolvedEvent {
  type: 'resolved';
  atMs: number;
  addresses: string[];
  /** Addresses before; null for the first resolution. */
  previous: string[] | null;
  error?: string;
}

export type MonitorTimelineEvent = NetworkChangeEvent | GapEvent | MarkerEvent | ResolvedEvent;

/** One outage: consecutive failed samples (missed ticks neither extend nor end one). */
export interface Outage {
  /** Start of the first failed sample. */
  startMs: number;
  /** Start of the first successful sample after it; null while it lasts. */
  endMs: number | null;
  /** Failed samples in it. */
  samples: number;
  /** endMs − startMs; while it lasts (or when a sleep gap cut it): up to one interval after its last failed sample. */
  durationMs: number;
}

export interface MethodsChange {
  atMs: number;
  from: readonly string[];
  to: readonly string[];
}

export interface AddressStats {
  address: string;
  samples: number;
  ok: number;
  failed: number;
  lastFailureMs: number | null;
  lastErrorKind: HttpErrorKind | 'no-challenge' | null;
  /** Answers whose certificate was not trusted. */
  untrusted: number;
}

export interface LatencyStats {
  /** Successful samples the figures are made of. */
  count: number;
  minMs: number | null;
  maxMs: number | null;
  meanMs: number | null;
  /** Percentiles from a fixed-bucket histogram: within ±3 % of the exact value. */
  p50Ms: number | null;
  p90Ms: number | null;
  p99Ms: number | null;
}

/** Figures of the whole run, kept in bounded memory however long it runs. */
export interface MonitorStats {
  startedAtMs: number;
  lastSampleMs: number | null;
  /** Wall time since the start. */
  elapsedMs: number;
  intervalMs: number;
  /** Ticks, including missed ones. */
  ticks: number;
  /** Samples with a request: ok + failed. */
  measured: number;
  ok: number;
  failed: number;
  noChallenge: number;
  errors: number;
  missed: number;
  /** ok / measured; null before the first measurement. */
  successRatio: number | null;
  outages: {
    count: number;
    totalMs: number;
    longest: Outage | null;
    /** The outage going on now, if any (also in `recent`). */
    current: Outage | null;
    /** The latest outages, oldest first (bounded; `count` has them all). */
    recent: Outage[];
  };
  latency: LatencyStats;
  methods: {
    /** The methods of the latest answer with a challenge. */
    current: readonly string[] | null;
    changes: number;
    /** The latest changes, oldest first (bounded). */
    recentChanges: MethodsChange[];
    /** Each set of methods seen and how many answers offered it (bounded). */
    seen: { methods: readonly string[]; samples: number }[];
  };
  /** Per address, in order of first use (bounded). */
  addresses: AddressStats[];
  /** Failed samples by kind (`no-challenge` for answers without a challenge). */
  failuresByKind: Record<string, number>;
  /** Answers by HTTP status. */
  statuses: Record<string, number>;
  /** Samples whose server certificate was not trusted, by reason (e.g. `CERT_HAS_EXPIRED`). */
  untrustedCertificates: { count: number; reasons: Record<string, number> };
  networkChanges: number;
  gaps: { count: number; totalMs: number };
  markers: number;
}

/** The settings a run uses, as the engine resolved them. */
export interface MonitorRunInfo {
  /** The URL asked every interval (no secrets: the dummy Bearer header is not part of it). */
  url: string;
  method: string;
  host: string;
  port: number;
  intervalMs: number;
  /** Deadline of each sample, shorter than the interval. */
  deadlineMs: number;
  durationMs: number | null;
  /** `fresh`: a new connection for every sample (default); `keep-alive`: one reused connection, like Outlook. */
  connection: 'fresh' | 'keep-alive';
  resolveEach: boolean;
  startedAtMs: number;
  /** The CSV log file the run streams to, if any. */
  csvFile: string | null;
}

export type MonitorEndReason = 'duration' | 'stopped' | 'aborted';

/** What the engine streams while a monitor runs. */
export type MonitorEvent =
  | { type: 'monitor-started'; info: MonitorRunInfo }
  | { type: 'monitor-sample'; sample: MonitorSample }
  | { type: 'monitor-timeline'; event: MonitorTimelineEvent }
  /** At most about once a second while running, for counters and charts. */
  | { type: 'monitor-stats'; stats: MonitorStats }
  | { type: 'monitor-ended'; reason: MonitorEndReason; stats: MonitorStats; csvError?: string };

/** A sample counts as successful when a challenge came back. */
export function isSuccess(sample: Pick<MonitorSample, 'result'>): boolean {
  return sample.result === 'challenge';
}

/** A measured sample that did not get a challenge. */
export function isFailure(sample: Pick<MonitorSample, 'result'>): boolean {
  return sample.result === 'no-challenge' || sample.result === 'error';
}
