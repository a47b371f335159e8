import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { Report } from '../../shared/report/report-schema';

/**
 * Runs the built command line (`dist/cli/outlook-doktor.mjs`) as a separate process.
 *
 * The scenario matrix tests what a helpdesk runs, process start included. The child is spawned
 * asynchronously: the lab servers it talks to live in this test process, and a synchronous
 * spawn would stop their event loop for the whole run.
 */

export const CLI_PATH = fileURLToPath(new URL('../../dist/cli/outlook-doktor.mjs', import.meta.url));

/**
 * A run that has not ended after this long hangs: the longest scenario has a 6 s deadline, and
 * the product promises deadline + 1 s. Killing it turns a hang into a failed test, not a stuck suite.
 */
const HANG_LIMIT_MS = 20_000;

/**
 * Command-line runs at once per test process. Each run is a Node process that starts, probes and
 * reports within a second or two; more of them at once on a shared two-core machine starve each
 * other and the lab, and a starved run measures its own waiting (a "slow" DNS answer that was
 * only a busy CPU). Two test files run in parallel, so at most twice this many run at once.
 */
const MAX_PARALLEL_RUNS = 2;

let running = 0;
const waiting: (() => void)[] = [];

async function slot<T>(work: () => Promise<T>): Promise<T> {
  // A finished run hands its slot straight to the next waiter, so the count never overshoots.
  if (running >= MAX_PARALLEL_RUNS) await new Promise<void>((resolve) => waiting.push(resolve));
  else running += 1;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}

export interface CliRun {
  /** Exit code (null when killed). */
  code: number | null;
  /** Process start to exit, as a user waits for it. */
  wallMs: number;
  stdout: string;
  stderr: string;
  /** The JSON report (from standard output with `--json -`, or read from the file given). */
  report: Report;
}

/** Fails with a clear message when the command line was not built (`npm test` builds it first). */
export function requireBuiltCli(): void {
  if (!existsSync(CLI_PATH)) throw new Error(`${CLI_PATH} is missing: run "npm run build:cli" first (npm test does)`);
}

/**
 * `outlook-doktor diagnose <args>` with the report as JSON.
 *
 * Without `jsonPath` the report goes to standard output (`--json -`) and the readable summary to
 * standard error; with it, the report is read from that file after the process ended.
 */
export function runDiagnose(args: readonly string[], options: { jsonPath?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  requireBuiltCli();
  return slot(() => spawnDiagnose(args, options));
}

async function spawnDiagnose(args: readonly string[], options: { jsonPath?: string; env?: NodeJS.ProcessEnv }): Promise<CliRun> {
  const argv = [CLI_PATH, 'diagnose', ...args, '--json', options.jsonPath ?? '-'];
  const started = performance.now();
  const child = spawn(process.execPath, argv, {
    stdio: ['ignore', 'pipe', 'pipe'],
    // No proxy or profile from the developer's environment may leak into a scenario.
    env: { PATH: process.env.PATH ?? '', LANG: 'C.UTF-8', ...options.env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const killer = setTimeout(() => child.kill('SIGKILL'), HANG_LIMIT_MS);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (exitCode) => resolve(exitCode));
  }).finally(() => clearTimeout(killer));
  const wallMs = performance.now() - started;
  if (code === null) throw new Error(`outlook-doktor hung and was killed after ${HANG_LIMIT_MS} ms\n${stderr}`);
  const text = options.jsonPath === undefined ? stdout : await readFile(options.jsonPath, 'utf8').catch(() => '');
  let report: Report;
  try {
    report = JSON.parse(text) as Report;
  } catch {
    throw new Error(`outlook-doktor exited ${code} without a JSON report\nstdout: ${stdout.slice(0, 2000)}\nstderr: ${stderr.slice(0, 4000)}`);
  }
  return { code, wallMs, stdout, stderr, report };
}

/**
 * Wall time of `outlook-doktor --version`: starting Node, loading the command line and exiting,
 * with no run. On a loaded machine this alone can take most of a second; deadline tests subtract
 * it so they measure what the command line controls.
 */
export function startupMs(): Promise<number> {
  requireBuiltCli();
  return slot(async () => {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI_PATH, '--version'], { stdio: 'ignore', env: { PATH: process.env.PATH ?? '' } });
    await new Promise<void>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', () => resolve());
    });
    return performance.now() - started;
  });
}

let compiled: ValidateFunction | undefined;

const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i;

/** The shipped JSON Schema of the report, compiled once. */
export function reportValidator(): ValidateFunction {
  if (!compiled) {
    const schema = JSON.parse(readFileSync(new URL('../../shared/report/report.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    // RFC 3339 date-time as the schema means it (ajv-formats is not a dependency for one format).
    ajv.addFormat('date-time', (value: string) => RFC3339.test(value) && !Number.isNaN(Date.parse(value)));
    compiled = ajv.compile(schema);
  }
  return compiled;
}

/** Schema errors of a report as one readable string, empty when it is valid. */
export function schemaErrors(report: unknown): string {
  const validate = reportValidator();
  if (validate(report)) return '';
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ');
}

/** Finding ids of a report, sorted (the report orders them by severity). */
export function findingIds(report: Report): string[] {
  return report.findings.map((f) => f.id).sort();
}

/** One line per probe, for failure messages: what the run saw. */
export function probeDigest(report: Report): string {
  return report.probes.map((p) => `  ${p.status.padEnd(7)} ${p.id}: ${p.summary}`).join('\n');
}

/** The exit code the contract gives a verdict. */
export const EXIT_OF_VERDICT = { ok: 0, warning: 1, problem: 2 } as const;
