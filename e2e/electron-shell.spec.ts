import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBundle } from '../electron/engine/bundle/write-bundle';
import { API_GLOBAL, EVENT_VERB_NAMES, FILE_VERB_NAMES, INVOKE_VERB_NAMES } from '../shared/ipc/api';
import { sampleArtifacts, sampleReport } from './fixtures/bundle-fixture';
import { electronBinary } from './support/electron-binary';
import { de, stepHeading } from './support/wizard';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The packaged shell itself: window, secure preferences, the preload's verbs, navigation and
 * new windows denied. Runs where an Electron binary exists; here (installed with
 * ELECTRON_SKIP_BINARY_DOWNLOAD) it skips and says why. No diagnosis runs in it: without the
 * web bridge's test mode a run would use the system's DNS and reach outside loopback.
 */
// Playwright reads fixtures from a destructuring pattern; this test needs none.
// eslint-disable-next-line no-empty-pattern
test('the desktop shell opens one secure window with the German wizard', async ({}, testInfo) => {
  const binary = electronBinary();
  const reason = 'no Electron binary on this machine (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1); the shell spec runs where Electron is installed';
  if (!binary) console.log(`skipped "electron shell": ${reason}`);
  test.skip(binary === null, reason);

  const app = await electron.launch({ executablePath: binary!, args: [ROOT], cwd: ROOT });
  try {
    const win = await app.firstWindow();
    await expect(stepHeading(win, de.t('ui/start/title'))).toBeVisible();
    expect(win.url()).toBe('app://outlook-doktor/index.html');
    await expect(win).toHaveTitle(/Outlook-Doktor/);
    await expect(win.getByText(/^Version \d+\.\d+\.\d+/)).toBeVisible();

    const page = await win.evaluate((global) => {
      const api = (window as unknown as Record<string, Record<string, unknown>>)[global]!;
      return { verbs: Object.keys(api).sort(), require: typeof (window as unknown as { require?: unknown }).require, process: typeof (window as unknown as { process?: unknown }).process };
    }, API_GLOBAL);
    expect(page).toEqual({ verbs: [...INVOKE_VERB_NAMES, ...EVENT_VERB_NAMES, ...FILE_VERB_NAMES].sort(), require: 'undefined', process: 'undefined' });

    const info = await win.evaluate((global) => (window as unknown as Record<string, { getAppInfo(): Promise<{ shell: string }> }>)[global]!.getAppInfo(), API_GLOBAL);
    expect(info.shell).toBe('electron');

    // Sandboxed and isolated: the page has neither Node nor Electron, only the verbs above.
    expect(await win.evaluate(() => typeof (globalThis as { module?: unknown }).module)).toBe('undefined');
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);

    // Navigation and new windows are denied.
    await win.evaluate(() => {
      window.location.href = 'https://example.invalid/';
    });
    await win.waitForTimeout(500);
    expect(win.url()).toBe('app://outlook-doktor/index.html');
    expect(await win.evaluate(() => window.open('https://example.invalid/') === null)).toBe(true);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);

    await win.screenshot({ path: testInfo.outputPath('electron-start.png') });

    // A file the page made up has no path on disk: the drop verb refuses it, so the page cannot name a file.
    const madeUp = await win.evaluate(
      (global) =>
        (window as unknown as Record<string, { openBundleFile(file: File): Promise<unknown> }>)[global]!
          .openBundleFile(new File(['x'], 'x.zip'))
          .then(() => 'opened', (e: Error) => e.message),
      API_GLOBAL,
    );
    expect(madeUp).toContain('not a file from this computer');

    // "Bericht öffnen" asks the main process's open dialog (answered here in its place) and shows the bundle read-only.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'od-electron-bundle-'));
    try {
      const bundle = path.join(dir, 'paket.zip');
      await writeBundle(bundle, { report: sampleReport(), artifacts: sampleArtifacts() });
      await app.evaluate(({ dialog }, file) => {
        dialog.showOpenDialog = async () => ({ canceled: false, filePaths: [file] });
      }, bundle);
      await win.getByRole('button', { name: de.t('ui/viewer/open'), exact: true }).click();
      await expect(win.locator('[data-viewer-banner]')).toHaveAttribute('data-verification', 'verified');
      await expect(win.getByText(de.t('ui/viewer/title'))).toBeVisible();
      await win.screenshot({ path: testInfo.outputPath('electron-viewer.png') });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    await app.close();
  }
});
