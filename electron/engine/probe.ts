import type { ProbeDataMap, ProbeId } from '../../shared/model/probe-data';
import type { ProbeKind, ProbeResult, ProbeResultOf, ProbeStatus } from '../../shared/model/probe-result';
import type { RunInput } from '../../shared/model/run-input';
import type { RunServices } from './run-services';

/**
 * One planned instance of a probe definition.
 *
 * `key` makes it unique within its definition (usually the target); the instance id is
 * `<definition id>:<key>`. The runner starts it once every instance in `after` has finished,
 * and skips it when one of them did not end `ok` (unless `runIf` is `settled`).
 */
export interface ProbeTask<I> {
  key: string;
  target: string;
  input: I;
  after?: string[];
  runIf?: 'ok' | 'settled';
}

/** What the planner may look at: the run's input and every result so far. */
export interface PlanView {
  readonly input: RunInput;
  readonly results: ReadonlyMap<string, ProbeResult>;
  of<P extends ProbeId>(probe: P): ProbeResultOf<P>[];
}

export interface ProbeContext<I> {
  /** Aborted at the probe's own timeout, the run's deadline or on cancel. */
  signal: AbortSignal;
  input: I;
  run: RunInput;
  services: RunServices;
  /** Results so far (the prerequisites in `after` are always among them). */
  view: PlanView;
}

/** What a probe returns; a throw becomes `fail` with the message as summary. */
export interface ProbeOutcome<D> {
  status: Exclude<ProbeStatus, 'skipped'>;
  summary: string;
  data: D;
}

/**
 * A probe: one small unit with a name, a timeout and a run function.
 *
 * `plan` is pure: given the results so far it returns every instance it wants (it is called
 * again after each result; instances already planned are ignored). This keeps the plan separate
 * from its execution and lets each step start as soon as what it needs is known.
 */
export interface ProbeDefinition<P extends ProbeId = ProbeId, I = unknown> {
  id: P;
  kind: ProbeKind;
  /** English title for logs and progress. */
  title: string;
  timeoutMs: number;
  plan(view: PlanView): ProbeTask<I>[];
  run(ctx: ProbeContext<I>): Promise<ProbeOutcome<ProbeDataMap[P]>>;
}

/** Helper that keeps the generic parameters of a definition inferred. */
export function defineProbe<P extends ProbeId, I>(definition: ProbeDefinition<P, I>): ProbeDefinition<P, I> {
  return definition;
}

export function instanceId(probe: string, key: string): string {
  return `${probe}:${key}`;
}

/**
 * A definition of any probe, for lists of them.
 *
 * The input type differs per probe and is only ever passed from a probe's own `plan` to its own
 * `run`, so the list may forget it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyProbeDefinition = ProbeDefinition<ProbeId, any>;
