import type { MenuItemConstructorOptions } from 'electron';
import { translator, type Lang } from '../../shared/i18n';

export interface MenuActions {
  newRun: () => void;
  openBundle: () => void;
  about: () => void;
}

export interface MenuOptions {
  lang: Lang;
  isMac: boolean;
  /** Developer tools only in an unpackaged build. */
  devTools: boolean;
}

/**
 * The app menu, German by default and in the wizard's language once the user switches.
 *
 * Edit entries use Electron's roles (they work in text fields); the labels are set explicitly
 * because Electron's own role labels follow the OS language, not the app's.
 */
export function buildMenuTemplate(options: MenuOptions, actions: MenuActions): MenuItemConstructorOptions[] {
  const t = (key: string) => translator(options.lang).t(`menu/${key}`);
  const template: MenuItemConstructorOptions[] = [];
  if (options.isMac) {
    template.push({
      label: 'Outlook-Doktor',
      submenu: [{ label: t('about'), click: actions.about }, { type: 'separator' }, { label: t('quit'), role: 'quit' }],
    });
  }
  template.push(
    {
      label: t('file'),
      submenu: [
        { label: t('newRun'), accelerator: 'CmdOrCtrl+N', click: actions.newRun },
        { label: t('openBundle'), accelerator: 'CmdOrCtrl+O', click: actions.openBundle },
        ...(options.isMac ? [] : [{ type: 'separator' } as const, { label: t('quit'), role: 'quit' } as const]),
      ],
    },
    {
      label: t('edit'),
      submenu: [
        { label: t('undo'), role: 'undo' },
        { label: t('redo'), role: 'redo' },
        { type: 'separator' },
        { label: t('cut'), role: 'cut' },
        { label: t('copy'), role: 'copy' },
        { label: t('paste'), role: 'paste' },
        { label: t('selectAll'), role: 'selectAll' },
      ],
    },
    {
      label: t('view'),
      submenu: [
        { label: t('zoomIn'), role: 'zoomIn' },
        { label: t('zoomOut'), role: 'zoomOut' },
        { label: t('resetZoom'), role: 'resetZoom' },
        { type: 'separator' },
        { label: t('fullscreen'), role: 'togglefullscreen' },
        ...(options.devTools ? [{ type: 'separator' } as const, { label: t('devtools'), role: 'toggleDevTools' } as const] : []),
      ],
    },
    {
      label: t('window'),
      submenu: [
        { label: t('minimize'), role: 'minimize' },
        { label: t('close'), role: 'close' },
      ],
    },
    {
      label: t('help'),
      role: 'help',
      submenu: [{ label: t('about'), click: actions.about }],
    },
  );
  return template;
}
