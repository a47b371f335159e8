import { translator, isLang } from '../../shared/i18n';
import type { Evidence } from '../../shared/model/evidence';
import type { ProbeResult } from '../../shared/model/probe-result';
import { internalErrorReport } from '../../shared/report/internal-error-report';
import type { Report } from '../../shared/report/report-schema';
import { textSummary } from '../../shared/report/text-summary';
import { toolInfo } from '../engine/build-info';
import { detectOutlookAccount, type OutlookAccount } from '../engine/detect-outlook-account';
import { OptionError, prepareRun, type EngineOptions } from '../engine/engine-options';
import { writeTextAtomic } from '../engine/fs/atomic-write';
import { writeBundle } from '../engine/bundle/write-bundle';
import { lineLog, SILENT_LOG } from '../engine/log/engine-log';
import { resolveBundlePath } from './bundle-path';
import { runDiagnosis, type RunHooks, type RunOutcome } from '../engine/run-diagnosis';
import type { PreparedRun } from '../engine/engine-options';
import { parseOptions } from './parse-options';
import { progressPrinter } from './progress';
import { readPassword } from './read-password';
import { EXIT, UsageError } from './usage-error';

export const DIAGNOSE_OPTIONS = {
  email: { type: 'string' },
  server: { type: 'string' },
  'dns-server': { type: 'string', multiple: true },
  'ca-file': { type: 'string', multiple: true },
  'connectivity-url': { type: 'string' },
  'connectivity-expect': { type: 'string' },
  proxy: { type: 'string' },
  'no-proxy': { type: 'boolean' },
  user: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  timeout: { type: 'string' },
  json: { type: 'string' },
  bundle: { type: 'string' },
  anonymize: { type: 'boolean' },
  lang: { type: 'string' },
  'hosts-file': { type: 'string' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const DIAGNOSE_HELP = `Usage: outlook-doktor diagnose (--email ADDRESS | --server HOST) [options]

Checks the network path from this computer to Exchange the way Outlook walks it.

  --email ADDRESS            mailbox address; its domain drives Autodiscover
  --server HOST              Exchange host (or https://HOST[:PORT]/)
                             (on Windows both default to the Outlook profile's account)
  --dns-server IP[:PORT]     use this DNS server for all name resolution (repeatable)
  --ca-file PATH             extra trusted root certificates, PEM (repeatable)
  --connectivity-url URL     captive-portal check URL (default: Windows' own check)
  --connectivity-expect TEXT expected body of that URL
  --proxy URL | --no-proxy   use this HTTP proxy / no proxy (default: system settings)
  --user NAME                optional credential test; password from OUTLOOK_DOKTOR_PASSWORD
  --password-stdin           read the password for --user from standard input
  --timeout SECONDS          deadline for the whole run (default 10)
  --json PATH                write the report as JSON ("-" for standard output)
  --bundle PATH              write the diagnostic bundle (zip); PATH may be a folder
  --anonymize                replace user, mailbox and computer names in the bundle
  --lang de|en               language of texts (default de)
  --hosts-file PATH          read this hosts file instead of the system's
  --verbose                  log the run (start, end, errors) to standard error

Exit codes: 0 ok, 1 warning, 2 problem, 64 wrong usage, 70 internal error.`;

export interface CommandIo {
  /** Finds the Outlook profile's account (default: `detectOutlookAccount`, Windows only). */
  detectAccount?: () => Promise<OutlookAccount | null>;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  /** Cancels the run (Ctrl+C); the report is still written. */
  signal?: AbortSignal;
  /** Runs the diagnosis (default: `runDiagnosis`); tests put a failing or rule-swapping one here. */
  runDiagnosis?: (prepared: PreparedRun, hooks: RunHooks) => Promise<RunOutcome>;
}

/** `outlook-doktor diagnose`: returns the exit code. */
export async function diagnoseCommand(args: string[], io: CommandIo): Promise<number> {
  const values = parseOptions(args, DIAGNOSE_OPTIONS);
  if (values.help) {
    io.stdout.write(`${DIAGNOSE_HELP}\n`);
    return EXIT.ok;
  }
  const lang = values.lang ?? 'de';
  if (!isLang(lang)) throw new UsageError('--lang', 'must be de or en');
  if (values['password-stdin'] && !values.user) throw new UsageError('--password-stdin', 'needs --user');
  let timeoutSeconds: number | undefined;
  if (values.timeout !== undefined) {
    if (!/^\d+(\.\d+)?$/.test(values.timeout)) throw new UsageError('--timeout', 'must be a number of seconds');
    timeoutSeconds = Number(values.timeout);
  }

  if (values.anonymize && values.bundle === undefined) throw new UsageError('--anonymize', 'needs --bundle');
  // Checked before the run: a typo in the folder must not cost the user the whole run.
  const bundleTarget = values.bundle === undefined ? undefined : await resolveBundlePath(values.bundle);

  const jsonToStdout = values.json === '-';
  // With the report on standard output, everything meant for people goes to standard error.
  const human = jsonToStdout ? io.stderr : io.stdout;

  let password: string | undefined;
  if (values.user) {
    password = values['password-stdin'] ? await readPassword(io.stdin) : io.env.OUTLOOK_DOKTOR_PASSWORD;
  }

  const options: EngineOptions = {
    ...(values.email !== undefined ? { email: values.email } : {}),
    ...(values.server !== undefined ? { server: values.server } : {}),
    ...(values['dns-server'] ? { dnsServers: values['dns-server'] } : {}),
    ...(values['ca-file'] ? { caFiles: values['ca-file'] } : {}),
    ...(values['connectivity-url'] !== undefined ? { connectivityUrl: values['connectivity-url'] } : {}),
    ...(values['connectivity-expect'] !== undefined ? { connectivityExpect: values['connectivity-expect'] } : {}),
    ...(values.proxy !== undefined ? { proxy: values.proxy } : {}),
    ...(values['no-proxy'] ? { noProxy: true } : {}),
    ...(values.user !== undefined ? { user: values.user } : {}),
    ...(password !== undefined ? { password } : {}),
    ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
    ...(values['hosts-file'] !== undefined ? { hostsFile: values['hosts-file'] } : {}),
  };

  // Only when something is missing: reading the profile costs a registry read.
  let profile: OutlookAccount | null = null;
  if (values.email === undefined || values.server === undefined) {
    profile = await (io.detectAccount ?? detectOutlookAccount)().catch(() => null);
    if (profile) options.profile = { ...(profile.email ? { email: profile.email } : {}), ...(profile.server ? { server: profile.server } : {}) };
  }

  let prepared;
  try {
    prepared = await prepareRun(options);
  } catch (error) {
    if (error instanceof OptionError) throw new UsageError(error.option, error.message);
    throw error;
  }

  const tr = translator(lang);
  if (profile && (prepared.input.serverSource === 'profile' || (values.email === undefined && prepared.input.email))) {
    human.write(`${tr.t('cli/fromProfile', { profile: profile.profile })}\n`);
  }
  const progress = progressPrinter(human, tr);
  progress.start();
  // What finished so far, from the progress events: a run that fails inside still reports these.
  const finished: ProbeResult[] = [];
  const startedAt = new Date();
  let outcome: RunOutcome | undefined;
  let runFailed = false;
  let runError: unknown;
  try {
    outcome = await (io.runDiagnosis ?? runDiagnosis)(prepared, {
      lang,
      // The same lines the desktop app writes to its log file, redacted the same way.
      log: values.verbose ? lineLog((line) => io.stderr.write(line), 'debug', { secrets: password ? [password] : [] }) : SILENT_LOG,
      onEvent: (e) => {
        if (e.type === 'probe-finished') finished.push(e.result);
        progress.onEvent(e);
      },
      ...(io.signal ? { signal: io.signal } : {}),
    });
  } catch (error) {
    runFailed = true;
    runError = error;
  }
  progress.end();

  let report: Report;
  if (outcome && !runFailed) {
    report = outcome.report;
  } else {
    // exit 70 still writes the report that was asked for (cli-and-report.md): the probes so far and the error.
    const evidence: Evidence = { input: prepared.input, startedAt: startedAt.toISOString(), now: Date.now(), probes: finished };
    report = internalErrorReport(evidence, { tool: toolInfo(), finishedAt: new Date().toISOString(), lang }, errorText(runError));
  }

  // Each output is attempted even if another failed: a report that exists must reach the disk.
  const failures: string[] = [];
  if (values.json !== undefined) {
    const json = `${JSON.stringify(report, null, 2)}\n`;
    if (jsonToStdout) {
      io.stdout.write(json);
    } else {
      try {
        await writeTextAtomic(values.json, json);
      } catch (error) {
        failures.push(`--json ${values.json}: ${(error as Error).message}`);
      }
    }
  }
  let bundleWritten: string | undefined;
  if (bundleTarget !== undefined) {
    try {
      const target = bundleTarget.pathFor(new Date());
      await writeBundle(target, { report, artifacts: outcome?.artifacts ?? [] }, { lang, anonymize: values.anonymize === true, secrets: password ? [password] : [] });
      bundleWritten = target;
    } catch (error) {
      failures.push(`--bundle ${values.bundle}: ${(error as Error).message}`);
    }
  }

  human.write('\n');
  if (outcome && !runFailed) {
    if (outcome.endedEarly) human.write(`${tr.t(outcome.endedEarly === 'deadline' ? 'cli/deadline' : 'cli/cancelled')}\n\n`);
    human.write(`${textSummary(report, { lang })}\n`);
  } else {
    // No summary: without the rules' judgement "no findings" would read as "healthy".
    human.write(`${tr.t('cli/internalError')}\n`);
  }
  if (values.json !== undefined && !jsonToStdout && !failures.some((f) => f.startsWith('--json'))) human.write(`${tr.t('cli/reportWritten', { path: values.json })}\n`);
  if (bundleWritten) human.write(`${tr.t('cli/bundleWritten', { path: bundleWritten })}\n`);
  for (const failure of failures) io.stderr.write(`outlook-doktor: cannot write ${failure}\n`);

  if (runFailed) {
    io.stderr.write(`outlook-doktor: internal error: ${runError instanceof Error ? (runError.stack ?? runError.message) : errorText(runError)}\n`);
    return EXIT.internal;
  }
  const ruleErrors = outcome?.diagnosis.ruleErrors ?? [];
  for (const e of ruleErrors) io.stderr.write(`outlook-doktor: internal error: rule ${e.id} failed (${e.message}); section ${e.section} is reported as not checked\n`);
  if (failures.length > 0 || ruleErrors.length > 0) return EXIT.internal;

  if (outcome?.endedEarly === 'cancelled') return EXIT.interrupted;
  return EXIT[report.verdict];
}

/** An exception as one line for the report (the stack goes to standard error only). */
function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return typeof error === 'string' ? error : JSON.stringify(error) ?? 'unknown error';
}
