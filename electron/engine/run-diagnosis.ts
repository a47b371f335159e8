import { diagnose, type Diagnosis } from '../../shared/diagnosis/diagnose';
import type { Rule } from '../../shared/diagnosis/rule';
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
import { FINAL_PROBES, PROBES } from './probes';
import type { RunArtifact } from './run-services';
import { runProbes } from './runner';
import { warmUpTls } from './net/tls-warm-up';

export interface RunHooks {
  onEvent?: (event: RunEvent) => void;
  /** Cancels the run; the report still comes, from what was found so far. */
  signal?: AbortSignal;
  lang?: Lang;
  /** Where the run's start and end go (the app's log file, the CLI's --verbose); nothing by default. */
  log?: EngineLog;
  /** Only for tests of the orchestration itself. */
  probes?: readonly AnyProbeDefinition[];
  /** Only for tests: the probes of the final phase (default FINAL_PROBES). */
  finalProbes?: readonly AnyProbeDefinition[];
  /** Only for tests: the diagnosis rules (default RULES), e.g. one that throws. */
  rules?: readonly Rule[];
}

/**
 * Least time the final phase gets when the main phase used up the run's time. The final probes
 * only read local state (a few milliseconds), and with the main phase's grace this keeps the whole
 * run within the deadline + well under a second.
 */
export const FINAL_PHASE_MIN_MS = 300;

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
  const startedPerf = performance.now();
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
    const main = runProbes({
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
    // The first probes are on their way (DNS questions sent): use the wait to prepare TLS.
    warmUpTls(services, hooks.signal);
    probes = await main;
    if (hooks.signal?.aborted && endedEarly === null) endedEarly = 'cancelled';
    // The final phase: probes about the run as a whole (the network again), after all others.
    // The rest of the run's time, or a short moment when the deadline already came; skipped on cancel.
    if (endedEarly !== 'cancelled') {
      const remainingMs = prepared.input.timeoutMs - (performance.now() - startedPerf);
      const final = await runProbes({
        definitions: hooks.finalProbes ?? FINAL_PROBES,
        input: prepared.input,
        services,
        deadlineMs: Math.max(remainingMs, FINAL_PHASE_MIN_MS),
        prior: probes,
        ...(hooks.signal ? { signal: hooks.signal } : {}),
        // Its own deadline is no news for the user: the final probes are recorded as timed out.
        onEvent: (event) => {
          if (event.type !== 'run-deadline') hooks.onEvent?.(event);
        },
      });
      probes = [...probes, ...final];
    }
  } finally {
    // Sockets and pools must not keep the process (or the next run) waiting.
    void services.close();
  }
  const evidence: Evidence = { input: prepared.input, startedAt: started.toISOString(), now: Date.now(), probes };
  const diagnosis = hooks.rules ? diagnose(evidence, hooks.rules) : diagnose(evidence);
  // A rule that throws is a bug: the report says its section was not checked, the log says why.
  for (const e of diagnosis.ruleErrors) log.error('rule failed', { rule: e.id, section: e.section, error: e.message });
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
    ...(diagnosis.ruleErrors.length ? { ruleErrors: diagnosis.ruleErrors.map((e) => e.id) } : {}),
  });
  return { report, evidence, diagnosis, endedEarly, artifacts: services.artifacts() };
}
