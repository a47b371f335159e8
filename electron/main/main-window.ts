import { BrowserWindow, nativeTheme, screen } from 'electron';
import { fitToDisplays, MIN_WINDOW_HEIGHT, MIN_WINDOW_WIDTH, saveWindowState, type WindowState } from './window-state';

/** Saving on every pixel of a resize is pointless; once the user stops for a moment is enough. */
const SAVE_DEBOUNCE_MS = 500;

/**
 * The one app window, with Electron's secure defaults spelled out (so a changed default cannot
 * weaken them) and the remembered size and place.
 */
export function createMainWindow(options: { preload: string; state: WindowState; stateFile: string }): BrowserWindow {
  const state = fitToDisplays(options.state, screen.getAllDisplays().map((d) => d.workArea));
  const win = new BrowserWindow({
    width: state.width,
    height: state.height,
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    minWidth: MIN_WINDOW_WIDTH,
    minHeight: MIN_WINDOW_HEIGHT,
    title: 'Outlook-Doktor',
    show: false,
    // Matches the page's first paint, so the window does not flash white in dark mode.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#292929' : '#ffffff',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      // A middle click must not open a link in a new window (new windows are denied anyway).
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      spellcheck: false,
    },
  });
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(timer);
    if (win.isDestroyed()) return;
    const bounds = win.getNormalBounds();
    void saveWindowState(options.stateFile, { ...bounds, maximized: win.isMaximized() }).catch(() => undefined);
  };
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DEBOUNCE_MS);
  };
  win.on('resize', saveSoon);
  win.on('move', saveSoon);
  win.on('close', save);
  return win;
}
