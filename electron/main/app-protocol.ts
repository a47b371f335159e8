import { protocol } from 'electron';
import { APP_HOST, appProtocolResponse } from './app-protocol-response';

/**
 * The page is served from `app://outlook-doktor/`, not `file://` (Electron security checklist:
 * a custom protocol gives the page an origin of its own, reaches only the renderer's folder, and
 * lets every response carry the CSP header).
 */
export const APP_SCHEME = 'app';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
  ]);
}

/** Serves the built renderer under `app://outlook-doktor/`; anything else is 404. */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => appProtocolResponse(rendererDir, request));
}
