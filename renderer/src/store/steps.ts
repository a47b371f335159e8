import { SECTION_IDS, type SectionId } from '../../../shared/model/sections';

/**
 * The wizard's steps: start, the running check, one step per checklist section in catalog
 * order, the summary, and the monitor ("Dauertest"), which also runs on its own.
 */
export type StepId = 'start' | 'running' | `section:${SectionId}` | 'summary' | 'monitor';

export const STEP_IDS: readonly StepId[] = ['start', 'running', ...SECTION_IDS.map((s) => `section:${s}` as const), 'summary', 'monitor'];

export function sectionStep(section: SectionId): StepId {
  return `section:${section}`;
}

/** The section of a section step, else undefined. */
export function sectionOf(step: StepId): SectionId | undefined {
  return step.startsWith('section:') ? (step.slice('section:'.length) as SectionId) : undefined;
}

/** Which steps can be opened: the start and the monitor always, the check once one ran, the results once there is a report. */
export function isReachable(step: StepId, state: { hasRun: boolean; hasReport: boolean }): boolean {
  if (step === 'start' || step === 'monitor') return true;
  if (step === 'running') return state.hasRun;
  return state.hasReport;
}

/**
 * The next (or previous) reachable step of the check, or undefined at the end. The monitor is a
 * mode of its own, opened from the overview or the summary, not a step "Weiter" leads into;
 * "Zurück" from it leads to the summary (or the start).
 */
export function neighbour(step: StepId, direction: 1 | -1, state: { hasRun: boolean; hasReport: boolean }): StepId | undefined {
  for (let i = STEP_IDS.indexOf(step) + direction; i >= 0 && i < STEP_IDS.length; i += direction) {
    const candidate = STEP_IDS[i]!;
    if (candidate === 'monitor') continue;
    if (isReachable(candidate, state)) return candidate;
  }
  return undefined;
}
