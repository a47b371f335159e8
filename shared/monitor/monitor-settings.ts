/**
 * Bounds and defaults of the monitor's timing, shared by the command line, the app's form and
 * the engine, so all accept the same values for the same reasons.
 */

/** One request a second: what admins run by hand, and what Outlook's own retries look like. */
export const DEFAULT_INTERVAL_SECONDS = 1;
/** Ten a second at most: enough to catch sub-second drop-outs, and still nothing an Exchange server notices. */
export const MIN_INTERVAL_SECONDS = 0.1;
/** Ten minutes at most: rarer samples would miss the drop-outs the monitor is for. */
export const MAX_INTERVAL_SECONDS = 600;
/** A week: longer runs belong to real monitoring software. */
export const MAX_DURATION_SECONDS = 7 * 24 * 3600;
/**
 * Share of the interval a sample may take by default: it must end before the next tick so
 * requests never overlap, with room left to record it.
 */
export const SAMPLE_DEADLINE_SHARE = 0.9;
/** Longest default deadline of one sample, for long intervals: an anonymous 401 slower than this is broken for Outlook too. */
export const MAX_DEFAULT_DEADLINE_MS = 10_000;
/** Shortest deadline that still allows a TLS handshake on a slow link. */
export const MIN_DEADLINE_MS = 50;

/** Longest marker note kept: a sentence or two of what the user saw. */
export const MAX_MARKER_NOTE_CHARS = 500;

export type MonitorSettingProblem = 'not-a-number' | 'range' | 'not-below-interval';

export interface MonitorTiming {
  intervalMs: number;
  deadlineMs: number;
  durationMs: number | null;
}

export type CheckedTiming = { ok: true; value: MonitorTiming } | { ok: false; setting: 'interval' | 'duration' | 'timeout'; problem: MonitorSettingProblem; message: string };

/**
 * Checks interval, duration and per-request deadline (all in seconds, as typed).
 *
 * The deadline defaults to SAMPLE_DEADLINE_SHARE of the interval (at most
 * MAX_DEFAULT_DEADLINE_MS) and must stay below the interval when given.
 */
export function checkMonitorTiming(input: { intervalSeconds?: number; durationSeconds?: number; timeoutSeconds?: number }): CheckedTiming {
  const interval = input.intervalSeconds ?? DEFAULT_INTERVAL_SECONDS;
  if (!Number.isFinite(interval)) return { ok: false, setting: 'interval', problem: 'not-a-number', message: 'must be a number of seconds' };
  if (interval < MIN_INTERVAL_SECONDS || interval > MAX_INTERVAL_SECONDS) {
    return { ok: false, setting: 'interval', problem: 'range', message: `must be between ${MIN_INTERVAL_SECONDS} and ${MAX_INTERVAL_SECONDS} seconds` };
  }
  const intervalMs = Math.round(interval * 1000);
  let durationMs: number | null = null;
  if (input.durationSeconds !== undefined) {
    const d = input.durationSeconds;
    if (!Number.isFinite(d)) return { ok: false, setting: 'duration', problem: 'not-a-number', message: 'must be a number of seconds' };
    if (d <= 0 || d > MAX_DURATION_SECONDS) return { ok: false, setting: 'duration', problem: 'range', message: `must be more than 0 and at most ${MAX_DURATION_SECONDS} seconds (7 days)` };
    durationMs = Math.round(d * 1000);
  }
  let deadlineMs = Math.max(MIN_DEADLINE_MS, Math.min(MAX_DEFAULT_DEADLINE_MS, Math.floor(intervalMs * SAMPLE_DEADLINE_SHARE)));
  if (input.timeoutSeconds !== undefined) {
    const t = input.timeoutSeconds;
    if (!Number.isFinite(t)) return { ok: false, setting: 'timeout', problem: 'not-a-number', message: 'must be a number of seconds' };
    const ms = Math.round(t * 1000);
    if (ms < MIN_DEADLINE_MS) return { ok: false, setting: 'timeout', problem: 'range', message: `must be at least ${MIN_DEADLINE_MS / 1000} seconds` };
    if (ms >= intervalMs) return { ok: false, setting: 'timeout', problem: 'not-below-interval', message: `must be shorter than the interval (${intervalMs / 1000} s) so requests never overlap` };
    deadlineMs = ms;
  }
  return { ok: true, value: { intervalMs, deadlineMs, durationMs } };
}
