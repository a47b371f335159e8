import type { IpFamily, MtuDfSweep } from '../../../shared/model/probe-data';
import type { DfPingResult } from './df-ping';

/**
 * Finds the largest DF ping payload that passes a path, in a few rounds of parallel pings.
 *
 * A failing ping costs its whole wait, so pings of one round run together: each round splits
 * the interval between the largest size known to pass and the smallest known to fail into
 * `PINGS_PER_ROUND + 1` parts. From the two bounds below, four rounds of five reach one byte.
 */

/** Largest payload on a 1500-byte Ethernet MTU: 1500 − 20 (IPv4) − 8 (ICMP). */
const FULL_PAYLOAD = { 4: 1472, 6: 1452 } as const;
/**
 * Smallest payload tried: IPv4 hosts must take 576-byte datagrams, IPv6 links carry 1280 bytes.
 * No reply at this size means ICMP echo is filtered: then the sweep cannot help and stops.
 */
const MIN_PAYLOAD = { 4: 576 - 28, 6: 1280 - 48 } as const;

/** Pings at once per round: bounded so a round stays light, enough to cut the interval fast. */
export const PINGS_PER_ROUND = 5;
/** Rounds after the first: (1472 − 548) / 6⁴ < 1, so four rounds give the exact size. */
export const MAX_REFINE_ROUNDS = 4;

export type PingFn = (payload: number) => Promise<DfPingResult>;

/**
 * Runs the sweep; `null` when no ping could be used at all (no program, no permission), so the
 * evidence does not claim "ICMP blocked" for a missing tool.
 *
 * `signal` is the sweep's deadline: a round cut by it is not used, and the bounds found so far
 * are the result.
 */
export async function dfSweep(family: IpFamily, ping: PingFn, signal: AbortSignal): Promise<MtuDfSweep | null> {
  const full = FULL_PAYLOAD[family];
  const min = MIN_PAYLOAD[family];
  const [atMin, atFull] = await Promise.all([ping(min), ping(full)]);
  if (atMin === 'unusable' && atFull === 'unusable') return null;
  if (atFull === 'reply') return { largestPassingPayload: full };
  if (atMin !== 'reply' || signal.aborted) return { largestPassingPayload: null, smallestFailingPayload: min };

  let passing: number = min;
  let failing: number = full;
  for (let round = 0; round < MAX_REFINE_ROUNDS && failing - passing > 1 && !signal.aborted; round += 1) {
    const sizes = splitPoints(passing, failing, PINGS_PER_ROUND);
    const results = await Promise.all(sizes.map((size) => ping(size)));
    if (signal.aborted) break;
    for (const [i, size] of sizes.entries()) {
      if (results[i] === 'reply') passing = Math.max(passing, size);
    }
    // Sizes above a passing one that failed are the new upper bound; a lower failure next to a
    // higher reply is a lost packet, not the limit.
    for (const [i, size] of sizes.entries()) {
      if (results[i] !== 'reply' && size > passing) failing = Math.min(failing, size);
    }
  }
  return { largestPassingPayload: passing, smallestFailingPayload: failing };
}

/** Up to `count` distinct sizes strictly between `low` and `high`, evenly spread. */
export function splitPoints(low: number, high: number, count: number): number[] {
  const points = new Set<number>();
  for (let i = 1; i <= count; i += 1) {
    const size = Math.round(low + ((high - low) * i) / (count + 1));
    if (size > low && size < high) points.add(size);
  }
  return [...points];
}
