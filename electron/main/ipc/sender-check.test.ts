import { describe, expect, it } from 'vitest';
import { isTrustedSender, trustedLocationOf, type SenderFacts, type SenderPolicy } from './sender-check';

const policy: SenderPolicy = { webContentsIds: () => [7], location: trustedLocationOf('app://outlook-doktor/index.html') };
const own: SenderFacts = { webContentsId: 7, frame: { url: 'app://outlook-doktor/index.html#x', isMainFrame: true } };

describe('isTrustedSender', () => {
  it('trusts the main frame of its own window showing its own page', () => {
    expect(isTrustedSender(own, policy)).toBe(true);
    expect(isTrustedSender({ ...own, frame: { url: 'app://outlook-doktor/assets/other.html', isMainFrame: true } }, policy)).toBe(true);
  });

  it.each<[string, SenderFacts]>([
    ['another web contents', { ...own, webContentsId: 8 }],
    ['a subframe of its own window', { ...own, frame: { url: 'app://outlook-doktor/index.html', isMainFrame: false } }],
    ['a frame that is gone', { ...own, frame: null }],
    ['a remote page', { ...own, frame: { url: 'https://evil.test/', isMainFrame: true } }],
    ['a file URL', { ...own, frame: { url: 'file:///tmp/index.html', isMainFrame: true } }],
    ['the right scheme on another host', { ...own, frame: { url: 'app://evil/index.html', isMainFrame: true } }],
    ['a look-alike host', { ...own, frame: { url: 'app://outlook-doktor.evil/index.html', isMainFrame: true } }],
    ['a URL that does not parse', { ...own, frame: { url: 'not a url', isMainFrame: true } }],
    ['about:blank', { ...own, frame: { url: 'about:blank', isMainFrame: true } }],
  ])('refuses %s', (_name, facts) => {
    expect(isTrustedSender(facts, policy)).toBe(false);
  });

  it('follows the dev server when the app runs from it', () => {
    const dev: SenderPolicy = { webContentsIds: () => [1], location: trustedLocationOf('http://localhost:5173/') };
    expect(isTrustedSender({ webContentsId: 1, frame: { url: 'http://localhost:5173/index.html', isMainFrame: true } }, dev)).toBe(true);
    expect(isTrustedSender({ webContentsId: 1, frame: { url: 'http://localhost:5174/', isMainFrame: true } }, dev)).toBe(false);
  });
});
