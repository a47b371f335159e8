import os from 'node:os';
import type { BundleInput } from '../../../shared/bundle/bundle-input';
import { defaultBundleName } from '../../../shared/bundle/default-bundle-name';
import { toBundleAnswers } from '../../../shared/checklist/bundle-answers';
import type { BundleExportRequest, BundlePreviewResponse } from '../../../shared/ipc/api';
import type { Report } from '../../../shared/report/report-schema';
import type { BundleOptions } from '../bundle/bundle-plan';
import { previewBundle } from '../bundle/preview-bundle';
import { writeBundle } from '../bundle/write-bundle';
import { errorMessage } from '../runner';
import type { FinishedRun } from './diagnosis-host';
import type { ExportableMonitor } from './monitor-host';

/** Names of this computer's user and the computer itself, beyond those in the report. */
export interface LocalNames {
  users: string[];
  computers: string[];
}

export interface BundleExporterOptions {
  /** The host's last finished run (`DiagnosisHost.finishedRun`). */
  finishedRun(runId: string): FinishedRun | undefined;
  /** The host's monitor with this id (`MonitorHost.exportable`); none where the host has no monitor. */
  monitor?: (monitorId: string) => ExportableMonitor | undefined;
  /** Only for tests: the names "Anonymisieren" replaces besides the report's (default: this user and computer). */
  localNames?: () => LocalNames;
  /** Only for tests: the bundle's creation time. */
  now?: () => Date;
  /** The app's own log (redacted), for `logs/app.log`; the desktop app passes it, the web bridge has none. */
  appLog?: () => Promise<string | null>;
}

export type BundleWriteOutcome =
  | { ok: true; bytes: number; anonymized: boolean }
  | { ok: false; problem: 'no-report' | 'busy' | 'failed'; message: string };

export interface BundleExporter {
  /** Whether what the page shows (its run, its monitor) can still be exported. */
  has(request: Pick<BundleExportRequest, 'runId' | 'monitorId'>): boolean;
  /** The suggested file name for a bundle made now (date and time in it). */
  suggestedName(): string;
  preview(request: BundleExportRequest): Promise<BundlePreviewResponse>;
  /** Writes the bundle to `target` (atomic); one export at a time. Never throws. */
  write(target: string, request: BundleExportRequest, hooks?: { signal?: AbortSignal; onEntry?: (entry: string, index: number, total: number) => void }): Promise<BundleWriteOutcome>;
}

/**
 * The app's side of the bundle export, shared by the desktop app and the web bridge: the last
 * run's report and system outputs (kept by the diagnosis host), the page's checklist answers
 * turned into `checklist.json`, and the names "Anonymisieren" replaces.
 *
 * Where the file goes is not decided here: the main process asks the user (save dialog), the
 * web bridge writes to its own temporary folder and offers a download.
 */
export function createBundleExporter(options: BundleExporterOptions): BundleExporter {
  const now = options.now ?? (() => new Date());
  const localNames = options.localNames ?? systemNames;
  let writing = false;

  /** What the request names, or undefined when any of it is gone (a newer run or monitor replaced it). */
  const find = (request: Pick<BundleExportRequest, 'runId' | 'monitorId'>) => {
    const run = request.runId !== undefined ? options.finishedRun(request.runId) : undefined;
    const monitor = request.monitorId !== undefined ? options.monitor?.(request.monitorId) : undefined;
    if ((request.runId !== undefined && !run) || (request.monitorId !== undefined && !monitor) || (!run && !monitor)) return undefined;
    return { run, monitor };
  };

  const plan = async (request: BundleExportRequest): Promise<{ input: BundleInput; options: BundleOptions } | undefined> => {
    const found = find(request);
    if (!found) return undefined;
    const { run, monitor } = found;
    const names = request.anonymize ? localNames() : undefined;
    // The preview must list what the file will hold, so both read the log the same way.
    const log = (await options.appLog?.().catch(() => null)) ?? undefined;
    const monitorData = monitor ? await monitor.bundleData() : undefined;
    return {
      input: {
        report: reportOf(run, monitor, request.lang),
        artifacts: run?.artifacts ?? [],
        checklist: toBundleAnswers(request.answers, request.lang),
        ...(log ? { log } : {}),
        ...(monitorData ? { monitor: monitorData } : {}),
      },
      options: { lang: request.lang, anonymize: request.anonymize, createdAt: now(), ...(names ? { names } : {}) },
    };
  };

  return {
    has: (request) => find(request) !== undefined,
    suggestedName: () => defaultBundleName(now()),

    async preview(request) {
      const planned = await plan(request);
      if (!planned) return { ok: false, problem: 'no-report' };
      return { ok: true, preview: previewBundle(planned.input, planned.options) };
    },

    async write(target, request, hooks = {}) {
      if (writing) return { ok: false, problem: 'busy', message: 'an export is already being written' };
      writing = true;
      const planned = await plan(request);
      if (!planned) {
        writing = false;
        return { ok: false, problem: 'no-report', message: 'no finished run with this id' };
      }
      try {
        const result = await writeBundle(target, planned.input, {
          ...planned.options,
          ...(hooks.signal ? { signal: hooks.signal } : {}),
          ...(hooks.onEntry ? { onEntry: hooks.onEntry } : {}),
        });
        return { ok: true, bytes: result.bytes, anonymized: result.anonymized };
      } catch (error) {
        return { ok: false, problem: 'failed', message: errorMessage(error) };
      } finally {
        writing = false;
      }
    },
  };
}

/**
 * The bundle's report: the diagnosis's, with the monitor's own entries (its settings and figures,
 * the exchanges it kept) added to its probes when a monitor ran too, so report.json carries the
 * monitor's statistics; the monitor's report on its own when no diagnosis ran.
 */
function reportOf(run: FinishedRun | undefined, monitor: ExportableMonitor | undefined, lang: BundleExportRequest['lang']): Report {
  const monitorReport = monitor?.report(lang);
  if (!run) return monitorReport!;
  if (!monitorReport) return run.report;
  return { ...run.report, probes: [...run.report.probes, ...monitorReport.probes] };
}

/**
 * The signed-in user (bare and as `DOMAIN\user` on Windows) and the computer's name: they turn
 * up in system outputs (klist, whoami, ipconfig) that the report does not name.
 */
export function systemNames(): LocalNames {
  const users: string[] = [];
  try {
    const user = os.userInfo().username;
    if (user) users.push(user);
    const domain = process.env.USERDOMAIN;
    if (user && domain) users.unshift(`${domain}\\${user}`);
  } catch {
    // No passwd entry for this uid (a container): only the report's names are replaced.
  }
  const host = os.hostname();
  return { users, computers: host ? [host] : [] };
}
