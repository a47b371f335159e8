import type { MonitorData } from '../../../shared/bundle/bundle-input';
import { redactUrl } from '../../../shared/http/header-list';
import type { HttpExchange } from '../../../shared/model/probe-data';
import { MonitorAggregator } from '../../../shared/monitor/monitor-aggregator';
import { monitorBundleStatistics } from '../../../shared/monitor/monitor-bundle-stats';
import { eventCsvLine, MONITOR_CSV_HEADER, sampleCsvLine } from '../../../shared/monitor/monitor-csv';
import { MAX_MARKER_NOTE_CHARS } from '../../../shared/monitor/monitor-settings';
import {
  isFailure,
  type MarkerEvent,
  type MonitorEndReason,
  type MonitorEvent,
  type MonitorRunInfo,
  type MonitorSample,
  type MonitorStats,
  type MonitorTimelineEvent,
} from '../../../shared/monitor/monitor-types';
import { createRunServices } from '../create-run-services';
import { httpsContext } from '../net/address-pools';
import { SystemResolver } from '../net/system-resolver';
import { AddressBook } from './address-book';
import { Cadence } from './cadence';
import { CsvLog } from './csv-log';
import type { PreparedMonitor } from './monitor-options';
import { NetworkWatcher, type RawInterfaces } from './network-watcher';
import { RingBuffer } from './ring-buffer';
import { SampleRing } from './sample-ring';
import { takeSample } from './take-sample';
import { TickOrder } from './tick-order';

/**
 * A running monitor: every interval one sample, the network watched, everything streamed.
 *
 * Memory stays bounded however long it runs: samples in a ring (the last hour, see
 * ringCapacity), timeline events in a smaller ring, and the whole run's figures in the
 * aggregator. The full log goes to the CSV file when there is one.
 */

/** The ring holds the last hour of samples: the app's timeline (60 rows of 60) and the bundle log without a CSV file. */
export const RING_WINDOW_MS = 3_600_000;
/** At most this many samples in the ring: an hour at 10/s, 1.7 MB (see SampleRing). */
export const MAX_RING_SAMPLES = 36_000;
/** Timeline events kept in memory (network changes, gaps, markers, resolutions): a bad day has a few dozen. */
export const MAX_TIMELINE_EVENTS = 2_000;
/** `monitor.csv` in a bundle at most: about 33 hours at one sample a second; older lines are left out. */
export const MAX_BUNDLE_CSV_BYTES = 16 * 1024 * 1024;
/** Statistics events at most this often: counters in a window need no more. */
export const STATS_EVENT_MIN_MS = 1_000;

/** Wall clock (epoch ms) and monotonic clock (ms). */
export interface MonitorClock {
  wall(): number;
  mono(): number;
}

export const SYSTEM_CLOCK: MonitorClock = { wall: () => Date.now(), mono: () => performance.now() };

export interface MonitorHooks {
  onEvent?: (event: MonitorEvent) => void;
  /** Ends the run like `stop()` (reason `aborted`). */
  signal?: AbortSignal;
  /** Tests only: play a clock history (sleep, clock changes). */
  clock?: MonitorClock;
  /** Tests only: play adapter histories instead of `os.networkInterfaces()`. */
  readInterfaces?: () => RawInterfaces;
}

/** A few whole exchanges worth showing in the bundle's HAR: the first answer and failures. */
export interface KeptExchanges {
  first?: HttpExchange;
  firstFailure?: HttpExchange;
  lastFailure?: HttpExchange;
}

export interface MonitorOutcome {
  info: MonitorRunInfo;
  reason: MonitorEndReason;
  stats: MonitorStats;
  endedAtMs: number;
  /** Writing the CSV log failed (the run went on). */
  csvError: string | null;
  exchanges: KeptExchanges;
}

export interface MonitorSession {
  readonly info: MonitorRunInfo;
  /** "Problem ist gerade aufgetreten": a marker on the timeline and in the log; null once the run has ended. */
  mark(note?: string): MarkerEvent | null;
  /** The figures so far. */
  stats(): MonitorStats;
  /** The newest samples (and the timeline events since the oldest of them), e.g. to redraw a timeline. */
  recent(limit?: number): { samples: MonitorSample[]; events: MonitorTimelineEvent[] };
  /** Ends the run (a request under way is dropped); resolves with the outcome. */
  stop(): Promise<MonitorOutcome>;
  readonly done: Promise<MonitorOutcome>;
  /** `monitor.csv` and the statistics for `writeBundle` (during or after the run). */
  bundleData(): Promise<MonitorData>;
  /** The whole exchanges kept so far (first answer, first and last failure), for a report. */
  exchanges(): KeptExchanges;
  /** How the run ended; null while it runs. */
  ended(): MonitorEndReason | null;
}

/** Ring capacity for an interval: the last RING_WINDOW_MS, at most MAX_RING_SAMPLES. */
export function ringCapacity(intervalMs: number): number {
  return Math.min(MAX_RING_SAMPLES, Math.ceil(RING_WINDOW_MS / intervalMs));
}

/** Starts a monitor; rejects only when the CSV file cannot be created. */
export async function startMonitor(prepared: PreparedMonitor, hooks: MonitorHooks = {}): Promise<MonitorSession> {
  const clock = hooks.clock ?? SYSTEM_CLOCK;
  const csv = prepared.csvFile !== undefined ? await CsvLog.create(prepared.csvFile) : null;
  const { intervalMs, deadlineMs, durationMs } = prepared.timing;
  const services = createRunServices({ dnsServers: prepared.dnsServers }, {
    extraCa: prepared.extraCa,
    ...(prepared.hostsFile ? { hostsFile: prepared.hostsFile } : {}),
    now: () => clock.wall(),
  });
  // The trust anchors are parsed now (~20 ms), not inside the first sample's deadline, which at
  // short intervals is shorter than parsing and a cold handshake together.
  if (prepared.request.url.startsWith('https:')) httpsContext(services);
  const stopper = new AbortController();
  const resolver = new SystemResolver({ dnsServers: prepared.dnsServers, hostsFile: services.hostsFile });
  const book = new AddressBook(prepared.request.host, resolver, { resolveEach: prepared.resolveEach, now: () => clock.wall(), signal: stopper.signal });

  const startWall = clock.wall();
  const startMono = clock.mono();
  const info: MonitorRunInfo = {
    url: redactUrl(prepared.request.url),
    method: prepared.request.method,
    host: prepared.request.host,
    port: prepared.request.port,
    intervalMs,
    deadlineMs,
    durationMs,
    connection: prepared.connection,
    resolveEach: prepared.resolveEach,
    startedAtMs: startWall,
    csvFile: csv?.path ?? null,
  };
  const aggregator = new MonitorAggregator(intervalMs, startWall);
  const samples = new SampleRing(ringCapacity(intervalMs));
  // Each event remembers how many samples came before it, so exports keep the order of recording.
  const events = new RingBuffer<{ event: MonitorTimelineEvent; after: number }>(MAX_TIMELINE_EVENTS);
  let recorded = 0;
  const cadence = new Cadence(intervalMs, startWall, startMono);
  const watcher = new NetworkWatcher(hooks.readInterfaces, startMono);
  const exchanges: KeptExchanges = {};

  const emit = (event: MonitorEvent) => {
    try {
      hooks.onEvent?.(event);
    } catch {
      // A front end's listener must not stop the measurement.
    }
  };

  let timer: NodeJS.Timeout | undefined;
  let inflight: Promise<void> | null = null;
  let ended: MonitorEndReason | null = null;
  /** Sample results are recorded until the run stops (after the duration, the last one still counts). */
  let accepting = true;
  let markers = 0;
  let lastStatsMono = startMono;
  let resolveDone!: (outcome: MonitorOutcome) => void;
  const done = new Promise<MonitorOutcome>((resolve) => (resolveDone = resolve));

  const addEvent = (event: MonitorTimelineEvent) => {
    events.push({ event, after: recorded });
    aggregator.addEvent(event);
    csv?.write(eventCsvLine(event));
    emit({ type: 'monitor-timeline', event });
  };

  const addSample = (sample: MonitorSample) => {
    samples.push(sample);
    recorded += 1;
    aggregator.addSample(sample);
    csv?.write(sampleCsvLine(sample));
    emit({ type: 'monitor-sample', sample });
    const mono = clock.mono();
    if (hooks.onEvent && mono - lastStatsMono >= STATS_EVENT_MIN_MS) {
      lastStatsMono = mono;
      emit({ type: 'monitor-stats', stats: aggregator.stats(clock.wall()) });
    }
  };

  const order = new TickOrder<MonitorSample>(addSample);

  const runSample = async (seq: number) => {
    order.start(seq);
    let sample: MonitorSample | null = null;
    try {
      sample = await measure(seq);
    } finally {
      order.finish(sample, accepting);
    }
  };

  /** One sample, with its side effects (events, kept exchanges, re-resolution); null when dropped. */
  const measure = async (seq: number): Promise<MonitorSample | null> => {
    const taken = await takeSample({ services, request: prepared.request, book, seq, deadlineMs, connection: prepared.connection, stop: stopper.signal }).catch(
      (error: unknown): Awaited<ReturnType<typeof takeSample>> => ({
        sample: { seq, atMs: clock.wall(), result: 'error', error: { kind: 'other', message: `internal error: ${(error as Error).message}` } },
      }),
    );
    if (!taken || !accepting) return null;
    if (taken.resolved) addEvent(taken.resolved);
    const { sample, exchange } = taken;
    if (exchange) {
      exchanges.first ??= exchange;
      if (isFailure(sample)) {
        exchanges.firstFailure ??= exchange;
        exchanges.lastFailure = exchange;
      }
    }
    if (isFailure(sample)) book.invalidate();
    return sample;
  };

  const onTick = () => {
    timer = undefined;
    if (ended) return;
    const wall = clock.wall();
    const mono = clock.mono();
    const step = cadence.advance(wall, mono);
    if (step.gap) addEvent(step.gap);
    for (const late of step.late) order.add({ seq: late.seq, atMs: late.dueWallMs, result: 'missed', missed: 'late' });
    const changes = watcher.check(mono);
    if (changes) {
      addEvent({ type: 'network', atMs: wall, changes });
      // A new network may mean new DNS servers and a new answer (split DNS behind a VPN).
      book.invalidate();
    }
    if (durationMs !== null && step.elapsedMs >= durationMs) {
      void finish('duration');
      return;
    }
    if (inflight) {
      order.add({ seq: step.seq, atMs: wall, result: 'missed', missed: 'busy' });
    } else {
      const running = runSample(step.seq).finally(() => {
        if (inflight === running) inflight = null;
      });
      inflight = running;
    }
    timer = setTimeout(onTick, cadence.delayUntilNext(clock.mono()));
  };

  let closing: Promise<MonitorOutcome> | null = null;
  const finish = (reason: MonitorEndReason): Promise<MonitorOutcome> =>
    (closing ??= (async () => {
      ended = reason;
      if (timer) clearTimeout(timer);
      timer = undefined;
      hooks.signal?.removeEventListener('abort', onAbort);
      // At the end of the duration the last sample may finish (by its deadline); a stop drops it.
      if (reason === 'duration' && inflight) await inflight;
      accepting = false;
      stopper.abort();
      await inflight;
      await csv?.close();
      await services.close();
      const stats = aggregator.stats(clock.wall());
      const csvError = csv?.failure ? csv.failure.message : null;
      const outcome: MonitorOutcome = { info, reason, stats, endedAtMs: clock.wall(), csvError, exchanges };
      emit({ type: 'monitor-ended', reason, stats, ...(csvError ? { csvError } : {}) });
      resolveDone(outcome);
      return outcome;
    })());

  const onAbort = () => void finish('aborted');

  /** The newest samples and the events recorded since just before the first of them, in recording order. */
  const window = (limit?: number) => {
    const list = samples.toArray(limit);
    const first = recorded - list.length;
    return { list, first, timeline: events.toArray().filter((e) => e.after >= first) };
  };

  const ringCsv = (): string => {
    const { list, first, timeline } = window();
    const lines: string[] = [MONITOR_CSV_HEADER];
    let e = 0;
    list.forEach((sample, i) => {
      while (e < timeline.length && timeline[e]!.after <= first + i) lines.push(eventCsvLine(timeline[e++]!.event));
      lines.push(sampleCsvLine(sample));
    });
    while (e < timeline.length) lines.push(eventCsvLine(timeline[e++]!.event));
    return lines.join('');
  };

  emit({ type: 'monitor-started', info });
  if (hooks.signal?.aborted) {
    void finish('aborted');
  } else {
    hooks.signal?.addEventListener('abort', onAbort, { once: true });
    timer = setTimeout(onTick, 0);
  }

  return {
    info,
    mark(note) {
      if (ended) return null;
      markers += 1;
      const text = note?.replace(/\s+/g, ' ').trim().slice(0, MAX_MARKER_NOTE_CHARS);
      const marker: MarkerEvent = { type: 'marker', atMs: clock.wall(), number: markers, ...(text ? { note: text } : {}) };
      addEvent(marker);
      return marker;
    },
    stats: () => aggregator.stats(clock.wall()),
    recent(limit) {
      const { list, timeline } = window(limit);
      return { samples: list, events: timeline.map((e) => e.event) };
    },
    stop: () => finish('stopped'),
    done,
    exchanges: () => ({ ...exchanges }),
    ended: () => ended,
    async bundleData() {
      let text: string | null = null;
      let omittedBytes = 0;
      if (csv && !csv.failure) {
        try {
          ({ text, omittedBytes } = await csv.readTail(MAX_BUNDLE_CSV_BYTES));
        } catch {
          text = null;
        }
      }
      const fromFile = text !== null;
      return {
        csv: text ?? ringCsv(),
        statistics: monitorBundleStatistics(info, aggregator.stats(clock.wall()), {
          source: fromFile ? 'file' : 'memory',
          omittedSamples: fromFile ? null : samples.dropped,
          omittedBytes: fromFile ? omittedBytes : null,
        }),
      };
    },
  };
}
