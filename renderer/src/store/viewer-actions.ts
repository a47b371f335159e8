import type { LocalizedMessage } from '../../../shared/bundle/open-bundle-result';
import type { ViewedBundle } from '../../../shared/bundle/viewed-bundle';
import type { ChecklistAnswers } from '../../../shared/checklist/answers';
import { fromBundleAnswers } from '../../../shared/checklist/bundle-answers';
import type { BundleOpenResponse, OutlookDoktorApi, PageFile } from '../../../shared/ipc/api';
import { formatBytes } from '../report/format-bytes';
import { messageOf, type PageMessage } from './export-actions';
import { isReachable, type StepId } from './steps';
import type { WizardState } from './wizard-store';

/** Why a bundle did not open: the reader's own text (German and English) or a text of the page. */
export type ViewerProblem = { message: LocalizedMessage } | PageMessage;

/**
 * Someone else's bundle on the result screens, read-only. The user's own run, report and answers
 * stay untouched underneath and come back with "Zurück zur eigenen Prüfung".
 */
export interface ViewerState {
  bundle: ViewedBundle | null;
  /** The bundle's checklist answers for the question cards (questions this version knows). */
  answers: ChecklistAnswers;
  /** The own step to go back to. */
  returnStep: StepId;
  opening: boolean;
  problem: ViewerProblem | null;
}

export interface ViewerActions {
  /** The host's open dialog (desktop) or the browser's file chooser (web). */
  openBundle: () => Promise<void>;
  /** A file dropped onto the window. */
  openBundleFile: (file: PageFile) => Promise<void>;
  /** Back to the user's own check. */
  closeBundle: () => void;
  /** Shows why a drop was refused before anything was read (wrong kind of file, several files). */
  refuseDrop: (problem: PageMessage) => void;
  dismissViewerProblem: () => void;
}

export const INITIAL_VIEWER: ViewerState = { bundle: null, answers: {}, returnStep: 'start', opening: false, problem: null };

type Get = () => WizardState;
type Set = (partial: Partial<WizardState>) => void;

export function createViewerActions(api: OutlookDoktorApi, get: Get, set: Set): ViewerActions {
  const update = (patch: Partial<ViewerState>) => set({ viewer: { ...get().viewer, ...patch } });

  const opened = (response: BundleOpenResponse) => {
    if (response.ok) {
      const { viewer, step } = get();
      set({
        viewer: {
          bundle: response.bundle,
          answers: fromBundleAnswers(response.bundle.checklist),
          // Opening a second bundle keeps the way back to the user's own step.
          returnStep: viewer.bundle ? viewer.returnStep : step,
          opening: false,
          problem: null,
        },
        step: 'summary',
        exporting: { ...get().exporting, open: false },
        notice: null,
      });
    } else if (response.problem === 'cancelled') {
      update({ opening: false });
    } else if (response.problem === 'too-large') {
      const lang = get().lang;
      update({ opening: false, problem: { key: 'bundle/openError/too-large', args: { size: formatBytes(response.bytes, lang), limit: formatBytes(response.limit, lang) } } });
    } else {
      update({ opening: false, problem: { message: response.error.message } });
    }
  };

  const open = async (call: () => Promise<BundleOpenResponse>) => {
    if (get().viewer.opening) return;
    update({ opening: true, problem: null });
    try {
      opened(await call());
    } catch (error) {
      update({ opening: false, problem: { key: 'ui/viewer/failed', args: { message: messageOf(error) } } });
    }
  };

  return {
    openBundle: () => open(() => api.openBundle()),

    async openBundleFile(file) {
      if (!/\.zip$/i.test(file.name)) {
        update({ problem: { key: 'ui/viewer/notZipName', args: { name: file.name } } });
        return;
      }
      await open(() => api.openBundleFile(file));
    },

    closeBundle() {
      const { viewer, run, report } = get();
      if (!viewer.bundle) return;
      const back = isReachable(viewer.returnStep, { hasRun: run !== null, hasReport: report !== null }) ? viewer.returnStep : 'start';
      set({ viewer: { ...INITIAL_VIEWER }, step: back, notice: null });
    },

    refuseDrop(problem) {
      update({ problem });
    },

    dismissViewerProblem() {
      update({ problem: null });
    },
  };
}
