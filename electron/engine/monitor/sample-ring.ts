import type { HttpErrorKind } from '../../../shared/model/probe-data';
import type { MissedReason, MonitorSample, SampleResult } from '../../../shared/monitor/monitor-types';

/**
 * The newest samples of a run in a fixed block of memory: one typed array per field.
 *
 * A sample as a JavaScript object costs about a kilobyte of heap (its numbers, its timings
 * object, their hidden classes); an hour at ten a second would be 40 MB. Here a sample is 46
 * bytes, allocated once for the whole capacity: 36 000 samples take 1.7 MB, whatever the run's
 * length. Strings that repeat (addresses, method lists, error texts, certificate verdicts) are
 * kept once in small tables and referred to by number. `toArray` rebuilds MonitorSample objects
 * for the few callers that want them (a redraw, the bundle export).
 */

/** Distinct strings kept per table; beyond, a sample refers to a stand-in ("not kept"). A run sees a handful of each. */
export const MAX_TABLE_ENTRIES = 1_024;

const RESULTS: readonly SampleResult[] = ['challenge', 'no-challenge', 'error', 'missed'];
const MISSED: readonly (MissedReason | undefined)[] = [undefined, 'busy', 'late'];
const CONNECTIONS: readonly (MonitorSample['connection'] | undefined)[] = [undefined, 'new', 'reused'];
const ERROR_KINDS: readonly (HttpErrorKind | undefined)[] = [undefined, 'timeout', 'refused', 'reset', 'tls', 'protocol', 'too-large', 'aborted', 'unreachable', 'dns', 'other'];
const TIMINGS = ['dnsMs', 'connectMs', 'tlsMs', 'ttfbMs', 'totalMs'] as const;

const OVERFLOW_KEY = '\u0000overflow';

/** Index 0 means "none"; values are looked up by key and kept in order of first sight. */
class Table<T> {
  private readonly values: (T | undefined)[] = [undefined];
  private readonly index = new Map<string, number>();

  constructor(private readonly overflow: T) {}

  put(key: string | undefined, value: T | undefined): number {
    if (key === undefined || value === undefined) return 0;
    const known = this.index.get(key);
    if (known !== undefined) return known;
    const full = this.values.length > MAX_TABLE_ENTRIES;
    if (full && key !== OVERFLOW_KEY) return this.put(OVERFLOW_KEY, this.overflow);
    this.values.push(value);
    this.index.set(key, this.values.length - 1);
    return this.values.length - 1;
  }

  get(i: number): T | undefined {
    return this.values[i];
  }
}

export class SampleRing {
  private readonly seq: Uint32Array;
  private readonly atMs: Float64Array;
  private readonly result: Uint8Array;
  private readonly missed: Uint8Array;
  private readonly connection: Uint8Array;
  private readonly errorKind: Uint8Array;
  private readonly status: Uint16Array;
  private readonly address: Uint16Array;
  private readonly methods: Uint16Array;
  private readonly certificate: Uint16Array;
  private readonly errorText: Uint16Array;
  private readonly timings: Float32Array;

  private readonly addresses = new Table<string>('?');
  private readonly methodLists = new Table<readonly string[]>(['?']);
  private readonly certificates = new Table<{ trusted: boolean; error?: string }>({ trusted: false, error: '?' });
  private readonly errorTexts = new Table<{ code?: string; message: string }>({ message: '(one of too many different messages; see the CSV log)' });

  private start = 0;
  private length = 0;
  /** Samples pushed out so far. */
  dropped = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
    this.seq = new Uint32Array(capacity);
    this.atMs = new Float64Array(capacity);
    this.result = new Uint8Array(capacity);
    this.missed = new Uint8Array(capacity);
    this.connection = new Uint8Array(capacity);
    this.errorKind = new Uint8Array(capacity);
    this.status = new Uint16Array(capacity);
    this.address = new Uint16Array(capacity);
    this.methods = new Uint16Array(capacity);
    this.certificate = new Uint16Array(capacity);
    this.errorText = new Uint16Array(capacity);
    this.timings = new Float32Array(capacity * TIMINGS.length);
  }

  get size(): number {
    return this.length;
  }

  push(sample: MonitorSample): void {
    let slot: number;
    if (this.length < this.capacity) {
      slot = (this.start + this.length) % this.capacity;
      this.length += 1;
    } else {
      slot = this.start;
      this.start = (this.start + 1) % this.capacity;
      this.dropped += 1;
    }
    this.seq[slot] = sample.seq;
    this.atMs[slot] = sample.atMs;
    this.result[slot] = RESULTS.indexOf(sample.result);
    this.missed[slot] = Math.max(0, MISSED.indexOf(sample.missed));
    this.connection[slot] = Math.max(0, CONNECTIONS.indexOf(sample.connection));
    this.errorKind[slot] = sample.error ? Math.max(0, ERROR_KINDS.indexOf(sample.error.kind)) || ERROR_KINDS.indexOf('other') : 0;
    this.status[slot] = sample.status ?? 0;
    this.address[slot] = this.addresses.put(sample.address, sample.address);
    this.methods[slot] = this.methodLists.put(sample.methods?.join(' '), sample.methods);
    const cert = sample.certificate;
    this.certificate[slot] = this.certificates.put(cert ? (cert.trusted ? '' : (cert.error ?? 'untrusted')) : undefined, cert);
    const error = sample.error;
    this.errorText[slot] = this.errorTexts.put(error ? `${error.code ?? ''}\u0000${error.message}` : undefined, error ? { ...(error.code ? { code: error.code } : {}), message: error.message } : undefined);
    const t = sample.timings;
    TIMINGS.forEach((name, i) => {
      this.timings[slot * TIMINGS.length + i] = t?.[name] ?? Number.NaN;
    });
  }

  /** The newest `limit` samples (all by default), oldest first. */
  toArray(limit = this.length): MonitorSample[] {
    const count = Math.max(0, Math.min(limit, this.length));
    const out: MonitorSample[] = [];
    for (let i = this.length - count; i < this.length; i += 1) out.push(this.read((this.start + i) % this.capacity));
    return out;
  }

  private read(slot: number): MonitorSample {
    const sample: MonitorSample = { seq: this.seq[slot]!, atMs: this.atMs[slot]!, result: RESULTS[this.result[slot]!]! };
    const address = this.addresses.get(this.address[slot]!);
    if (address !== undefined) sample.address = address;
    if (this.status[slot]) sample.status = this.status[slot];
    const methods = this.methodLists.get(this.methods[slot]!);
    if (methods) sample.methods = methods;
    const base = slot * TIMINGS.length;
    if (!Number.isNaN(this.timings[base + 4]!)) {
      const phases: Partial<Record<(typeof TIMINGS)[number], number>> = {};
      TIMINGS.slice(0, 4).forEach((name, i) => {
        const value = this.timings[base + i]!;
        if (!Number.isNaN(value)) phases[name] = round(value);
      });
      sample.timings = { ...phases, totalMs: round(this.timings[base + 4]!) };
    }
    const connection = CONNECTIONS[this.connection[slot]!];
    if (connection) sample.connection = connection;
    const certificate = this.certificates.get(this.certificate[slot]!);
    if (certificate) sample.certificate = certificate;
    const kind = ERROR_KINDS[this.errorKind[slot]!];
    const text = this.errorTexts.get(this.errorText[slot]!);
    if (kind && text) sample.error = { kind, ...text };
    const missed = MISSED[this.missed[slot]!];
    if (missed) sample.missed = missed;
    return sample;
  }
}

/** Float32 keeps about 7 digits: back to the engine's tenth of a millisecond. */
function round(value: number): number {
  return Math.round(value * 10) / 10;
}
