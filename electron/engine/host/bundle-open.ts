import { stat } from 'node:fs/promises';
import path from 'node:path';
import { toViewedBundle } from '../../../shared/bundle/viewed-bundle';
import { translator } from '../../../shared/i18n';
import type { BundleOpenResponse } from '../../../shared/ipc/api';
import { openBundle } from '../bundle/open-bundle';

/**
 * Opening a bundle for the viewer, as both hosts do it: the reader's result, trimmed to what
 * the screens show (`ViewedBundle`), with the file's name but not its folder.
 */
export async function openForViewer(file: string, fileName: string): Promise<BundleOpenResponse> {
  const result = await openBundle(file);
  if (!result.ok) return { ok: false, problem: 'error', error: result.error };
  return { ok: true, bundle: toViewedBundle(result.bundle, fileName) };
}

/**
 * A file the user dropped onto the window, by the path the preload found for it.
 *
 * The path passed the IPC schema (absolute, `.zip`); checked again here with this platform's
 * rules, and it must be a regular file: opening a FIFO or a device would block or read forever,
 * a folder is not a bundle. Only then is it read, read-only and within the reader's limits.
 */
export async function openDroppedFile(file: string): Promise<BundleOpenResponse> {
  const name = path.basename(file);
  let regular = false;
  try {
    regular = path.isAbsolute(file) && path.extname(file).toLowerCase() === '.zip' && (await stat(file)).isFile();
  } catch {
    regular = false;
  }
  if (!regular) {
    const message = (lang: 'de' | 'en') => translator(lang).t('bundle/openError/not-regular-file', { entry: name });
    return { ok: false, problem: 'error', error: { kind: 'not-found', message: { de: message('de'), en: message('en') } } };
  }
  return openForViewer(file, name);
}
