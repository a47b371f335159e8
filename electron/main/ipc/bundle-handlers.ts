import path from 'node:path';
import type { BundleProgress } from '../../../shared/ipc/api';
import type { BundleExporter } from '../../engine/host/bundle-export';
import { openDroppedFile, openForViewer } from '../../engine/host/bundle-open';
import type { InvokeHandler } from './guarded-handler';

/** What the bundle handlers need from Electron; an interface so the handlers are tested without it. */
export interface BundleDialogs {
  /** The native save dialog with the suggested name in a sensible folder; null when the user cancelled. */
  chooseSaveTarget(suggestedName: string): Promise<string | null>;
  /** The native open dialog for a bundle; null when the user cancelled. */
  chooseBundleToOpen(): Promise<string | null>;
  /** Shows the file in the system's file manager. */
  showInFolder(file: string): void;
}

export type BundleChannel = 'bundle:preview' | 'bundle:save' | 'bundle:reveal' | 'bundle:open' | 'bundle:open-file';

export type BundleHandlers = { [C in BundleChannel]: InvokeHandler<C> };

/**
 * The desktop app's bundle channels: export (preview, save, show in folder) and the viewer's
 * open (dialog, drop).
 *
 * Paths come from the user's own choice in a native dialog, held in this process: the page
 * cannot name where a bundle is written, nor which file "show in folder" shows. The one path
 * that crosses IPC is a dropped file's, found by the preload (`bundle:open-file`); it is read
 * only, after the checks in `openDroppedFile`.
 */
export function createBundleHandlers(deps: { exporter: BundleExporter; dialogs: BundleDialogs; onProgress(progress: BundleProgress): void }): BundleHandlers {
  const { exporter, dialogs } = deps;
  let lastSaved: string | undefined;

  return {
    'bundle:preview': (request) => exporter.preview(request),

    'bundle:save': async (request) => {
      // Asking where to save a run that is gone would waste the user's time.
      if (!exporter.has(request)) return { ok: false, problem: 'no-report', message: 'no finished run or monitor with this id' };
      const target = await dialogs.chooseSaveTarget(exporter.suggestedName());
      if (!target) return { ok: false, problem: 'cancelled', message: 'save dialog cancelled' };
      const outcome = await exporter.write(target, request, {
        onEntry: (entry, index, total) => deps.onProgress({ entry, index, total }),
      });
      if (!outcome.ok) return outcome;
      lastSaved = target;
      return { ok: true, target: { kind: 'file', path: target, fileName: path.basename(target) }, bytes: outcome.bytes, anonymized: outcome.anonymized };
    },

    'bundle:reveal': () => {
      if (!lastSaved) return { shown: false };
      dialogs.showInFolder(lastSaved);
      return { shown: true };
    },

    'bundle:open': async () => {
      const file = await dialogs.chooseBundleToOpen();
      if (!file) return { ok: false, problem: 'cancelled' };
      return openForViewer(file, path.basename(file));
    },

    'bundle:open-file': (request) => openDroppedFile(request.path),
  };
}
