import { app, BrowserWindow, clipboard, dialog, Menu, session } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lang } from '../../shared/i18n';
import { appDefaults } from '../engine/host/app-defaults';
import { buildAppInfo } from '../engine/host/app-info';
import { createBundleExporter } from '../engine/host/bundle-export';
import { createDiagnosisHost } from '../engine/host/diagnosis-host';
import { createMonitorHost } from '../engine/host/monitor-host';
import { aboutDialog } from './about';
import { createAppLog } from './app-log';
import { APP_URL, registerAppScheme, serveAppProtocol } from './app-protocol';
import { electronBundleDialogs } from './bundle-dialogs';
import { createBundleHandlers } from './ipc/bundle-handlers';
import { handleInvoke, sendEvent } from './ipc/typed-ipc-main';
import { isTrustedSender, trustedLocationOf } from './ipc/sender-check';
import { createMainWindow } from './main-window';
import { buildMenuTemplate } from './menu';
import { createMonitorTray } from './monitor-tray';
import { closeChoiceOf, closeWhileMonitoringDialog } from './monitor-tray-model';
import { hardenAllWebContents, hardenSession } from './security';
import { loadWindowState } from './window-state';

/**
 * The desktop app: one window with the wizard, the engine in this process, IPC as the only door.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const RENDERER_DIR = path.join(here, '../renderer');
const PRELOAD = path.join(here, '../preload/index.cjs');
// electron-vite's dev server, only in an unpackaged build (`npm run dev`).
const DEV_URL = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const PAGE_URL = DEV_URL ?? APP_URL;

// First, so that even a failing start leaves a line (in <userData>/logs/app.log).
const appLog = createAppLog({ dir: path.join(app.getPath('userData'), 'logs'), console: !app.isPackaged });
appLog.catchErrors();

app.enableSandbox();
registerAppScheme();
hardenAllWebContents();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  const page = trustedLocationOf(PAGE_URL);
  hardenSession(session.defaultSession, page);
  serveAppProtocol(RENDERER_DIR);

  const stateFile = path.join(app.getPath('userData'), 'window-state.json');
  const win = createMainWindow({ preload: PRELOAD, state: await loadWindowState(stateFile), stateFile });
  const info = buildAppInfo('electron');
  const log = appLog.log;
  log.info('app start', { version: info.version, commit: info.commit, buildDate: info.buildDate, platform: info.platform, electron: process.versions.electron, packaged: app.isPackaged });
  app.on('will-quit', () => log.info('app stop'));
  let lang: Lang = 'de';

  const showAbout = () => void dialog.showMessageBox(win, aboutDialog(info, lang));
  const setMenu = () => {
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate(
          { lang, isMac: process.platform === 'darwin', devTools: !app.isPackaged },
          {
            newRun: () => sendEvent(win.webContents, 'app:command', { command: 'new-run' }),
            openBundle: () => sendEvent(win.webContents, 'app:command', { command: 'open-bundle' }),
            about: showAbout,
          },
        ),
      ),
    );
  };
  setMenu();

  const host = createDiagnosisHost({ emit: (event) => sendEvent(win.webContents, 'diagnosis:event', event), log });
  const trusted = (facts: Parameters<typeof isTrustedSender>[0]) =>
    isTrustedSender(facts, { webContentsIds: () => BrowserWindow.getAllWindows().map((w) => w.webContents.id), location: page });
  const onReject = (error: Error) => log.warn('ipc rejected', { reason: error.message });

  handleInvoke('app:info', () => info, trusted, onReject);
  handleInvoke('app:defaults', () => appDefaults(), trusted, onReject);
  handleInvoke(
    'app:set-language',
    (request) => {
      lang = request.lang;
      setMenu();
      tray.relabel();
    },
    trusted,
    onReject,
  );
  handleInvoke('diagnosis:start', (request) => host.start(request), trusted, onReject);
  handleInvoke('diagnosis:cancel', (request) => host.cancel(request), trusted, onReject);
  handleInvoke('clipboard:write-text', (request) => clipboard.writeText(request.text), trusted, onReject);

  // The monitor ("Dauertest") runs here, not in the page: it goes on while the window is hidden.
  let quitting = false;
  const showWindow = () => {
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  };
  const quit = () => {
    quitting = true;
    app.quit();
  };
  let currentMonitor: string | null = null;
  const tray = createMonitorTray({
    lang: () => lang,
    actions: {
      show: showWindow,
      mark: () => {
        if (currentMonitor) monitors.mark({ monitorId: currentMonitor });
      },
      stop: () => {
        if (currentMonitor) void monitors.stop({ monitorId: currentMonitor });
      },
      quit,
    },
  });
  const monitors = createMonitorHost({
    log,
    emit: (payload) => {
      if (payload.event.type === 'monitor-started') currentMonitor = payload.monitorId;
      tray.update(payload.event);
      sendEvent(win.webContents, 'monitor:event', payload);
    },
  });
  handleInvoke('monitor:start', (request) => monitors.start(request), trusted, onReject);
  handleInvoke('monitor:stop', (request) => monitors.stop(request), trusted, onReject);
  handleInvoke('monitor:mark', (request) => monitors.mark(request), trusted, onReject);
  handleInvoke('monitor:state', () => monitors.state(), trusted, onReject);
  // Closing the window while a monitor measures asks first: keep it running in the tray, or stop and quit.
  win.on('close', (event) => {
    if (quitting || !monitors.isRunning()) return;
    event.preventDefault();
    void dialog.showMessageBox(win, closeWhileMonitoringDialog(lang)).then(({ response }) => {
      const choice = closeChoiceOf(response);
      if (choice === 'background') win.hide();
      else if (choice === 'stop-and-quit') quit();
    });
  });

  const bundle = createBundleHandlers({
    exporter: createBundleExporter({
      finishedRun: (runId) => host.finishedRun(runId),
      monitor: (monitorId) => monitors.exportable(monitorId),
      appLog: () => appLog.readForBundle(),
    }),
    dialogs: electronBundleDialogs(win, () => lang),
    onProgress: (progress) => sendEvent(win.webContents, 'bundle:progress', progress),
  });
  handleInvoke('bundle:preview', bundle['bundle:preview'], trusted, onReject);
  handleInvoke('bundle:save', bundle['bundle:save'], trusted, onReject);
  handleInvoke('bundle:reveal', bundle['bundle:reveal'], trusted, onReject);
  handleInvoke('bundle:open', bundle['bundle:open'], trusted, onReject);
  handleInvoke('bundle:open-file', bundle['bundle:open-file'], trusted, onReject);

  app.on('second-instance', showWindow);
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => {
    quitting = true;
    void host.dispose();
    void monitors.dispose();
    tray.destroy();
  });
  await win.loadURL(PAGE_URL);
}
