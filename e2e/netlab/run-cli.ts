import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Report } from '../../shared/report/report-schema';
import type { Netlab } from './netlab';

/**
 * Runs the built command line inside the lab's client namespace and reads its JSON report.
 *
 * The CLI is what a helpdesk runs; using the built file (`npm run build:cli`) tests what ships.
 * Every option that would reach a real host is set to the lab: DNS, CA, connectivity check,
 * hosts file, no system proxy.
 */

export const CLI_PATH = path.resolve(import.meta.dirname, '../../dist/cli/outlook-doktor.mjs');

/** The CLI must end by itself within `--timeout`; this only catches a hang so the test fails. */
const HANG_MARGIN_MS = 15_000;

export interface CliRun {
  report: Report;
  exitCode: number | null;
  /** Wall clock of the whole process, Node's start included. */
  wallMs: number;
  stderr: string;
}

export function assertCliBuilt(): void {
  if (!existsSync(CLI_PATH)) throw new Error(`${CLI_PATH} is missing: run \`npm run build:cli\` first (npm test builds it)`);
}

export function runCliInLab(lab: Netlab, server: string, options: { timeoutSeconds: number; extraArgs?: string[] }): Promise<CliRun> {
  assertCliBuilt();
  const args = [
    CLI_PATH,
    'diagnose',
    '--server',
    server,
    '--dns-server',
    lab.dnsServer,
    '--ca-file',
    lab.caFile,
    '--connectivity-url',
    lab.connectivityUrl,
    '--hosts-file',
    lab.hostsFile,
    '--timeout',
    String(options.timeoutSeconds),
    '--lang',
    'en',
    '--json',
    '-',
    ...(options.extraArgs ?? ['--no-proxy']),
  ];
  const started = performance.now();
  const child = spawn('ip', ['netns', 'exec', lab.topology.client, process.execPath, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the CLI did not end within --timeout + ${HANG_MARGIN_MS} ms\n${stderr}`));
    }, options.timeoutSeconds * 1000 + HANG_MARGIN_MS);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (exitCode) => {
      clearTimeout(timer);
      const wallMs = Math.round(performance.now() - started);
      try {
        resolve({ report: JSON.parse(stdout) as Report, exitCode, wallMs, stderr });
      } catch {
        reject(new Error(`no JSON report (exit ${exitCode}):\n${stdout.slice(0, 2000)}\n${stderr.slice(0, 4000)}`));
      }
    });
  });
}
