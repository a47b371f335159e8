import type { MenuItemConstructorOptions, MessageBoxOptions } from 'electron';
import { translator, type Lang } from '../../shared/i18n';
import type { MonitorStats } from '../../shared/monitor/monitor-types';

/**
 * What the tray shows while a monitor ("Dauertest") runs, and what closing the window asks then.
 *
 * Pure, so it is tested without Electron; `monitor-tray.ts` puts it on the screen.
 */

export interface TrayActions {
  show: () => void;
  mark: () => void;
  stop: () => void;
  quit: () => void;
}

/** The tooltip: that it runs, and how it goes so far (tooltips are short on every platform). */
export function trayTooltip(stats: Pick<MonitorStats, 'measured' | 'ok' | 'outages'> | null, running: boolean, lang: Lang): string {
  const t = translator(lang);
  const head = t.t(running ? 'tray/running' : 'tray/ended');
  if (!stats || stats.measured === 0) return head;
  return `${head}\n${t.t('tray/figures', { ok: stats.ok, measured: stats.measured, outages: stats.outages.count })}`;
}

export function trayMenuTemplate(running: boolean, lang: Lang, actions: TrayActions): MenuItemConstructorOptions[] {
  const t = (key: string) => translator(lang).t(`tray/${key}`);
  return [
    { label: t('show'), click: actions.show },
    { type: 'separator' },
    { label: t('mark'), enabled: running, click: actions.mark },
    { label: t('stop'), enabled: running, click: actions.stop },
    { type: 'separator' },
    { label: t('quit'), click: actions.quit },
  ];
}

/** The answer to "close the window while the monitor runs". */
export type CloseChoice = 'background' | 'stop-and-quit' | 'cancel';

const CLOSE_CHOICES: readonly CloseChoice[] = ['background', 'stop-and-quit', 'cancel'];

/** The question asked when the window closes while a monitor runs; the button index maps through `closeChoiceOf`. */
export function closeWhileMonitoringDialog(lang: Lang): MessageBoxOptions {
  const t = (key: string) => translator(lang).t(`tray/close/${key}`);
  return {
    type: 'question',
    title: 'Outlook-Doktor',
    message: t('message'),
    detail: t('detail'),
    buttons: CLOSE_CHOICES.map((c) => t(c)),
    defaultId: 0,
    cancelId: 2,
    noLink: true,
  };
}

export function closeChoiceOf(response: number): CloseChoice {
  return CLOSE_CHOICES[response] ?? 'cancel';
}
