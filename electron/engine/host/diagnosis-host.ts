import type { SystemArtifact } from '../../../shared/bundle/bundle-input';
import type { DiagnosisEvent, InvokeRequest, InvokeResponse } from '../../../shared/ipc/api';
import { isInputProblem } from '../../../shared/ipc/schemas';
import type { Report } from '../../../shared/report/report-schema';
import { OptionError, prepareRun, type EngineOptions } from '../engine-options';
import { SILENT_LOG, type EngineLog } from '../log/engine-log';
import type { AnyProbeDefinition } from '../probe';
import { errorMessage } from '../runner';
import { runDiagnosis } from '../run-diagnosis';

/** Runs at once per host: one window (or one bridge) checks one thing at a time; a second start is refused, not queued. */
export const MAX_RUNNING_DIAGNOSES = 1;

/** Run ids remembered to refuse a replayed start; bounded so a long session does not grow without end. */
const REMEMBERED_RUN_IDS = 1_000;

/** What the host fixes for every run; the page only chooses the mailbox and the server. */
export type BaseEngineOptions = Omit<EngineOptions, 'email' | 'server' | 'user' | 'password'>;

export interface DiagnosisHostOptions {
  /** Engine options the front end sets (the web bridge's test mode); empty in the desktop app. */
  base?: BaseEngineOptions;
  /** Delivers events to the page(s). Must not throw; a throw is swallowed so the run goes on. */
  emit(event: DiagnosisEvent): void;
  /** Runs, refused starts and failures (the app's log file); nothing by default. */
  log?: EngineLog;
  /** Only for tests of the host itself (a slow probe to cancel); the real list otherwise. */
  probes?: readonly AnyProbeDefinition[];
}

/**
 * What the host keeps of the last finished run, for the bundle export: the report and the
 * system outputs. Never the evidence or the run's input beyond the report (no password ever
 * reaches the wizard's runs, and none is kept here).
 */
export interface FinishedRun {
  runId: string;
  report: Report;
  artifacts: readonly SystemArtifact[];
}

export interface DiagnosisHost {
  /** The last finished run, if it is the one with this id (a newer start forgets it). */
  finishedRun(runId: string): FinishedRun | undefined;
  start(request: InvokeRequest<'diagnosis:start'>): Promise<InvokeResponse<'diagnosis:start'>>;
  cancel(request: InvokeRequest<'diagnosis:cancel'>): InvokeResponse<'diagnosis:cancel'>;
  /** Resolves once every run has ended (after `dispose`, or when idle). */
  idle(): Promise<void>;
  /** Cancels every run; their reports are still emitted. */
  dispose(): Promise<void>;
}

/**
 * Hosts diagnosis runs for a front end (the Electron main process, the web bridge).
 *
 * The page chooses the run id, so it can attribute progress events that arrive before the start
 * call answers (the runner plans synchronously). The run itself is the real engine:
 * `prepareRun` validates the page's input the same way the command line does, `runDiagnosis`
 * probes and builds the report, which arrives as a `finished` event even after a cancel.
 */
export function createDiagnosisHost(options: DiagnosisHostOptions): DiagnosisHost {
  const running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  const seen = new Set<string>();
  const log = options.log ?? SILENT_LOG;
  const refuse = (answer: Extract<InvokeResponse<'diagnosis:start'>, { ok: false }>) => {
    log.warn('run refused', { problem: answer.problem, field: answer.field });
    return answer;
  };
  // One run's outputs at a time: the page exports the run it shows, which is always the last.
  let finished: FinishedRun | undefined;
  const emit = (event: DiagnosisEvent) => {
    try {
      options.emit(event);
    } catch {
      // A page that went away must not stop the run or the host.
    }
  };

  return {
    finishedRun(runId) {
      return finished?.runId === runId ? finished : undefined;
    },

    async start(request) {
      if (seen.has(request.runId)) return refuse({ ok: false, field: 'form', problem: 'duplicate-run', message: 'run id already used' });
      if (running.size >= MAX_RUNNING_DIAGNOSES) return refuse({ ok: false, field: 'form', problem: 'busy', message: 'a diagnosis is already running' });
      const email = request.email?.trim() ? request.email : undefined;
      const server = request.server?.trim() ? request.server : undefined;
      let prepared;
      try {
        prepared = await prepareRun({ ...options.base, ...(email ? { email } : {}), ...(server ? { server } : {}) });
      } catch (error) {
        if (!(error instanceof OptionError)) throw error;
        if (error.option === '--email' || error.option === '--server') {
          const field = error.problem === 'missing' ? 'form' : error.option === '--email' ? 'email' : 'server';
          const problem = error.problem === 'missing' ? 'missing' : error.problem;
          if (problem === 'missing' || isInputProblem(problem)) return refuse({ ok: false, field, problem, message: `${error.option} ${error.message}` });
        }
        return refuse({ ok: false, field: 'form', problem: 'config', message: `${error.option} ${error.message}` });
      }
      // Checked again after the await: two starts may have raced through validation.
      if (running.size >= MAX_RUNNING_DIAGNOSES) return refuse({ ok: false, field: 'form', problem: 'busy', message: 'a diagnosis is already running' });
      remember(seen, request.runId);
      finished = undefined;

      const { runId } = request;
      const controller = new AbortController();
      const done = runDiagnosis(prepared, {
        lang: request.lang,
        signal: controller.signal,
        log,
        onEvent: (event) => emit({ runId, type: 'progress', event }),
        ...(options.probes ? { probes: options.probes } : {}),
      }).then(
        (outcome) => {
          finished = { runId, report: outcome.report, artifacts: outcome.artifacts };
          emit({ runId, type: 'finished', report: outcome.report, endedEarly: outcome.endedEarly });
        },
        (error: unknown) => {
          log.error('run failed', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
          emit({ runId, type: 'failed', message: errorMessage(error) });
        },
      ).finally(() => running.delete(runId));
      running.set(runId, { controller, done });
      return { ok: true };
    },

    cancel({ runId }) {
      const run = running.get(runId);
      if (!run || run.controller.signal.aborted) return { cancelled: false };
      run.controller.abort();
      return { cancelled: true };
    },

    async idle() {
      await Promise.all([...running.values()].map((r) => r.done));
    },

    async dispose() {
      for (const run of running.values()) run.controller.abort();
      await Promise.all([...running.values()].map((r) => r.done));
    },
  };
}

function remember(seen: Set<string>, id: string): void {
  seen.add(id);
  if (seen.size > REMEMBERED_RUN_IDS) seen.delete(seen.values().next().value!);
}
