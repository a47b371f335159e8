import { describe, expect, it } from 'vitest';
import type { IpFamily } from '../../../shared/model/probe-data';
import type { DfPingResult } from './df-ping';
import { dfSweep, MAX_REFINE_ROUNDS, PINGS_PER_ROUND, splitPoints } from './df-sweep';

/**
 * The search itself, over a path described as a rule (what passes); the real pings on a real
 * path are in e2e/netlab (1400-byte link) and df-ping.test.ts (loopback).
 */
function path(largestPassing: number | 'blocked' | 'no-tool') {
  const asked: number[][] = [];
  let round: number[] = [];
  const ping = (payload: number): Promise<DfPingResult> => {
    round.push(payload);
    queueMicrotask(() => {
      if (round.length > 0) asked.push(round);
      round = [];
    });
    if (largestPassing === 'no-tool') return Promise.resolve('unusable');
    if (largestPassing === 'blocked') return Promise.resolve('no-reply');
    return Promise.resolve(payload <= largestPassing ? 'reply' : 'no-reply');
  };
  return { ping, asked };
}

const sweep = (family: IpFamily, ping: (payload: number) => Promise<DfPingResult>, signal = new AbortController().signal) => dfSweep(family, ping, signal);

describe('DF ping sweep', () => {
  it.each([1372, 1400 - 28, 1492 - 28, 1436 - 28, 549, 1471])('finds the exact limit %i within the rounds it promises', async (limit) => {
    const p = path(limit);
    expect(await sweep(4, p.ping)).toEqual({ largestPassingPayload: limit, smallestFailingPayload: limit + 1 });
    expect(p.asked.length).toBeLessThanOrEqual(1 + MAX_REFINE_ROUNDS);
    expect(Math.max(...p.asked.map((r) => r.length))).toBeLessThanOrEqual(PINGS_PER_ROUND);
  });

  it('stops after one round when full-size packets pass', async () => {
    const p = path(1472);
    expect(await sweep(4, p.ping)).toEqual({ largestPassingPayload: 1472 });
    expect(p.asked).toHaveLength(1);
  });

  it('uses the IPv6 sizes: 1452 on Ethernet, at least 1232 (1280-byte minimum MTU)', async () => {
    expect(await sweep(6, path(1452).ping)).toEqual({ largestPassingPayload: 1452 });
    expect(await sweep(6, path(1352).ping)).toEqual({ largestPassingPayload: 1352, smallestFailingPayload: 1353 });
  });

  it('says ICMP is blocked when not even the smallest ping is answered, after one round', async () => {
    const p = path('blocked');
    expect(await sweep(4, p.ping)).toEqual({ largestPassingPayload: null, smallestFailingPayload: 548 });
    expect(p.asked).toHaveLength(1);
  });

  it('claims nothing when no ping can be sent (no program, no permission)', async () => {
    expect(await sweep(4, path('no-tool').ping)).toBeNull();
  });

  it('keeps the bounds found so far when its deadline cuts a round', async () => {
    const controller = new AbortController();
    let calls = 0;
    const ping = (payload: number): Promise<DfPingResult> => {
      calls += 1;
      // The first round answers; during the second the deadline comes.
      if (calls > 2) controller.abort(new Error('sweep deadline'));
      return Promise.resolve(payload <= 1000 ? 'reply' : 'no-reply');
    };
    expect(await sweep(4, ping, controller.signal)).toEqual({ largestPassingPayload: 548, smallestFailingPayload: 1472 });
  });

  it('splits an interval into distinct inner points', () => {
    expect(splitPoints(0, 12, 5)).toEqual([2, 4, 6, 8, 10]);
    expect(splitPoints(10, 12, 5)).toEqual([11]);
    expect(splitPoints(10, 11, 5)).toEqual([]);
  });
});
