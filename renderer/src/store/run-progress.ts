import { SECTION_COVERAGE } from '../../../shared/diagnosis/section-coverage';
import type { ProbeKind, ProbeResult } from '../../../shared/model/probe-result';
import type { RunEvent } from '../../../shared/model/run-event';
import { SECTION_IDS, type SectionId } from '../../../shared/model/sections';

/**
 * A run as the page sees it while it happens: what was planned, what runs, what finished.
 *
 * Pure reducer over the engine's RunEvents, so the running screen fills in live and a test can
 * replay events without a page.
 */
export interface PlannedProbe {
  id: string;
  probe: string;
  kind: ProbeKind;
  target: string;
  /** English title from the engine, for probes the UI has no text for yet. */
  title: string;
}

export interface RunProgress {
  id: string;
  phase: 'starting' | 'running' | 'cancelling' | 'finished' | 'failed';
  planned: readonly PlannedProbe[];
  started: Readonly<Record<string, true>>;
  results: Readonly<Record<string, ProbeResult>>;
  deadlineReached: boolean;
  endedEarly: 'deadline' | 'cancelled' | null;
  error?: string;
}

export function newRunProgress(id: string): RunProgress {
  return { id, phase: 'starting', planned: [], started: {}, results: {}, deadlineReached: false, endedEarly: null };
}

export function applyRunEvent(run: RunProgress, event: RunEvent): RunProgress {
  switch (event.type) {
    case 'probe-planned':
      if (run.planned.some((p) => p.id === event.id)) return run;
      return { ...run, planned: [...run.planned, { id: event.id, probe: event.probe, kind: event.kind, target: event.target, title: event.title }] };
    case 'probe-started':
      return { ...run, started: { ...run.started, [event.id]: true } };
    case 'probe-finished':
      return { ...run, results: { ...run.results, [event.result.id]: event.result } };
    case 'run-deadline':
      return { ...run, deadlineReached: true };
  }
}

export function finishedCount(run: RunProgress): number {
  return run.planned.filter((p) => run.results[p.id]).length;
}

export type LiveSectionState = 'waiting' | 'running' | 'done' | 'none';

export interface LiveSection {
  id: SectionId;
  state: LiveSectionState;
  total: number;
  done: number;
}

/** Probe definition id → the sections it looks at (inverse of SECTION_COVERAGE). */
const SECTIONS_OF_PROBE: ReadonlyMap<string, readonly SectionId[]> = (() => {
  const map = new Map<string, SectionId[]>();
  for (const section of SECTION_IDS) {
    for (const probe of SECTION_COVERAGE[section]) map.set(probe, [...(map.get(probe) ?? []), section]);
  }
  return map;
})();

export function sectionsOfProbe(probe: string): readonly SectionId[] {
  return SECTIONS_OF_PROBE.get(probe) ?? [];
}

/**
 * Per section: how many of its probes are planned and done, and whether it is waiting, being
 * checked, done, or has no probe at all in this run (`none`, once the run is over).
 */
export function liveSections(run: RunProgress): LiveSection[] {
  const over = run.phase === 'finished' || run.phase === 'failed';
  return SECTION_IDS.map((id) => {
    const probes = run.planned.filter((p) => sectionsOfProbe(p.probe).includes(id));
    const done = probes.filter((p) => run.results[p.id]).length;
    const running = probes.some((p) => run.started[p.id] && !run.results[p.id]);
    const state: LiveSectionState =
      probes.length === 0 ? (over ? 'none' : 'waiting') : done === probes.length ? 'done' : running ? 'running' : over ? 'done' : 'waiting';
    return { id, state, total: probes.length, done };
  });
}
