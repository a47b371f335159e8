import { translator, type Lang } from '../i18n';
import type { MonitorRunInfo, MonitorStats } from './monitor-types';

/**
 * The end-of-run summary as plain text lines: counts, outages, latency percentiles, methods,
 * failing addresses and events. The command line prints it; the app can copy it into a ticket.
 */
export function monitorSummaryLines(info: MonitorRunInfo, stats: MonitorStats, lang: Lang): string[] {
  const tr = translator(lang);
  const t = (key: string, args?: Record<string, unknown>) => tr.t(`monitor/summary/${key}`, args);
  const number = new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 });
  const ms = (value: number | null) => (value === null ? '–' : number.format(value < 10 ? value : Math.round(value)));
  const time = (epochMs: number) => new Date(epochMs).toLocaleTimeString(lang === 'de' ? 'de-DE' : 'en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const duration = (total: number) => monitorDuration(total, lang);

  const lines = [
    tr.t('monitor/summary/title'),
    t('duration', { duration: duration(stats.elapsedMs), requests: stats.measured, interval: number.format(info.intervalMs / 1000) }),
    t('ok', { count: stats.ok, percent: stats.successRatio === null ? '–' : number.format(Math.floor(stats.successRatio * 1000) / 10) }),
    t('failed', { count: stats.failed }),
  ];
  if (stats.missed > 0) lines.push(t('missed', { count: stats.missed }));
  const longest = stats.outages.longest;
  lines.push(
    longest
      ? t('outages', { count: stats.outages.count, total: duration(stats.outages.totalMs), longest: duration(longest.durationMs), samples: longest.samples, time: time(longest.startMs) })
      : t('outagesNone'),
  );
  const l = stats.latency;
  lines.push(l.count ? t('latency', { p50: ms(l.p50Ms), p90: ms(l.p90Ms), p99: ms(l.p99Ms), max: ms(l.maxMs) }) : t('latencyNone'));
  if (stats.methods.current) lines.push(t('methods', { methods: stats.methods.current.join(', ') || '–' }));
  if (stats.methods.changes > 0) {
    const seen = stats.methods.seen.map((s) => `${s.methods.join(', ') || '–'} (${s.samples})`).join('; ');
    lines.push(t('methodChanges', { count: stats.methods.changes, seen }));
  }
  const failing = stats.addresses.filter((a) => a.failed > 0);
  if (failing.length > 0) {
    lines.push(t('addresses', { list: failing.map((a) => t('addressLine', { address: a.address, failed: a.failed, samples: a.samples })).join(', ') }));
  }
  const kinds = Object.entries(stats.failuresByKind).sort((a, b) => b[1] - a[1]);
  if (kinds.length > 0) lines.push(t('kinds', { list: kinds.map(([kind, count]) => `${tr.t(`monitor/kind/${kind}`, { defaultValue: kind })} ${count}`).join(', ') }));
  const untrusted = stats.untrustedCertificates;
  if (untrusted.count > 0) lines.push(t('untrusted', { count: untrusted.count, reasons: Object.keys(untrusted.reasons).join(', ') }));
  lines.push(t('events', { network: stats.networkChanges, gaps: stats.gaps.count, markers: stats.markers }));
  return lines;
}

/** A duration as the monitor's texts say it: "4,5 s", "3 min 12 s", "2 h 5 min". */
export function monitorDuration(totalMs: number, lang: Lang): string {
  const tr = translator(lang);
  const number = new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 });
  const seconds = Math.round(totalMs / 1000);
  if (seconds < 60) return tr.t('monitor/summary/seconds', { seconds: number.format(totalMs < 10_000 ? Math.round(totalMs / 100) / 10 : seconds) });
  if (seconds < 3600) return tr.t('monitor/summary/minutes', { minutes: Math.floor(seconds / 60), seconds: seconds % 60 });
  return tr.t('monitor/summary/hours', { hours: Math.floor(seconds / 3600), minutes: Math.floor((seconds % 3600) / 60) });
}
