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
export const selectRun = (s: WizardState) => s.run;
export const selectReport = (s: WizardState) => s.report;
export const selectAnswers = (s: WizardState) => s.answers;
export const selectNotice = (s: WizardState) => s.notice;
export const selectActions = (s: WizardState) => s.actions;
export const selectHasRun = (s: WizardState) => s.run !== null;
export const selectHasReport = (s: WizardState) => s.report !== null;

export const selectAnswer =
  (section: SectionId, questionId: string) =>
  (s: WizardState): ChecklistAnswer | undefined =>
    s.answers[questionKey(section, questionId)];
