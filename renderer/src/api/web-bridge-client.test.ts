import { describe, expect, it } from 'vitest';
import { takeToken } from './web-bridge-client';

function storage() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
}

describe('takeToken', () => {
  it('takes the token from the fragment, keeps it for a reload and clears the address bar', () => {
    const store = storage();
    let cleared = 0;
    const token = 'A'.repeat(43);
    expect(takeToken({ hash: `#token=${token}` }, store, () => (cleared += 1))).toBe(token);
    expect(cleared).toBe(1);
    expect(takeToken({ hash: '' }, store, () => (cleared += 1))).toBe(token);
    expect(cleared).toBe(1);
  });

  it('ignores a malformed token', () => {
    expect(takeToken({ hash: '#token=<script>' }, storage(), () => undefined)).toBeNull();
    expect(takeToken({ hash: '#token=short' }, storage(), () => undefined)).toBeNull();
  });
});
