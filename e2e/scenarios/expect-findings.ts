import { expect } from 'vitest';
import { EXIT_OF_VERDICT, findingIds, probeDigest, schemaErrors, type CliRun } from './run-cli';

/**
 * Asserts that a run raised exactly `expected` (finding ids, any order) and nothing beside them.
 *
 * Also holds the contract every scenario must keep: a schema-valid report, a verdict that is
 * the worst severity found, and the exit code of that verdict. A mismatch prints every probe's
 * summary, so the failure says what the run saw.
 */
export function expectFindings(run: CliRun, expected: readonly string[]): void {
  const { report } = run;
  const context = `findings: ${report.findings.map((f) => `${f.id} (${f.severity})`).join(', ') || 'none'}\nprobes:\n${probeDigest(report)}\nstderr:\n${run.stderr.slice(-1500)}`;
  expect(schemaErrors(report), 'the report must match report.schema.json').toBe('');
  expect(findingIds(report), context).toEqual([...expected].sort());
  const severities = new Set(report.findings.map((f) => f.severity));
  const verdict = severities.has('problem') ? 'problem' : severities.has('warning') ? 'warning' : 'ok';
  expect(report.verdict, context).toBe(verdict);
  expect(run.code, `exit code of verdict ${verdict}\n${context}`).toBe(EXIT_OF_VERDICT[verdict]);
}
