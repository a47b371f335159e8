import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { refusedPort } from '../../e2e/lab/tcp-blackhole';
import { translator, type Lang } from '../../shared/i18n';
import type { Report } from '../../shared/report/report-schema';
import { textSummary } from '../../shared/report/text-summary';
import { main } from './main';
import { cliIo } from './testing/cli-io';

/**
 * What `outlook-doktor diagnose` prints on standard output: progress while probing (one line per
 * finished probe into a pipe, one updating line on a terminal), then the readable summary, in
 * German and with `--lang en`. A real run against a closed loopback port: the server, the DNS
 * server and the connectivity check all refuse, so the run is quick and its findings fixed.
 */

const STATUS_MARK: Record<string, string> = { ok: 'ok  ', fail: 'FAIL', timeout: 'TIME', skipped: 'skip' };
const PROGRESS_LINE = /^ {2}(ok {2}|FAIL|TIME|skip) +(\d+) ms {2}(\S+) {2}(.*)$/;

let port: number;
let dir: string;
beforeAll(async () => {
  port = await refusedPort('127.0.0.1');
});
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'od-cli-summary-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function diagnose(extra: string[], options: { tty?: boolean } = {}) {
  const cli = cliIo({ tty: options.tty === true });
  const json = path.join(dir, 'report.json');
  const closed = `127.0.0.1:${port}`;
  const args = ['diagnose', '--server', closed, '--dns-server', closed, '--connectivity-url', `http://${closed}/connecttest.txt`, '--no-proxy', '--timeout', '5', '--json', json, ...extra];
  const code = await main(args, cli.streams);
  return { code, out: cli.out(), err: cli.err(), json, report: JSON.parse(readFileSync(json, 'utf8')) as Report };
}

/** The words each language's output must have. */
interface OutputCase {
  lang: Lang;
  args: string[];
  checking: string;
  result: string;
  user: string;
  admin: string;
  firewall: string;
  problem: string;
  saved: string;
}

const CASES: OutputCase[] = [
  { lang: 'de', args: [], checking: 'Prüfe Verbindung zu Exchange …', result: 'Ergebnis der Prüfung: Problem gefunden', user: 'Was Sie tun können:', admin: 'Für den IT-Support:', firewall: 'Desktop-Firewalls', problem: 'Problem', saved: 'Bericht gespeichert' },
  { lang: 'en', args: ['--lang', 'en'], checking: 'Checking the connection to Exchange …', result: 'Result of the check: Problem found', user: 'What you can do:', admin: 'For IT support:', firewall: 'Desktop firewalls', problem: 'problem', saved: 'Report saved' },
];

describe.each(CASES)('diagnose output in $lang against a closed port', (c) => {
  it('prints a progress line per finished probe, then the summary with the findings and the section table', async () => {
    const run = await diagnose(c.args);
    expect(run.code, run.err).toBe(2);
    expect(run.err).toBe('');
    const lines = run.out.split('\n');
    expect(lines[0]).toBe(c.checking);

    // Progress: one line per probe of the report, with its status, duration and summary, until the blank line.
    const progress = lines.slice(1, lines.indexOf(''));
    expect(progress.length).toBe(run.report.probes.length);
    for (const line of progress) {
      const m = PROGRESS_LINE.exec(line);
      expect(m, line).not.toBeNull();
      const probe = run.report.probes.find((p) => p.id === m![3]);
      expect(probe, `${m![3]} is not in the report`).toBeDefined();
      expect(m![1]).toBe(STATUS_MARK[probe!.status]);
      expect(Number(m![2])).toBe(probe!.durationMs);
      expect(m![4]).toBe(probe!.summary);
    }
    expect(progress.find((l) => l.includes(`tcp:127.0.0.1@127.0.0.1:${port}`))).toMatch(/^ {2}FAIL .* refused \(ECONNREFUSED\)$/);

    // The summary is the report's, in the language asked, followed by where the report went.
    expect(run.out).toContain(`\n\n${textSummary(run.report, { lang: c.lang })}\n${c.saved}: ${run.json}\n`);
    expect(run.report.findings.map((f) => f.id)).toContain('tcp.unreachable');
    const title = translator(c.lang).finding('tcp.unreachable', run.report.findings.find((f) => f.id === 'tcp.unreachable')!.args ?? {}).title;
    expect(lines).toContain(c.result);
    expect(lines).toContain(`[!!] Problem: ${title}`);
    expect(lines).toContain(`     ${c.user}`);
    expect(lines).toContain(`     ${c.admin}`);
    expect(lines.find((l) => l.startsWith(`  ${c.firewall}.`))).toMatch(new RegExp(`\\.\\. ${c.problem}$`));
  });
});

describe('diagnose progress on a terminal', () => {
  it('draws one line that counts up to every planned check, then the summary', async () => {
    const run = await diagnose([], { tty: true });
    const [first, rest] = [run.out.slice(0, run.out.indexOf('\n')), run.out.slice(run.out.indexOf('\n') + 1)];
    expect(first).toBe('Prüfe Verbindung zu Exchange …');
    const drawn = rest.slice(0, rest.indexOf('\n')).split('\r\x1b[2K').filter(Boolean);
    expect(drawn.length).toBeGreaterThan(0);
    for (const frame of drawn) expect(frame).toMatch(/^\d+ von \d+ Prüfungen fertig$/);
    // The last frame: everything planned has finished, one check per probe of the report.
    expect(drawn.at(-1)).toBe(`${run.report.probes.length} von ${run.report.probes.length} Prüfungen fertig`);
    expect(run.out.split('\n').filter((l) => PROGRESS_LINE.test(l))).toEqual([]);
    expect(run.out).toContain(`\n\n${textSummary(run.report, { lang: 'de' })}\n`);
  });
});
