import type { MonitorStats } from './monitor-types';

/**
 * How a monitor run went, as a report's verdict: `ok` every measured request got a challenge,
 * `warning` some did not, `problem` none did (or nothing was measured). Apart from the report
 * builder so the page can use it without loading the report schema.
 */
export function monitorVerdict(stats: Pick<MonitorStats, 'measured' | 'ok' | 'failed'>): 'ok' | 'warning' | 'problem' {
  if (stats.measured === 0 || stats.ok === 0) return 'problem';
  return stats.failed === 0 ? 'ok' : 'warning';
}
