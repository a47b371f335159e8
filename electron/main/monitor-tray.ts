import { Menu, nativeImage, Tray } from 'electron';
import icon16 from '../../assets/icon/png/16x16.png?inline';
import icon32 from '../../assets/icon/png/32x32.png?inline';
import type { Lang } from '../../shared/i18n';
import type { MonitorEvent, MonitorStats } from '../../shared/monitor/monitor-types';
import { trayMenuTemplate, trayTooltip, type TrayActions } from './monitor-tray-model';

export interface MonitorTray {
  /** Follows the monitor: appears when one starts, shows its figures, stays after it ended until the app quits. */
  update(event: MonitorEvent): void;
  /** The user switched the language. */
  relabel(): void;
  destroy(): void;
}

/**
 * The monitor's icon in the notification area, so a "Dauertest" can run for hours with the
 * window out of the way: its tooltip tells how it goes, its menu brings the window back, sets a
 * marker or stops it. The texts come from `monitor-tray-model.ts` (tested without Electron).
 */
export function createMonitorTray(options: { lang: () => Lang; actions: TrayActions }): MonitorTray {
  let tray: Tray | null = null;
  let running = false;
  let stats: MonitorStats | null = null;

  const image = () => {
    const img = nativeImage.createFromDataURL(icon16);
    img.addRepresentation({ scaleFactor: 2, dataURL: icon32 });
    return img;
  };

  const refresh = () => {
    if (!tray) return;
    tray.setToolTip(trayTooltip(stats, running, options.lang()));
    tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(running, options.lang(), options.actions)));
  };

  return {
    update(event) {
      if (event.type === 'monitor-started') {
        if (!tray) {
          tray = new Tray(image());
          // Windows and macOS: a click shows the window; Linux opens the menu (set in refresh).
          tray.on('click', options.actions.show);
        }
        running = true;
        stats = null;
        refresh();
      } else if (event.type === 'monitor-stats') {
        stats = event.stats;
        // The tooltip only: rebuilding the menu every second would close it under the user's pointer.
        tray?.setToolTip(trayTooltip(stats, running, options.lang()));
      } else if (event.type === 'monitor-ended') {
        running = false;
        stats = event.stats;
        refresh();
      }
    },
    relabel: refresh,
    destroy() {
      tray?.destroy();
      tray = null;
    },
  };
}
