import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APP_CSP, EMPTY_STYLE_HASH, metaPolicy, WEB_CSP, withMetaPolicy } from './content-security-policy';

const directives = (csp: string) => new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values.join(' ')]));

describe('the content security policies', () => {
  it('start from nothing and allow no inline script, no eval and nothing remote', () => {
    for (const csp of [APP_CSP, WEB_CSP]) {
      const d = directives(csp);
      expect(d.get('default-src')).toBe("'none'");
      expect(d.get('script-src')).toBe("'self'");
      expect(csp).not.toMatch(/unsafe-(inline|eval)|https?:|\*/);
    }
    expect(directives(APP_CSP).get('connect-src')).toBe("'none'");
    expect(directives(WEB_CSP).get('connect-src')).toBe("'self'");
  });

  it('allow exactly the empty style element', () => {
    expect(EMPTY_STYLE_HASH).toBe(`'sha256-${createHash('sha256').update('').digest('base64')}'`);
  });

  it('match the meta policy of the page (which cannot carry frame-ancestors)', () => {
    const html = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const expected = directives(WEB_CSP);
    expected.delete('frame-ancestors');
    expect(directives(meta!)).toEqual(expected);
  });
});

describe('the page’s meta policy for a host', () => {
  it('drops frame-ancestors and replaces the policy in the page', () => {
    expect(metaPolicy(APP_CSP)).not.toContain('frame-ancestors');
    const html = '<head><meta http-equiv="Content-Security-Policy" content="default-src \'self\'" /></head>';
    expect(withMetaPolicy(html, APP_CSP)).toBe(`<head><meta http-equiv="Content-Security-Policy" content="${metaPolicy(APP_CSP)}" /></head>`);
  });

  it('refuses a page without a policy element', () => {
    expect(withMetaPolicy('<head></head>', APP_CSP)).toBeNull();
  });
});
