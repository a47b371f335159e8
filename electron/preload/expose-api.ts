import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { API_GLOBAL, EVENT_VERBS, FILE_VERBS, INVOKE_VERBS } from '../../shared/ipc/api';

/**
 * Builds the page's API from the declared verbs and exposes it as `window.outlookDoktor`.
 *
 * The only place in the preload that touches `ipcRenderer` (a lint rule forbids it elsewhere).
 * The page gets verbs, never `ipcRenderer` itself or a way to name a channel; event verbs return
 * their unsubscribe function, and the Electron event object never reaches the page. No
 * validation here: the main process checks every request.
 */
export function exposeApi(): void {
  const api: Record<string, unknown> = {};
  for (const [verb, channel] of Object.entries(INVOKE_VERBS)) {
    api[verb] = (request: unknown) => ipcRenderer.invoke(channel, request ?? {});
  }
  for (const [verb, channel] of Object.entries(EVENT_VERBS)) {
    api[verb] = (listener: (payload: unknown) => void) => {
      const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, forward);
      return () => {
        ipcRenderer.removeListener(channel, forward);
      };
    };
  }
  // File verbs take a File the user dropped; its path is looked up here, so the page never
  // handles (or invents) a path. A File the page made itself has no path ('') and is refused.
  for (const [verb, channel] of Object.entries(FILE_VERBS)) {
    api[verb] = async (file: File): Promise<unknown> => {
      const path = webUtils.getPathForFile(file);
      if (!path) throw new Error('not a file from this computer');
      return (await ipcRenderer.invoke(channel, { path })) as unknown;
    };
  }
  // The object has exactly the verbs of `OutlookDoktorApi`, built from the same maps the type is.
  contextBridge.exposeInMainWorld(API_GLOBAL, Object.freeze(api));
}
