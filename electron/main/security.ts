import { app, type Session } from 'electron';
import type { TrustedLocation } from './ipc/sender-check';
import { isAllowedRequest } from './request-policy';

/**
 * Session and web-contents hardening beyond the window's own preferences.
 *
 * No permission is ever granted (the page needs none: the clipboard goes through the main
 * process), no download, no request to anything but the app's own page (and the dev server in
 * development), no navigation, no new window, no <webview>.
 */
export function hardenSession(session: Session, page: TrustedLocation): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, page) });
  });
}

/** Applies to every web contents the app ever creates, including ones it did not expect. */
export function hardenAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
