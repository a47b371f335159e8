import { protocol } from 'electron';
import { APP_CSP } from '../engine/host/content-security-policy';
import { readStaticFile, resolveStaticPath } from '../engine/host/renderer-files';

/**
 * The page is served from `app://outlook-doktor/`, not `file://` (Electron security checklist:
 * a custom protocol gives the page an origin of its own, reaches only the renderer's folder, and
 * lets every response carry the CSP header).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'outlook-doktor';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
  ]);
}

/** Serves the built renderer under `app://outlook-doktor/`; anything else is 404. */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || request.method !== 'GET') return new Response(null, { status: 404 });
    const file = resolveStaticPath(rendererDir, url.pathname);
    const content = file ? await readStaticFile(file) : null;
    if (!content) return new Response(null, { status: 404 });
    return new Response(new Uint8Array(content.body), {
      status: 200,
      headers: {
        'content-type': content.contentType,
        'content-security-policy': APP_CSP,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      },
    });
  });
}
