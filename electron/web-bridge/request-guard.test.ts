import { describe, expect, it } from 'vitest';
import { bearerToken, checkRequestOrigin, createToken, tokenMatches } from './request-guard';

describe('request guard', () => {
  it('makes a fresh URL-safe token each time', () => {
    const a = createToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(createToken()).not.toBe(a);
  });

  it('compares tokens exactly', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abc', 'abd')).toBe(false);
    expect(tokenMatches('abc', 'abcd')).toBe(false);
    expect(tokenMatches('abc', undefined)).toBe(false);
  });

  it('reads only a well-formed Bearer header', () => {
    expect(bearerToken('Bearer abc_-1')).toBe('abc_-1');
    expect(bearerToken('bearer abc')).toBeUndefined();
    expect(bearerToken('Bearer abc def')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });

  it('allows its own host and origin only', () => {
    expect(checkRequestOrigin({ host: '127.0.0.1:8080' }, 8080)).toEqual({ ok: true });
    expect(checkRequestOrigin({ host: 'localhost:8080', origin: 'http://localhost:8080', secFetchSite: 'same-origin' }, 8080)).toEqual({ ok: true });
    expect(checkRequestOrigin({ host: 'rebound.evil.test:8080' }, 8080)).toMatchObject({ ok: false, reason: 'bad-host' });
    expect(checkRequestOrigin({}, 8080)).toMatchObject({ ok: false, reason: 'bad-host' });
    expect(checkRequestOrigin({ host: '127.0.0.1:8080', origin: 'null' }, 8080)).toMatchObject({ ok: false, reason: 'bad-origin' });
    expect(checkRequestOrigin({ host: '127.0.0.1:8080', origin: 'https://127.0.0.1:8080' }, 8080)).toMatchObject({ ok: false, reason: 'bad-origin' });
    expect(checkRequestOrigin({ host: '127.0.0.1:8080', secFetchSite: 'same-site' }, 8080)).toMatchObject({ ok: false, reason: 'cross-site' });
  });
});
