import { contextBridge } from 'electron';

/** The renderer's only door to the main process; verbs only, never ipcRenderer itself. */
contextBridge.exposeInMainWorld('outlookDoktor', {});
