import { describe, expect, it } from 'vitest';
import { Cadence, CLOCK_JUMP_MIN_MS, STALL_MIN_MS } from './cadence';

/** Plays a clock history: wall starts at an epoch time, mono at an arbitrary offset. */
function play(intervalMs: number) {
  let wall = 1_800_000_000_000;
  let mono = 5_000;
  const cadence = new Cadence(intervalMs, wall, mono);
  return {
    cadence,
    /** Both clocks move on (the process ran normally for `ms`). */
    run(ms: number) {
      wall += ms;
      mono += ms;
    },
    /** Only the wall clock moves (Linux/macOS sleep; a clock set forward or back). */
    jumpWall(ms: number) {
      wall += ms;
    },
    /** Lets the timer fire where it was due (plus `lateMs`) and advances. */
    fire(lateMs = 0) {
      const delay = cadence.delayUntilNext(mono);
      wall += delay + lateMs;
      mono += delay + lateMs;
      return cadence.advance(wall, mono);
    },
    get wall() {
      return wall;
    },
  };
}

describe('the monitor cadence', () => {
  it('keeps a fixed cadence: the next tick is due on the grid however long a sample took', () => {
    const p = play(1000);
    expect(p.fire().seq).toBe(0);
    p.run(730); // a slow sample
    expect(p.cadence.delayUntilNext(5_000 + 730)).toBe(270);
    const step = p.fire(12); // the timer comes 12 ms late
    expect(step).toMatchObject({ seq: 1, late: [], gap: null, elapsedMs: 1000 });
    expect(p.cadence.delayUntilNext(5_000 + 1012)).toBe(988); // no drift: due at 2000, not 2012
  });

  it('records ticks that passed while the process was busy as late, and goes on with the current one', () => {
    const p = play(100);
    p.fire();
    const step = p.fire(250); // the event loop stood still for 250 ms
    expect(step.seq).toBe(3);
    expect(step.late.map((l) => l.seq)).toEqual([1, 2]);
    expect(step.late[0]!.dueWallMs).toBe(p.wall - 250);
    expect(step.gap).toBeNull();
    expect(p.fire().seq).toBe(4);
  });

  it('sees a sleep as a wall-clock jump the monotonic clock did not make, without missed ticks', () => {
    const p = play(1000);
    p.fire();
    p.jumpWall(3_600_000); // an hour asleep; the monotonic clock stopped
    const step = p.fire();
    expect(step.gap).toMatchObject({ type: 'gap', cause: 'sleep', detectedBy: 'clock-jump', gapMs: 3_600_000 });
    expect(step.gap!.toMs - step.gap!.fromMs).toBe(3_601_000);
    expect(step.late).toEqual([]);
    expect(step).toMatchObject({ seq: 1, elapsedMs: 1000 + 3_600_000 });
  });

  it('sees a timer that came minutes late as a sleep (monotonic clocks that run on) and restarts the cadence', () => {
    const p = play(1000);
    p.fire();
    const step = p.fire(120_000);
    expect(step.gap).toMatchObject({ cause: 'sleep', detectedBy: 'late-timer', gapMs: 120_000 });
    expect(step.late).toEqual([]);
    expect(step.seq).toBe(1);
    expect(p.fire()).toMatchObject({ seq: 2, late: [], gap: null });
  });

  it('tells a clock set back, and ignores small corrections', () => {
    const p = play(1000);
    p.fire();
    p.jumpWall(-60_000);
    expect(p.fire().gap).toMatchObject({ cause: 'clock-set-back', gapMs: -60_000 });
    p.jumpWall(CLOCK_JUMP_MIN_MS - 500);
    expect(p.fire().gap).toBeNull();
  });

  it('does not call a long interval a stall when its timer is a little late', () => {
    const p = play(60_000);
    p.fire();
    const step = p.fire(STALL_MIN_MS + 1_000);
    expect(step).toMatchObject({ seq: 1, late: [], gap: null });
  });
});
