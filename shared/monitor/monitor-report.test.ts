import { describe, expect, it } from 'vitest';
import { reportValidator } from '../../e2e/scenarios/run-cli';
import { translator } from '../i18n';
import { reportSchema } from '../report/report-schema';
import { MonitorAggregator } from './monitor-aggregator';
import { monitorBundleStatistics } from './monitor-bundle-stats';
import { buildMonitorReport, monitorVerdict } from './monitor-report';
import { monitorSummaryLines } from './monitor-summary';
import { sampleRunInfo } from './testing/run-info';

const T0 = Date.UTC(2026, 10, 22, 9, 30);
const info = sampleRunInfo(T0);

function run(marks: string) {
  const agg = new MonitorAggregator(1000, T0);
  [...marks].forEach((m, seq) =>
    agg.addSample(
      m === '.'
        ? { seq, atMs: T0 + seq * 1000, result: 'challenge', address: '10.0.0.1', status: 401, methods: ['Negotiate', 'NTLM'], timings: { totalMs: 25 } }
        : { seq, atMs: T0 + seq * 1000, result: 'error', address: '10.0.0.2', error: { kind: 'refused', message: 'connect ECONNREFUSED' } },
    ),
  );
  return { info, stats: agg.stats(T0 + marks.length * 1000), endedAtMs: T0 + marks.length * 1000, exchanges: {} };
}

describe('the report of a monitor run', () => {
  it.each([
    ['....', 'ok'],
    ['..E.', 'warning'],
    ['EEEE', 'problem'],
    ['', 'problem'],
  ] as const)('%j is schema-valid in both validators with verdict %s', (marks, verdict) => {
    const report = buildMonitorReport(run(marks), { tool: { version: '1.2.3' }, lang: 'de' });
    expect(report.verdict).toBe(verdict);
    expect(reportSchema.safeParse(report).success).toBe(true);
    const validate = reportValidator();
    expect(validate(JSON.parse(JSON.stringify(report))), JSON.stringify(validate.errors)).toBe(true);
    expect(report.sections.every((s) => s.status === 'not-checked')).toBe(true);
    expect(report.probes[0]).toMatchObject({ id: 'monitor', kind: 'monitor', target: info.url });
  });

  it('derives the verdict from what was measured', () => {
    expect(monitorVerdict({ measured: 0, ok: 0, failed: 0 })).toBe('problem');
    expect(monitorVerdict({ measured: 3, ok: 3, failed: 0 })).toBe('ok');
  });

  it('gives the bundle flat figures with labels in both languages', () => {
    const r = run('..EE.');
    const figures = monitorBundleStatistics(info, r.stats, { source: 'file', omittedSamples: null, omittedBytes: null });
    expect(figures).toMatchObject({ requests: 5, ok: 3, failed: 2, outages: 1, longestOutageMs: 2000, successPercent: 60, failedAddresses: '10.0.0.2: 2/2', methods: 'Negotiate NTLM', p50Ms: 25 });
  });

  it('has a label for every figure in both languages', () => {
    const figures = monitorBundleStatistics(info, run('.E').stats, { source: 'memory', omittedSamples: 10, omittedBytes: 100 });
    for (const lang of ['de', 'en'] as const) {
      for (const key of Object.keys(figures)) expect(translator(lang).t(`bundle/monitorStat/${key}`, { defaultValue: '' }), `${lang} ${key}`).not.toBe('');
    }
  });

  it('summarises in English on request', () => {
    const lines = monitorSummaryLines(info, run('..EE.').stats, 'en');
    expect(lines[0]).toBe('Result of the monitor');
    expect(lines).toContain('With a challenge: 3 (60 %)');
    expect(lines.some((l) => /^Outages: 1, 2 s in all; the longest lasted 2 s \(2 requests\) from \d\d:\d\d:\d\d$/.test(l))).toBe(true);
    expect(lines).toContain('Failures per address: 10.0.0.2 2 of 2');
    expect(lines).toContain('Kinds of failure: connection refused 2');
  });
});
