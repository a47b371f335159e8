import type { Lang } from '../i18n';
import type { HttpExchange } from '../model/probe-data';
import { SECTION_IDS } from '../model/sections';
import type { ToolInfo } from '../report/build-report';
import { REPORT_SCHEMA_VERSION, type Report, type ReportProbe } from '../report/report-schema';
import { monitorSummaryLines } from './monitor-summary';
import { monitorVerdict } from './monitor-verdict';

export { monitorVerdict };
import type { MonitorRunInfo, MonitorStats } from './monitor-types';

/**
 * The report of a monitor run on its own (`outlook-doktor monitor --bundle`): schema-valid, so a
 * bundle always has a report.json the viewer opens.
 *
 * A monitor checks no section, so every section is `not-checked` and there are no findings; the
 * verdict says how the run went (`ok`: every measured request got a challenge, `problem`: none
 * did, `warning`: some did not). The probes are the run itself (its settings and figures as
 * data) and up to three whole exchanges — the first answer and the first and last failure — so
 * the bundle's HAR shows what a failure looked like.
 */
export interface MonitorReportInput {
  info: MonitorRunInfo;
  stats: MonitorStats;
  endedAtMs: number;
  exchanges: { first?: HttpExchange; firstFailure?: HttpExchange; lastFailure?: HttpExchange };
  dnsServers?: readonly string[];
}


export function buildMonitorReport(run: MonitorReportInput, meta: { tool: ToolInfo; lang: Lang }): Report {
  const { info, stats } = run;
  const startedAt = new Date(info.startedAtMs).toISOString();
  const finishedAt = new Date(Math.max(run.endedAtMs, info.startedAtMs)).toISOString();
  const summary = monitorSummaryLines(info, stats, meta.lang).slice(1, 5).join('; ');
  const probes: ReportProbe[] = [
    {
      id: 'monitor',
      probe: 'monitor',
      kind: 'monitor',
      target: info.url,
      status: stats.measured === 0 ? 'skipped' : stats.failed === 0 ? 'ok' : 'fail',
      startedAt,
      durationMs: Math.max(0, run.endedAtMs - info.startedAtMs),
      summary,
      data: { info: { ...info }, stats: JSON.parse(JSON.stringify(stats)) as Record<string, unknown> },
    },
  ];
  const listed = new Set<HttpExchange>();
  for (const [key, exchange] of Object.entries(run.exchanges) as [string, HttpExchange | undefined][]) {
    // The first answer may also be the first failure, the first failure the last one: list each exchange once.
    if (!exchange || listed.has(exchange)) continue;
    listed.add(exchange);
    const status = exchange.response?.status;
    probes.push({
      id: `monitor.http:${key}`,
      probe: 'monitor.http',
      kind: 'http',
      target: exchange.request.url,
      status: exchange.response?.challenges.length ? 'ok' : 'fail',
      startedAt: exchange.startedAt,
      durationMs: exchange.timings.totalMs,
      summary: status !== undefined ? `${status} ${exchange.response!.statusText}`.trim() : (exchange.error?.message ?? 'no answer'),
      data: exchange as unknown as Record<string, unknown>,
    });
  }
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'outlook-doktor', ...meta.tool },
    startedAt,
    finishedAt,
    durationMs: Date.parse(finishedAt) - Date.parse(startedAt),
    input: {
      server: info.port === 443 ? info.host : `${info.host}:${info.port}`,
      ...(run.dnsServers?.length ? { dnsServers: [...run.dnsServers] } : {}),
      lang: meta.lang,
    },
    verdict: monitorVerdict(stats),
    findings: [],
    sections: SECTION_IDS.map((id) => ({ id, status: 'not-checked' as const, findings: [] })),
    probes,
  };
}
