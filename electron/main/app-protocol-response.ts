import { APP_CSP, withMetaPolicy } from '../engine/host/content-security-policy';
import { readStaticFile, resolveStaticPath } from '../engine/host/renderer-files';

/** The host of the app's page: `app://outlook-doktor/`. */
export const APP_HOST = 'outlook-doktor';

/**
 * The answer of the `app://` protocol to one request: a file of the built renderer with the
 * app's CSP header, or 404. Plain Fetch API objects (no Electron), so a test can ask it directly.
 *
 * The page's `<meta>` policy is set to the app's as well: the page in the repository carries the
 * web harness's policy (which allows `connect-src 'self'` for the bridge), and the desktop page
 * should state exactly what its header enforces.
 */
export async function appProtocolResponse(rendererDir: string, request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (url.host !== APP_HOST || request.method !== 'GET') return new Response(null, { status: 404 });
  const file = resolveStaticPath(rendererDir, url.pathname);
  const content = file ? await readStaticFile(file) : null;
  if (!content) return new Response(null, { status: 404 });
  let body: Uint8Array = new Uint8Array(content.body);
  if (content.contentType.startsWith('text/html')) {
    const html = withMetaPolicy(content.body.toString('utf8'), APP_CSP);
    // A page without its policy element is not the page we built: refuse rather than serve it weaker.
    if (html === null) return new Response(null, { status: 500 });
    body = new TextEncoder().encode(html);
  }
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': content.contentType,
      'content-security-policy': APP_CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    },
  });
}
