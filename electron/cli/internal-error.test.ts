import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { schemaErrors } from '../../e2e/scenarios/run-cli';
import { defineRule } from '../../shared/diagnosis/rule';
import { RULES } from '../../shared/diagnosis/rules';
import type { Report } from '../../shared/report/report-schema';
import { openBundle } from '../engine/bundle/open-bundle';
import type { PreparedRun } from '../engine/engine-options';
import { localNetworkProbe } from '../engine/probes/local-network';
import { runDiagnosis, type RunHooks } from '../engine/run-diagnosis';
import { main } from './main';
import { cliIo } from './testing/cli-io';

/**
 * Exit code 70 (internal error) with the report still written, as cli-and-report.md promises:
 * a diagnosis rule that throws, and a run that fails inside. Only the local network is probed
 * (the DNS server and connectivity URL are closed loopback ports nobody asks).
 */

const OFFLINE = ['--server', 'mail.contoso.test', '--dns-server', '127.0.0.1:9', '--connectivity-url', 'http://127.0.0.1:9/connecttest.txt', '--no-proxy', '--timeout', '3'];

function io(runner: (prepared: PreparedRun, hooks: RunHooks) => Promise<Awaited<ReturnType<typeof runDiagnosis>>>) {
  return cliIo({ runDiagnosis: runner });
}

const BROKEN_RULES = [
  ...RULES.filter((r) => r.id !== 'net.no-interface'),
  defineRule({
    id: 'net.no-interface',
    evaluate: () => {
      throw new Error('rule exploded');
    },
  }),
];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'od-cli-internal-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const readReport = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Report;

describe('diagnose: internal errors exit 70 and still write the report', () => {
  it('a rule that throws: the full report is written, the rule named on stderr, its section not ok', async () => {
    const json = path.join(dir, 'report.json');
    const t = io((prepared, hooks) => runDiagnosis(prepared, { ...hooks, probes: [localNetworkProbe], rules: BROKEN_RULES }));
    expect(await main(['diagnose', ...OFFLINE, '--json', json], t.streams)).toBe(70);
    expect(t.err()).toContain('outlook-doktor: internal error: rule net.no-interface failed (rule exploded); section physical is reported as not checked');
    // The readable summary and the report were written before the exit.
    expect(t.out()).toContain('Ergebnis der Prüfung');
    expect(t.out()).toContain(`Bericht gespeichert: ${json}`);
    const report = readReport(json);
    expect(schemaErrors(report)).toBe('');
    expect(report.internalErrors).toEqual([{ source: 'rule', id: 'net.no-interface', section: 'physical', message: 'rule exploded' }]);
    expect(report.sections.find((s) => s.id === 'physical')?.status).not.toBe('ok');
    expect(report.probes.map((p) => p.probe)).toContain('local.network');
  });

  it('a run that fails inside: a minimal schema-valid report with the probes so far goes to --json and --bundle', async () => {
    const json = path.join(dir, 'report.json');
    const bundle = path.join(dir, 'fall.zip');
    // The probes run and report their progress; then building the report blows up.
    const t = io(async (prepared, hooks) => {
      await runDiagnosis(prepared, { ...hooks, probes: [localNetworkProbe], finalProbes: [] });
      throw new RangeError('report builder exploded');
    });
    expect(await main(['diagnose', ...OFFLINE, '--json', json, '--bundle', bundle, '--lang', 'en'], t.streams)).toBe(70);
    expect(t.err()).toMatch(/^outlook-doktor: internal error: RangeError: report builder exploded\n\s+at /m);
    expect(t.out()).toContain('Internal error: the check stopped early.');
    expect(t.out()).not.toContain('Result of the check');
    expect(t.out()).toContain(`Report saved: ${json}`);
    expect(t.out()).toContain(`Diagnostic bundle saved: ${bundle}`);

    const report = readReport(json);
    expect(schemaErrors(report)).toBe('');
    expect(report.internalErrors).toEqual([{ source: 'run', message: 'RangeError: report builder exploded' }]);
    expect(report.findings).toEqual([]);
    expect(report.sections.every((s) => s.status === 'not-checked')).toBe(true);
    expect(report.probes.map((p) => p.id)).toEqual(['local.network:this-computer']);
    expect(report.input).toMatchObject({ server: 'mail.contoso.test', lang: 'en', timeoutSeconds: 3 });

    const opened = await openBundle(bundle);
    if (!opened.ok) throw new Error(opened.error.message.en);
    expect(opened.bundle.verification.status).toBe('verified');
    expect(opened.bundle.report.internalErrors).toEqual(report.internalErrors);
  });

  it('a run that fails before any probe finished still writes the report to standard output', async () => {
    const t = io(() => Promise.reject(new Error('no services')));
    expect(await main(['diagnose', ...OFFLINE, '--json', '-'], t.streams)).toBe(70);
    const report = JSON.parse(t.out()) as Report;
    expect(schemaErrors(report)).toBe('');
    expect(report).toMatchObject({ probes: [], findings: [], internalErrors: [{ source: 'run', message: 'Error: no services' }] });
    expect(t.err()).toContain('Interner Fehler');
  });
});
