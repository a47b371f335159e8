import { API_GLOBAL, type OutlookDoktorApi } from '../../../shared/ipc/api';
import { connectWebBridge } from './web-bridge-client';

/**
 * The API the page talks to: the preload's in the desktop app, else the web bridge.
 *
 * Chosen once at start; everything above this line is the same code for both.
 */
export async function resolveApi(win: Window): Promise<OutlookDoktorApi> {
  const injected = (win as unknown as Record<string, OutlookDoktorApi | undefined>)[API_GLOBAL];
  if (injected) return injected;
  return connectWebBridge(win);
}
