import type { ProbeId } from '../../shared/model/probe-data';
import { probesOf } from '../../shared/model/evidence';
import type { ProbeResult, ProbeResultBase } from '../../shared/model/probe-result';
import type { RunEvent } from '../../shared/model/run-event';
import type { RunInput } from '../../shared/model/run-input';
import { instanceId, type AnyProbeDefinition, type PlanView, type ProbeDefinition, type ProbeTask } from './probe';
import type { RunServices } from './run-services';

/**
 * How long after its timeout a probe may take to hand in what it has before the runner records
 * a bare `timeout` without data. Probes react to their signal within milliseconds; this only
 * covers a probe that ignores it.
 */
export const PROBE_GRACE_MS = 200;

/**
 * After the run's deadline, how long running probes get to return their partial evidence (a
 * timed-out TCP connect, say) before the run ends without them. Keeps the whole run within
 * `--timeout` + well under a second.
 */
export const DEADLINE_GRACE_MS = 150;

/** Probes running at once: enough for every address of a few names, bounded for names with many addresses. */
export const MAX_CONCURRENT_PROBES = 32;

export interface RunnerOptions {
  definitions: readonly AnyProbeDefinition[];
  input: RunInput;
  services: RunServices;
  /** Milliseconds from start until the run ends with what it has. */
  deadlineMs: number;
  maxConcurrent?: number;
  /** Aborting it ends the run early; running probes are recorded as cancelled. */
  signal?: AbortSignal;
  /**
   * Results of an earlier phase of the same run: visible to `plan` and `run` through the view and
   * usable in `after`, but not returned again (see the final phase in run-diagnosis.ts).
   */
  prior?: readonly ProbeResult[];
  onEvent?: (event: RunEvent) => void;
}

type Instance = {
  id: string;
  def: ProbeDefinition<ProbeId, unknown>;
  task: ProbeTask<unknown>;
  state: 'waiting' | 'running' | 'done';
  startedAt?: Date;
  startedPerf?: number;
  timer?: NodeJS.Timeout;
};

/**
 * Runs probe definitions as a dependency graph under one deadline.
 *
 * Each definition plans instances from the results so far; an instance starts as soon as the
 * instances it waits for are done and a slot is free. Every throw becomes a result; nothing
 * outlives the deadline.
 */
export async function runProbes(options: RunnerOptions): Promise<ProbeResult[]> {
  const maxConcurrent = options.maxConcurrent ?? MAX_CONCURRENT_PROBES;
  const instances = new Map<string, Instance>();
  const results = new Map<string, ProbeResult>((options.prior ?? []).map((r) => [r.id, r]));
  const runController = new AbortController();
  let running = 0;
  let finished = false;

  const emit = (event: RunEvent) => {
    try {
      options.onEvent?.(event);
    } catch {
      // A broken progress listener must not break the run.
    }
  };

  const view: PlanView = {
    input: options.input,
    results,
    of<P extends ProbeId>(probe: P) {
      return probesOf({ probes: [...results.values()] }, probe);
    },
  };

  return new Promise<ProbeResult[]>((resolve) => {
    const finishRun = () => {
      if (finished) return;
      finished = true;
      clearTimeout(deadlineTimer);
      clearTimeout(graceTimer);
      options.signal?.removeEventListener('abort', onCancel);
      // Plan order is the readable order: per name DNS, then TCP, TLS, HTTP per address.
      resolve([...instances.values()].map((i) => results.get(i.id)).filter((r): r is ProbeResult => r !== undefined));
    };

    // A result without data fits every probe id; typed as the base because TypeScript does not
    // check an object with a union-typed `probe` against a union of more than 25 members.
    const record = (inst: Instance, base: ProbeResultBase | ProbeResult) => {
      if (inst.state === 'done') return;
      if (inst.state === 'running') running -= 1;
      inst.state = 'done';
      clearTimeout(inst.timer);
      const result = base as ProbeResult;
      results.set(inst.id, result);
      emit({ type: 'probe-finished', result });
    };

    const baseResult = (inst: Instance) => ({
      id: inst.id,
      probe: inst.def.id,
      kind: inst.def.kind,
      target: inst.task.target,
      ...(inst.task.after?.length ? { after: inst.task.after } : {}),
    });

    const skip = (inst: Instance, summary: string) => {
      record(inst, {
        ...baseResult(inst),
        status: 'skipped',
        startedAt: new Date().toISOString(),
        durationMs: 0,
        summary,
      });
    };

    const replan = () => {
      for (const def of options.definitions) {
        let tasks: ProbeTask<unknown>[];
        try {
          tasks = def.plan(view);
        } catch (error) {
          // A planning bug in one probe must not stop the others; it shows in the report.
          const id = instanceId(def.id, 'plan');
          if (!instances.has(id)) {
            const inst: Instance = { id, def, task: { key: 'plan', target: '-', input: undefined }, state: 'waiting' };
            instances.set(id, inst);
            record(inst, {
              ...baseResult(inst),
              status: 'fail',
              startedAt: new Date().toISOString(),
              durationMs: 0,
              summary: `planning failed: ${errorMessage(error)}`,
            });
          }
          continue;
        }
        for (const task of tasks) {
          const id = instanceId(def.id, task.key);
          if (instances.has(id)) continue;
          instances.set(id, { id, def, task, state: 'waiting' });
          emit({ type: 'probe-planned', id, probe: def.id, kind: def.kind, target: task.target, title: def.title });
        }
      }
    };

    const schedule = () => {
      let changed = true;
      while (changed && !finished) {
        changed = false;
        for (const inst of instances.values()) {
          if (inst.state !== 'waiting') continue;
          const deps = (inst.task.after ?? []).map((id) => results.get(id));
          const missing = (inst.task.after ?? []).filter((id) => !instances.has(id) && !results.has(id));
          if (missing.length > 0) {
            skip(inst, `skipped: prerequisite ${missing.join(', ')} was never planned`);
            changed = true;
            continue;
          }
          if (deps.some((d) => d === undefined)) continue;
          const failed = deps.find((d) => d!.status !== 'ok');
          if (failed && (inst.task.runIf ?? 'ok') === 'ok') {
            skip(inst, `skipped: ${failed.id} ${failed.status}`);
            changed = true;
            continue;
          }
          if (running >= maxConcurrent) return;
          start(inst);
        }
        if (changed) replan();
      }
    };

    const settle = () => {
      if (finished) return;
      replan();
      schedule();
      if (running === 0 && [...instances.values()].every((i) => i.state === 'done')) finishRun();
    };

    const start = (inst: Instance) => {
      inst.state = 'running';
      running += 1;
      inst.startedAt = new Date();
      inst.startedPerf = performance.now();
      emit({ type: 'probe-started', id: inst.id, startedAt: inst.startedAt.toISOString() });

      const probeController = new AbortController();
      const signal = AbortSignal.any([runController.signal, probeController.signal]);
      const timeoutError = new DOMException(`probe timeout after ${inst.def.timeoutMs} ms`, 'TimeoutError');
      inst.timer = setTimeout(() => {
        probeController.abort(timeoutError);
        // A probe that ignores its signal gets a short grace, then the runner records for it.
        inst.timer = setTimeout(() => {
          record(inst, timedOut(inst, `timeout after ${inst.def.timeoutMs} ms`));
          settle();
        }, PROBE_GRACE_MS);
      }, inst.def.timeoutMs);

      const elapsed = () => Math.round(performance.now() - inst.startedPerf!);
      let promise: Promise<{ status: string; summary: string; data: unknown }>;
      try {
        promise = inst.def.run({ signal, input: inst.task.input, run: options.input, services: options.services, view });
      } catch (error) {
        promise = Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
      promise.then(
        (outcome) => {
          record(inst, {
            ...baseResult(inst),
            status: outcome.status,
            startedAt: inst.startedAt!.toISOString(),
            durationMs: elapsed(),
            summary: outcome.summary,
            data: outcome.data,
          } as ProbeResult);
          settle();
        },
        (error: unknown) => {
          const aborted = signal.aborted;
          const cancelled = aborted && runController.signal.aborted && runController.signal.reason === CANCELLED;
          record(inst, {
            ...baseResult(inst),
            status: cancelled ? 'skipped' : aborted ? 'timeout' : 'fail',
            startedAt: inst.startedAt!.toISOString(),
            durationMs: elapsed(),
            summary: cancelled ? 'cancelled' : aborted ? `timeout: ${errorMessage(signal.reason)}` : `error: ${errorMessage(error)}`,
          });
          settle();
        },
      );
    };

    const timedOut = (inst: Instance, summary: string): ProbeResultBase =>
      ({
        ...baseResult(inst),
        status: 'timeout',
        startedAt: (inst.startedAt ?? new Date()).toISOString(),
        durationMs: inst.startedPerf === undefined ? 0 : Math.round(performance.now() - inst.startedPerf),
        summary,
      });

    let graceTimer: NodeJS.Timeout | undefined;
    const endEarly = (reason: typeof DEADLINE  ) => {
      if (finished || runController.signal.aborted) return;
      runController.abort(reason);
      if (reason === DEADLINE) emit({ type: 'run-deadline', atMs: options.deadlineMs });
      graceTimer = setTimeout(() => {
        for (const inst of instances.values()) {
          if (inst.state === 'running') {
            record(inst, reason === DEADLINE ? timedOut(inst, 'timeout: run deadline reached') : { ...timedOut(inst, 'cancelled'), status: 'skipped' });
          } else if (inst.state === 'waiting') {
            skip(inst, reason === DEADLINE ? 'skipped: run deadline reached before it could start' : 'cancelled');
          }
        }
        finishRun();
      }, DEADLINE_GRACE_MS);
    };

    const deadlineTimer = setTimeout(() => endEarly(DEADLINE), options.deadlineMs);
    const onCancel = () => endEarly(CANCELLED);
    if (options.signal?.aborted) {
      queueMicrotask(onCancel);
    } else {
      options.signal?.addEventListener('abort', onCancel, { once: true });
    }

    settle();
  });
}

const DEADLINE = new DOMException('run deadline reached', 'TimeoutError');
const CANCELLED = new DOMException('run cancelled', 'AbortError');

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
