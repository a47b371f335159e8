import type { OpenedBundle } from './open-bundle-result';

/**
 * What the viewer shows of an opened bundle: the result screens' data, who made it, and the
 * verification.
 *
 * A slice of `OpenedBundle`: the system outputs and the monitor log stay in the host (they can
 * be megabytes, and the screens do not show them; second-level support opens the zip for those).
 * `fileName` is the file's own name, never its folder: the page learns nothing about the disk.
 */
export type ViewedBundle = Pick<OpenedBundle, 'fileBytes' | 'report' | 'checklist' | 'origin' | 'entries' | 'verification' | 'har'> & {
  fileName: string;
};

/** Longest file name shown; a longer one is cut (it is only a label). */
const MAX_FILE_NAME = 255;

export function toViewedBundle(bundle: OpenedBundle, fileName: string): ViewedBundle {
  return {
    fileName: fileName.slice(0, MAX_FILE_NAME),
    fileBytes: bundle.fileBytes,
    report: bundle.report,
    checklist: bundle.checklist,
    origin: bundle.origin,
    entries: bundle.entries,
    verification: bundle.verification,
    har: bundle.har,
  };
}
