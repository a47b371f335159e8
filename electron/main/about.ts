import type { MessageBoxOptions } from 'electron';
import type { AppInfo } from '../../shared/ipc/api';
import { translator, type Lang } from '../../shared/i18n';

/**
 * "Hilfe → Über Outlook-Doktor": version, the commit the build came from and its date, so a
 * helpdesk can tell exactly which build a user runs (the same three values as `--version` and
 * every report's `tool`).
 */
export function aboutDialog(info: Pick<AppInfo, 'version' | 'commit' | 'buildDate'>, lang: Lang): MessageBoxOptions {
  const t = translator(lang);
  const date = /^\d{4}-\d{2}-\d{2}/.test(info.buildDate) ? info.buildDate.slice(0, 10) : info.buildDate;
  return {
    type: 'info',
    title: t.t('menu/about'),
    message: 'Outlook-Doktor',
    detail: t.t('menu/aboutDetail', { version: info.version, commit: info.commit, date }),
    buttons: [t.t('menu/ok')],
  };
}
