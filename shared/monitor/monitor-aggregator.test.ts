import { describe, expect, it } from 'vitest';
import { MAX_RECENT_OUTAGES, MonitorAggregator } from './monitor-aggregator';
import type { MonitorSample } from './monitor-types';

const T0 = Date.UTC(2026, 10, 22, 9, 30);
const NTLM = ['Negotiate', 'NTLM'];

/** Samples one second apart from a string: `.` challenge, `E` error, `n` no challenge, `-` missed, `B` challenge offering Basic only. */
function feed(agg: MonitorAggregator, marks: string, options: { from?: number; address?: (i: number) => string } = {}): void {
  [...marks].forEach((mark, i) => {
    const seq = (options.from ?? 0) + i;
    const base = { seq, atMs: T0 + seq * 1000, address: options.address?.(seq) ?? '10.0.0.1' };
    const sample: MonitorSample =
      mark === '.' || mark === 'B'
        ? { ...base, result: 'challenge', status: 401, methods: mark === 'B' ? ['Basic'] : NTLM, timings: { totalMs: 20 + (seq % 5) } }
        : mark === 'n'
          ? { ...base, result: 'no-challenge', status: 200 }
          : mark === 'E'
            ? { ...base, result: 'error', error: { kind: 'timeout', message: 'no answer' } }
            : { seq, atMs: base.atMs, result: 'missed', missed: 'late' };
    agg.addSample(sample);
  });
}

describe('the monitor statistics', () => {
  it('count outages from the first failure to the next success; missed ticks neither end nor extend them', () => {
    const agg = new MonitorAggregator(1000, T0);
    feed(agg, '...EE-E...n..EEEE');
    const s = agg.stats(T0 + 17_000);
    expect(s).toMatchObject({ ticks: 17, measured: 16, ok: 8, failed: 8, noChallenge: 1, errors: 7, missed: 1 });
    expect(s.successRatio).toBe(0.5);
    expect(s.outages.recent.map((o) => [o.samples, o.durationMs, o.endMs === null])).toEqual([
      [3, 4000, false], // 3–6: failed 3, 4, 6 (5 missed), success at 7
      [1, 1000, false],
      [4, 4000, true], // still going on: up to one interval after its last failure
    ]);
    expect(s.outages).toMatchObject({ count: 3, totalMs: 9000, longest: { startMs: T0 + 3000, samples: 3, durationMs: 4000 } });
    expect(s.outages.current).toMatchObject({ startMs: T0 + 13_000, endMs: null });
    expect(s.failuresByKind).toEqual({ timeout: 7, 'no-challenge': 1 });
    expect(s.statuses).toEqual({ 401: 8, 200: 1 });
  });

  it('ends the outage going on at a sleep: asleep is not down', () => {
    const agg = new MonitorAggregator(1000, T0);
    feed(agg, '..EE');
    agg.addEvent({ type: 'gap', atMs: T0 + 3_604_000, cause: 'sleep', detectedBy: 'clock-jump', fromMs: T0 + 3000, toMs: T0 + 3_604_000, gapMs: 3_600_000 });
    feed(agg, 'E.', { from: 3604 });
    const s = agg.stats(T0 + 3_606_000);
    expect(s.outages.recent.map((o) => [o.samples, o.durationMs])).toEqual([
      [2, 2000],
      [1, 1000],
    ]);
    expect(s.gaps).toEqual({ count: 1, totalMs: 3_600_000 });
  });

  it('tells when the offered methods change and which sets were seen', () => {
    const agg = new MonitorAggregator(1000, T0);
    feed(agg, '...BB...B.');
    const s = agg.stats(T0 + 10_000);
    expect(s.methods.current).toEqual(NTLM);
    expect(s.methods.changes).toBe(4);
    expect(s.methods.recentChanges[0]).toEqual({ atMs: T0 + 3000, from: NTLM, to: ['Basic'] });
    expect(s.methods.seen).toEqual([
      { methods: NTLM, samples: 7 },
      { methods: ['Basic'], samples: 3 },
    ]);
  });

  it('tells which address failed', () => {
    const agg = new MonitorAggregator(1000, T0);
    feed(agg, '.E.E.E', { address: (i) => (i % 2 ? '10.0.0.2' : '10.0.0.1') });
    expect(agg.stats(T0).addresses).toEqual([
      { address: '10.0.0.1', samples: 3, ok: 3, failed: 0, lastFailureMs: null, lastErrorKind: null, untrusted: 0 },
      { address: '10.0.0.2', samples: 3, ok: 0, failed: 3, lastFailureMs: T0 + 5000, lastErrorKind: 'timeout', untrusted: 0 },
    ]);
  });

  it('keeps a bounded list of outages however many there are, and always the longest', () => {
    const agg = new MonitorAggregator(1000, T0);
    feed(agg, `${'.E'.repeat(300)}.EEEEE.${'.E'.repeat(300)}.`);
    const s = agg.stats(T0);
    expect(s.outages.count).toBe(601);
    expect(s.outages.recent).toHaveLength(MAX_RECENT_OUTAGES);
    expect(s.outages.longest).toMatchObject({ samples: 5, startMs: T0 + 601_000 });
    expect(s.latency.count).toBe(603);
    expect(s.latency.p50Ms).toBeGreaterThanOrEqual(20);
    expect(s.latency.p99Ms).toBeLessThanOrEqual(24);
  });

  it('has no ratio before the first measurement', () => {
    const agg = new MonitorAggregator(1000, T0);
    feed(agg, '--');
    expect(agg.stats(T0)).toMatchObject({ ticks: 2, measured: 0, successRatio: null, outages: { count: 0, longest: null }, latency: { p50Ms: null } });
  });
});
