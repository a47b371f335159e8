import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from './latency-histogram';

describe('the latency histogram', () => {
  it('gives percentiles within ±3 % of the exact nearest-rank value', () => {
    const h = new LatencyHistogram();
    const values: number[] = [];
    // A long tail like real answers: most fast, some slow, a few very slow.
    for (let i = 1; i <= 10_000; i += 1) {
      const ms = i % 100 === 0 ? 800 + (i % 7) * 100 : i % 10 === 0 ? 80 + (i % 13) : 12 + (i % 17) * 0.5;
      values.push(ms);
      h.add(ms);
    }
    values.sort((a, b) => a - b);
    for (const p of [50, 90, 99]) {
      const exact = values[Math.ceil((p / 100) * values.length) - 1]!;
      expect(Math.abs(h.percentile(p)! - exact) / exact, `p${p}`).toBeLessThan(0.03);
    }
    expect(h.count).toBe(10_000);
    expect(h.minMs).toBe(12);
    expect(h.maxMs).toBe(1400);
  });

  it('stays in fixed memory and range for any number of values, loopback to minutes', () => {
    const h = new LatencyHistogram();
    for (let i = 0; i < 300_000; i += 1) h.add(0.05 + (i % 1000) * 0.001);
    h.add(500_000);
    expect(h.percentile(50)).toBeGreaterThanOrEqual(0.05);
    expect(h.percentile(100)).toBe(500_000);
    expect(h.percentile(1)).toBeGreaterThanOrEqual(h.minMs!);
  });

  it('has no percentiles before the first value and ignores nonsense', () => {
    const h = new LatencyHistogram();
    h.add(Number.NaN);
    h.add(-1);
    expect(h.percentile(50)).toBeNull();
    expect(h.meanMs).toBeNull();
    h.add(42);
    expect(h.percentile(50)).toBe(42);
  });
});
