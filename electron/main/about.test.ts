import { describe, expect, it } from 'vitest';
import { buildAppInfo } from '../engine/host/app-info';
import { aboutDialog } from './about';

describe('the About dialog', () => {
  it('shows the version, commit and build date this build was made with (German)', () => {
    const info = buildAppInfo('electron');
    // vitest.config.ts injects the build info as the bundler does for the app.
    expect(info).toMatchObject({ version: '0.0.0-test', commit: 'test', buildDate: '2026-01-01T00:00:00.000Z' });
    const dialog = aboutDialog(info, 'de');
    expect(dialog.title).toBe('Über Outlook-Doktor');
    expect(dialog.detail).toBe('Version 0.0.0-test\nBuild test vom 2026-01-01\n\nHilfe, wenn Outlook „Getrennt“ meldet.');
  });

  it('in English once the user switched, and with an unknown date as it is', () => {
    const dialog = aboutDialog({ version: '1.2.3', commit: '0123456789ab', buildDate: 'unknown' }, 'en');
    expect(dialog.title).toBe('About Outlook-Doktor');
    expect(dialog.detail).toContain('Version 1.2.3\nBuild 0123456789ab of unknown');
  });
});
