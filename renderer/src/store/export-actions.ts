import type { BundlePreview } from '../../../shared/bundle/bundle-input';
import type { BundleExportRequest, BundleProgress, OutlookDoktorApi } from '../../../shared/ipc/api';
import type { WizardState } from './wizard-store';

/** Where the last export went: a file the user chose (desktop) or a browser download (web). */
export type SavedBundle = { kind: 'file'; path: string; fileName: string } | { kind: 'download'; fileName: string };

/** A text of the page by key, with its arguments. */
export interface PageMessage {
  key: string;
  args?: Record<string, string | number>;
}

/** The export dialog: the preview of what goes in, the "Anonymisieren" switch, saving and its outcome. */
export interface ExportState {
  open: boolean;
  anonymize: boolean;
  preview: BundlePreview | null;
  /** A preview is on its way (the last one stays shown meanwhile). */
  loading: boolean;
  phase: 'idle' | 'saving' | 'saved' | 'failed';
  progress: BundleProgress | null;
  saved: SavedBundle | null;
  error: PageMessage | null;
}

export interface ExportActions {
  openExport: () => void;
  closeExport: () => void;
  setAnonymize: (anonymize: boolean) => void;
  /** Fetches the preview for the current switch and language; the last request wins. */
  refreshPreview: () => Promise<void>;
  saveBundle: () => Promise<void>;
  revealBundle: () => Promise<void>;
  handleBundleProgress: (progress: BundleProgress) => void;
}

export const INITIAL_EXPORT: ExportState = { open: false, anonymize: false, preview: null, loading: false, phase: 'idle', progress: null, saved: null, error: null };

type Get = () => WizardState;
type Set = (partial: Partial<WizardState>) => void;

/**
 * The export's store actions. The page sends the run it shows, the switch, the language and the
 * checklist answers; the host holds the report and the system outputs and decides where the
 * file goes (save dialog or download), so no path ever comes from here.
 */
export function createExportActions(api: OutlookDoktorApi, get: Get, set: Set): ExportActions {
  let previewSeq = 0;
  const update = (patch: Partial<ExportState>) => set({ exporting: { ...get().exporting, ...patch } });
  // One bundle holds everything the user has: the run on screen and the monitor, whichever exist.
  const request = (): BundleExportRequest | undefined => {
    const { run, lang, answers, exporting, monitor } = get();
    const runId = run && get().report ? run.id : undefined;
    const monitorId = monitor.id && monitor.info ? monitor.id : undefined;
    if (runId === undefined && monitorId === undefined) return undefined;
    return { ...(runId ? { runId } : {}), ...(monitorId ? { monitorId } : {}), lang, anonymize: exporting.anonymize, answers: { ...answers } };
  };

  return {
    openExport() {
      if (!request() || get().viewer.bundle) return;
      set({ exporting: { ...INITIAL_EXPORT, anonymize: get().exporting.anonymize, open: true } });
      void get().actions.refreshPreview();
    },

    closeExport() {
      if (get().exporting.phase === 'saving') return;
      update({ open: false });
    },

    setAnonymize(anonymize) {
      if (get().exporting.phase === 'saving') return;
      update({ anonymize, phase: 'idle', saved: null, error: null });
      void get().actions.refreshPreview();
    },

    async refreshPreview() {
      const req = request();
      if (!req || !get().exporting.open) return;
      const seq = ++previewSeq;
      update({ loading: true });
      try {
        const response = await api.previewBundle(req);
        if (seq !== previewSeq) return;
        if (response.ok) update({ loading: false, preview: response.preview });
        else update({ loading: false, preview: null, phase: 'failed', error: { key: 'ui/export/noReport' } });
      } catch (error) {
        if (seq !== previewSeq) return;
        update({ loading: false, phase: 'failed', error: { key: 'ui/export/previewFailed', args: { message: messageOf(error) } } });
      }
    },

    async saveBundle() {
      const req = request();
      if (!req || get().exporting.phase === 'saving') return;
      update({ phase: 'saving', progress: null, saved: null, error: null });
      try {
        const response = await api.saveBundle(req);
        if (response.ok) {
          const { target } = response;
          update({ phase: 'saved', progress: null, saved: target.kind === 'file' ? { kind: 'file', path: target.path, fileName: target.fileName } : { kind: 'download', fileName: target.fileName } });
        } else if (response.problem === 'cancelled') {
          update({ phase: 'idle', progress: null });
        } else {
          const key = response.problem === 'no-report' ? 'ui/export/noReport' : response.problem === 'busy' ? 'ui/export/busy' : 'ui/export/failed';
          update({ phase: 'failed', progress: null, error: { key, args: { message: response.message } } });
        }
      } catch (error) {
        update({ phase: 'failed', progress: null, error: { key: 'ui/export/failed', args: { message: messageOf(error) } } });
      }
    },

    async revealBundle() {
      try {
        await api.revealBundle();
      } catch {
        // The file manager is a convenience; the path is shown anyway.
      }
    },

    handleBundleProgress(progress) {
      if (get().exporting.phase === 'saving') update({ progress });
    },
  };
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
