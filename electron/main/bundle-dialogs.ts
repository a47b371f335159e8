import { app, dialog, shell, type BrowserWindow } from 'electron';
import path from 'node:path';
import { translator, type Lang } from '../../shared/i18n';
import type { BundleDialogs } from './ipc/bundle-handlers';

/**
 * The native dialogs behind the bundle handlers, in the app's current language.
 *
 * The save dialog starts in the user's Documents folder (Downloads, then the home folder where
 * that is missing) with the suggested name, which carries date and time.
 */
export function electronBundleDialogs(win: BrowserWindow, lang: () => Lang): BundleDialogs {
  const filters = () => [{ name: translator(lang()).t('ui/export/fileType'), extensions: ['zip'] }];
  return {
    async chooseSaveTarget(suggestedName) {
      const result = await dialog.showSaveDialog(win, {
        title: translator(lang()).t('ui/export/title'),
        defaultPath: path.join(startFolder(), suggestedName),
        filters: filters(),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseBundleToOpen() {
      const result = await dialog.showOpenDialog(win, {
        title: translator(lang()).t('ui/viewer/open'),
        defaultPath: startFolder(),
        filters: filters(),
        properties: ['openFile'],
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    showInFolder(file) {
      shell.showItemInFolder(file);
    },
  };
}

function startFolder(): string {
  for (const name of ['documents', 'downloads', 'home'] as const) {
    try {
      return app.getPath(name);
    } catch {
      // Not known on this system (a Linux desktop without XDG folders): try the next one.
    }
  }
  return '';
}
