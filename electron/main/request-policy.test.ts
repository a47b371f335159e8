import { describe, expect, it } from 'vitest';
import { trustedLocationOf } from './ipc/sender-check';
import { isAllowedRequest } from './request-policy';

const app = trustedLocationOf('app://outlook-doktor/index.html');
const dev = trustedLocationOf('http://localhost:5173/');

describe('isAllowedRequest', () => {
  it('lets the app load its own files, inline images and devtools', () => {
    expect(isAllowedRequest('app://outlook-doktor/assets/index.js', app)).toBe(true);
    expect(isAllowedRequest('data:,', app)).toBe(true);
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', app)).toBe(true);
  });

  it.each(['https://example.com/', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'app://other/index.html', 'ws://localhost:5173/', 'not a url'])('blocks %s', (url) => {
    expect(isAllowedRequest(url, app)).toBe(false);
  });

  it('allows the dev server and its hot-reload socket only in development', () => {
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', dev)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5174/', dev)).toBe(false);
  });
});
