import type { TrustedLocation } from './ipc/sender-check';

/** The app's page and devtools; `data:` for inline images of the UI library. */
export function isAllowedRequest(url: string, page: TrustedLocation): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'data:' || parsed.protocol === 'devtools:') return true;
  // The dev server's hot reload talks over a WebSocket to the same host.
  if (page.protocol === 'http:' && parsed.protocol === 'ws:' && parsed.host === page.host) return true;
  return parsed.protocol === page.protocol && parsed.host === page.host;
}
