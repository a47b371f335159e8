/**
 * Latencies of a long run in fixed memory: a histogram with geometric buckets.
 *
 * An 8-hour run at 10 samples/s has 288 000 latencies; keeping them all to sort for percentiles
 * would grow without bound. Buckets whose width is a fixed ratio give every percentile with the
 * same relative precision, from a loopback answer (0.1 ms) to a deadline (minutes).
 */

/** Lower bound of the first bucket: below anything a network request takes. */
export const HISTOGRAM_MIN_MS = 0.1;
/** Buckets per doubling: each is 2^(1/16) ≈ 4.4 % wide, so a percentile is within ±2.2 % (reported as the bucket's middle). */
export const BUCKETS_PER_DOUBLING = 16;
/** Doublings covered: 0.1 ms × 2^21 ≈ 210 s, beyond any sample deadline. */
const DOUBLINGS = 21;
/** Bucket 0 holds everything ≤ HISTOGRAM_MIN_MS; the last one everything beyond the range. */
const BUCKETS = DOUBLINGS * BUCKETS_PER_DOUBLING + 2;

export class LatencyHistogram {
  private readonly counts = new Uint32Array(BUCKETS);
  private n = 0;
  private sum = 0;
  private min = Infinity;
  private max = -Infinity;

  add(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) return;
    this.counts[bucketOf(ms)]! += 1;
    this.n += 1;
    this.sum += ms;
    if (ms < this.min) this.min = ms;
    if (ms > this.max) this.max = ms;
  }

  get count(): number {
    return this.n;
  }

  get minMs(): number | null {
    return this.n ? this.min : null;
  }

  get maxMs(): number | null {
    return this.n ? this.max : null;
  }

  get meanMs(): number | null {
    return this.n ? this.sum / this.n : null;
  }

  /**
   * The p-th percentile (0 < p ≤ 100): the value below which p % of the samples lie, by the
   * nearest-rank method, as the geometric middle of its bucket (clamped to the observed range).
   */
  percentile(p: number): number | null {
    if (this.n === 0) return null;
    const rank = Math.max(1, Math.ceil((p / 100) * this.n));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i += 1) {
      seen += this.counts[i]!;
      if (seen < rank) continue;
      // Beyond the range nothing is known but the largest value seen.
      if (i === BUCKETS - 1) return this.max;
      return Math.min(this.max, Math.max(this.min, middleOf(i)));
    }
    return this.max;
  }
}

function bucketOf(ms: number): number {
  if (ms <= HISTOGRAM_MIN_MS) return 0;
  const index = 1 + Math.floor(Math.log2(ms / HISTOGRAM_MIN_MS) * BUCKETS_PER_DOUBLING);
  return Math.min(BUCKETS - 1, index);
}

/** Geometric middle of bucket i (bucket i ≥ 1 covers (min·2^((i−1)/k), min·2^(i/k)]). */
function middleOf(i: number): number {
  if (i === 0) return HISTOGRAM_MIN_MS;
  return HISTOGRAM_MIN_MS * 2 ** ((i - 0.5) / BUCKETS_PER_DOUBLING);
}
