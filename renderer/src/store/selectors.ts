import { questionKey, type ChecklistAnswer } from '../../../shared/checklist/answers';
import type { SectionId } from '../../../shared/model/sections';
import type { WizardState } from './wizard-store';

/**
 * Selectors: how components read the store. Each returns a slice that keeps its identity until
 * it changes, so a component re-renders only for what it shows; derived lists are computed in
 * the component from these.
 */
export const selectStatus = (s: WizardState) => s.status;
export const selectInfo = (s: WizardState) => s.info;
export const selectLang = (s: WizardState) => s.lang;
export const selectForm = (s: WizardState) => s.form;
export const selectPrefilled = (s: WizardState) => s.prefilled;
export const selectFormProblems = (s: WizardState) => s.formProblems;
export const selectStep = (s: WizardState) => s.step;
// While someone else's bundle is shown, the result screens read its report and answers: the
// same screens, fed from the bundle. The user's own run stays in the store underneath.
export const selectRun = (s: WizardState) => (s.viewer.bundle ? null : s.run);
export const selectReport = (s: WizardState) => (s.viewer.bundle ? s.viewer.bundle.report : s.report);
export const selectAnswers = (s: WizardState) => (s.viewer.bundle ? s.viewer.answers : s.answers);
export const selectNotice = (s: WizardState) => s.notice;
export const selectActions = (s: WizardState) => s.actions;
export const selectHasRun = (s: WizardState) => !s.viewer.bundle && s.run !== null;
export const selectHasReport = (s: WizardState) => s.viewer.bundle !== null || s.report !== null;
export const selectViewed = (s: WizardState) => s.viewer.bundle;
export const selectViewer = (s: WizardState) => s.viewer;
export const selectExporting = (s: WizardState) => s.exporting;
export const selectMonitor = (s: WizardState) => s.monitor;
export const selectMonitorPhase = (s: WizardState) => s.monitor.phase;

export const selectAnswer =
  (section: SectionId, questionId: string) =>
  (s: WizardState): ChecklistAnswer | undefined =>
    selectAnswers(s)[questionKey(section, questionId)];
