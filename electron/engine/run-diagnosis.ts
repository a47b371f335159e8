import { diagnose, type Diagnosis } from '../../shared/diagnosis/diagnose';
import type { Lang } from '../../shared/i18n';
import type { Evidence } from '../../shared/model/evidence';
import type { RunEvent } from '../../shared/model/run-event';
import { buildReport } from '../../shared/report/build-report';
import type { Report } from '../../shared/report/report-schema';
import { toolInfo } from './build-info';
import { createRunServices } from './create-run-services';
import type { PreparedRun } from './engine-options';
import type { AnyProbeDefinition } from './probe';
import { PROBES } from './probes';
import type { RunArtifact } from './run-services';
import { runProbes } from './runner';

export interface RunHooks {
  onEvent?: (event: RunEvent) => void;
  /** Cancels the run; the report still comes, from what was found so far. */
  signal?: AbortSignal;
  lang?: Lang;
  /** Only for tests of the orchestration itself. */
  probes?: readonly AnyProbeDefinition[];
}

export interface RunOutcome {
  report: Report;
  evidence: Evidence;
  diagnosis: Diagnosis;
  /** The run ended at its deadline or on cancel, not because every probe was done. */
  endedEarly: 'deadline' | 'cancelled' | null;
  /** Raw outputs of the system collectors, for the bundle's `system/` folder (not in the report). */
  artifacts: RunArtifact[];
}

/** Runs every probe under the deadline, diagnoses the evidence and builds the report. */
export async function runDiagnosis(prepared: PreparedRun, hooks: RunHooks = {}): Promise<RunOutcome> {
  const started = new Date();
  const services = createRunServices(prepared.input, {
    extraCa: prepared.extraCa,
    ...(prepared.hostsFile ? { hostsFile: prepared.hostsFile } : {}),
    ...(prepared.password !== undefined ? { password: prepared.password } : {}),
  });
  let endedEarly: RunOutcome['endedEarly'] = null;
  let probes;
  try {
    probes = await runProbes({
      definitions: hooks.probes ?? PROBES,
      input: prepared.input,
      services,
      deadlineMs: prepared.input.timeoutMs,
      ...(hooks.signal ? { signal: hooks.signal } : {}),
      onEvent: (event) => {
        if (event.type === 'run-deadline') endedEarly = 'deadline';
        hooks.onEvent?.(event);
      },
    });
  } finally {
    // Sockets and pools must not keep the process (or the next run) waiting.
    void services.close();
  }
  if (hooks.signal?.aborted && endedEarly === null) endedEarly = 'cancelled';
  const evidence: Evidence = { input: prepared.input, startedAt: started.toISOString(), now: Date.now(), probes };
  const diagnosis = diagnose(evidence);
  const report = buildReport(evidence, diagnosis, {
    tool: toolInfo(),
    finishedAt: new Date().toISOString(),
    lang: hooks.lang ?? 'de',
  });
  return { report, evidence, diagnosis, endedEarly, artifacts: services.artifacts() };
}
