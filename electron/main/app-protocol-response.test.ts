import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { APP_CSP, metaPolicy } from '../engine/host/content-security-policy';
import { appProtocolResponse } from './app-protocol-response';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RENDERER = path.join(ROOT, 'out/renderer');

const directives = (csp: string) => new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter(([n]) => n).map(([name, ...values]) => [name!, values]));
const ask = (url: string, method = 'GET') => appProtocolResponse(RENDERER, new Request(url, { method }));

/**
 * The desktop page as the app:// protocol serves it (from the built renderer, `npm run
 * build:app`, which npm test runs first): header and page state the same strict policy.
 */
describe('the app:// protocol', () => {
  const built = () => {
    if (!existsSync(path.join(RENDERER, 'index.html'))) throw new Error('out/renderer is missing: run `npm run build:app` first (npm test builds it)');
  };

  it('serves every file with the app’s CSP header: nothing remote, no eval, no inline script', async () => {
    built();
    const script = readdirSync(path.join(RENDERER, 'assets')).find((f) => f.endsWith('.js'));
    for (const url of ['app://outlook-doktor/index.html', 'app://outlook-doktor/', `app://outlook-doktor/assets/${script}`]) {
      const response = await ask(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-security-policy'), url).toBe(APP_CSP);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    const d = directives(APP_CSP);
    expect(d.get('default-src')).toEqual(["'none'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('connect-src')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    for (const [name, values] of d) {
      for (const value of values) {
        // Only keywords, hashes and data: images; never a scheme or host (remote), never unsafe-*.
        expect(value, `${name} ${value}`).toMatch(/^('none'|'self'|'sha256-[A-Za-z0-9+/=]+')$|^data:$/);
      }
    }
  });

  it('serves the page with a <meta> policy equal to its header (less frame-ancestors, which meta cannot carry)', async () => {
    built();
    const html = await (await ask('app://outlook-doktor/index.html')).text();
    const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)].map((m) => m[1]!);
    expect(metas).toHaveLength(1);
    expect(directives(metas[0]!)).toEqual(directives(metaPolicy(APP_CSP)));
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
  });

  it('answers anything else with 404: other hosts, other methods, paths outside the renderer', async () => {
    built();
    for (const [url, method] of [
      ['app://elsewhere/index.html', 'GET'],
      ['app://outlook-doktor/index.html', 'POST'],
      ['app://outlook-doktor/%2e%2e/main/index.js', 'GET'],
      ['app://outlook-doktor/../main/index.js', 'GET'],
      ['app://outlook-doktor/assets/missing.js', 'GET'],
    ] as const) {
      const response = await ask(url, method);
      expect(response.status, `${method} ${url}`).toBe(404);
      expect(response.headers.get('content-security-policy')).toBeNull();
    }
  });
});
