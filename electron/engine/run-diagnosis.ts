import { diagnose, type Diagnosis } from '../../shared/diagnosis/diagnose';
import type { Lang } from '../../shared/i18n';
import type { Evidence } from '../../shared/model/evidence';
import { mailDomain } from '../../shared/model/run-input';
import type { RunEvent } from '../../shared/model/run-event';
import { buildReport } from '../../shared/report/build-report';
import type { Report } from '../../shared/report/report-schema';
import { toolInfo } from './build-info';
import { createRunServices } from './create-run-services';
import type { PreparedRun } from './engine-options';
import { SILENT_LOG, type EngineLog } from './log/engine-log';
import type { AnyProbeDefinition } from './probe';
import { PROBES } from './probes';
import type { RunArtifact } from './run-services';
import { runProbes } from './runner';

export interface RunHooks {
  onEvent?: (event: RunEvent) => void;
  /** Cancels the run; the report still comes, from what was found so far. */
  signal?: AbortSignal;
  lang?: Lang;
  /** Where the run's start and end go (the app's log file, the CLI's --verbose); nothing by default. */
  log?: EngineLog;
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
  const log = hooks.log ?? SILENT_LOG;
  const { input } = prepared;
  // The mail domain, not the address: the log is about the path to Exchange, not about whose mailbox.
  log.info('run start', {
    server: input.server ? `${input.server.host}:${input.server.port}` : undefined,
    serverSource: input.serverSource,
    mailDomain: mailDomain(input),
    dnsServers: input.dnsServers.length ? input.dnsServers : undefined,
    proxy: input.proxy.mode,
    credentialTest: prepared.password !== undefined,
    timeoutMs: input.timeoutMs,
  });
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
  log.info('run end', {
    verdict: report.verdict,
    durationMs: report.durationMs,
    findings: report.findings.map((f) => f.id),
    probes: probes.length,
    failed: probes.filter((p) => p.status === 'fail').length,
    timedOut: probes.filter((p) => p.status === 'timeout').length,
    endedEarly,
  });
  return { report, evidence, diagnosis, endedEarly, artifacts: services.artifacts() };
}
