import type { MonitorStatistics } from '../bundle/bundle-input';
import { localIsoTime } from './monitor-csv';
import type { MonitorRunInfo, MonitorStats } from './monitor-types';

/**
 * The monitor's figures for the bundle: a flat list (manifest.json, report.html) whose keys have
 * labels under `bundle/monitorStat/<key>` in both languages. Values are language-neutral.
 */
export function monitorBundleStatistics(
  info: MonitorRunInfo,
  stats: MonitorStats,
  log: { source: 'file' | 'memory'; omittedSamples: number | null; omittedBytes: number | null },
): MonitorStatistics {
  const longest = stats.outages.longest;
  const failedAddresses = stats.addresses
    .filter((a) => a.failed > 0)
    .map((a) => `${a.address}: ${a.failed}/${a.samples}`)
    .join('; ');
  return {
    target: info.url,
    startedAt: localIsoTime(stats.startedAtMs),
    durationSeconds: Math.round(stats.elapsedMs / 1000),
    intervalSeconds: info.intervalMs / 1000,
    connection: info.connection,
    requests: stats.measured,
    ok: stats.ok,
    failed: stats.failed,
    missed: stats.missed,
    successPercent: stats.successRatio === null ? null : Math.round(stats.successRatio * 10_000) / 100,
    outages: stats.outages.count,
    longestOutageMs: longest ? longest.durationMs : null,
    longestOutageAt: longest ? localIsoTime(longest.startMs) : null,
    p50Ms: stats.latency.p50Ms,
    p90Ms: stats.latency.p90Ms,
    p99Ms: stats.latency.p99Ms,
    maxMs: stats.latency.maxMs,
    methods: stats.methods.current ? stats.methods.current.join(' ') || null : null,
    methodChanges: stats.methods.changes,
    failedAddresses: failedAddresses || null,
    untrustedCertificates: stats.untrustedCertificates.count,
    networkChanges: stats.networkChanges,
    sleepGaps: stats.gaps.count,
    markers: stats.markers,
    logSource: log.source,
    ...(log.omittedSamples ? { omittedSamples: log.omittedSamples } : {}),
    ...(log.omittedBytes ? { omittedBytes: log.omittedBytes } : {}),
  };
}
