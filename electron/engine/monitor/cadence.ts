import type { GapEvent } from '../../../shared/monitor/monitor-types';

/**
 * The monitor's fixed cadence: tick n is due at start + n × interval on the monotonic clock.
 *
 * Pure arithmetic, driven by the two clocks the caller reads when its timer fires, so a slow
 * sample never shifts the ticks after it (no drift) and tests can play any clock history.
 * It also notices what happened between two ticks:
 * - the wall clock jumped ahead of the monotonic one (the computer slept: Linux and macOS stop
 *   the monotonic clock during sleep; or the clock was set forward) → a gap, the cadence goes on;
 * - the timer came more than a whole interval late: by less than STALL_MIN_MS the ticks in
 *   between are missed (`late`); by more, it is a gap (sleep on Windows, whose monotonic clock
 *   runs on, or a frozen process) and the cadence restarts from now;
 * - the wall clock went back → a `clock-set-back` gap (informational).
 */

/** A wall-clock jump beyond the monotonic clock smaller than this is ignored: clock corrections slew or step by milliseconds, a sleep lasts seconds. */
export const CLOCK_JUMP_MIN_MS = 2_000;
/** A timer this late (and at least one interval) is a pause of the whole computer or process, not a busy moment. */
export const STALL_MIN_MS = 5_000;

export interface CadenceStep {
  /** The tick to run now. */
  seq: number;
  /** Ticks that passed unused because the timer came late (each is a missed `late` sample). */
  late: { seq: number; dueWallMs: number }[];
  gap: GapEvent | null;
  /** Planned run time up to this tick, including gaps: what `--duration` is measured against. */
  elapsedMs: number;
}

export class Cadence {
  private originMono: number;
  private nextSeq = 0;
  private lastWall: number;
  private lastMono: number;
  /** Time spent in gaps, added to the planned elapsed time. */
  private gapTotalMs = 0;

  constructor(
    readonly intervalMs: number,
    startWall: number,
    startMono: number,
  ) {
    this.originMono = startMono;
    this.lastWall = startWall;
    this.lastMono = startMono;
  }

  /** Milliseconds from `mono` until the next tick is due (0 when overdue). */
  delayUntilNext(mono: number): number {
    return Math.max(0, this.dueMono(this.nextSeq) - mono);
  }

  /** Called when the timer fires: which tick runs now, what was skipped, what happened meanwhile. */
  advance(wall: number, mono: number): CadenceStep {
    const wallDelta = wall - this.lastWall;
    const monoDelta = mono - this.lastMono;
    const jump = wallDelta - monoDelta;
    const fromWall = this.lastWall;
    this.lastWall = wall;
    this.lastMono = mono;

    let gap: GapEvent | null = null;
    const late: CadenceStep['late'] = [];
    const lateMs = mono - this.dueMono(this.nextSeq);

    if (lateMs >= Math.max(STALL_MIN_MS, this.intervalMs)) {
      // The whole machine or process stood still: restart the cadence at this tick.
      const gapMs = Math.max(0, wall - fromWall - this.intervalMs);
      gap = { type: 'gap', atMs: wall, cause: 'sleep', detectedBy: 'late-timer', fromMs: fromWall, toMs: wall, gapMs };
      this.gapTotalMs += gapMs;
      this.originMono = mono - this.nextSeq * this.intervalMs;
    } else {
      if (jump >= CLOCK_JUMP_MIN_MS) {
        gap = { type: 'gap', atMs: wall, cause: 'sleep', detectedBy: 'clock-jump', fromMs: fromWall, toMs: wall, gapMs: jump };
        this.gapTotalMs += jump;
      } else if (jump <= -CLOCK_JUMP_MIN_MS) {
        gap = { type: 'gap', atMs: wall, cause: 'clock-set-back', detectedBy: 'clock-jump', fromMs: fromWall, toMs: wall, gapMs: jump };
      }
      const behind = Math.max(0, Math.floor(lateMs / this.intervalMs));
      for (let i = 0; i < behind; i += 1) {
        const seq = this.nextSeq + i;
        late.push({ seq, dueWallMs: wall - (mono - this.dueMono(seq)) });
      }
      this.nextSeq += behind;
    }
    const seq = this.nextSeq;
    this.nextSeq += 1;
    return { seq, late, gap, elapsedMs: seq * this.intervalMs + this.gapTotalMs };
  }

  private dueMono(seq: number): number {
    return this.originMono + seq * this.intervalMs;
  }
}
