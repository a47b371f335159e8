import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checklistAnswersSchema } from '../shared/model/checklist-answers';
import { bundleManifestSchema } from '../shared/bundle/bundle-manifest';
import { openBundle } from '../electron/engine/bundle/open-bundle';
import { startBridge, type RunningBridge } from './support/bridge';
import { collectPageErrors, de, expectAccessible, runCheck, sectionTitle, snap, stepHeading, tabTo } from './support/wizard';
import { createWizardLab, startExchange, type WizardLab } from './support/wizard-lab';
import { readZipEntries, writeZipEntries } from './support/zip-entries';

/**
 * The diagnostic bundle in the wizard, against the real engine behind the web bridge: export
 * from the summary (preview, "Anonymisieren", download), the zip checked byte for byte with the
 * engine's own reader, then the viewer: the same bundle opened again read-only, a tampered copy
 * whose checksum no longer matches, and files that are no bundle at all.
 */
let lab: WizardLab;
let bridge: RunningBridge;
let target: string;
let dir: string;
/** The bundle the first test downloads; the viewer tests open it. */
let exported: string;

test.beforeAll(async () => {
  lab = await createWizardLab();
  target = (await startExchange(lab)).target;
  bridge = await startBridge(lab.bridgeOptions());
  dir = await mkdtemp(path.join(tmpdir(), 'od-e2e-bundle-'));
  exported = path.join(dir, 'exported.zip');
});

test.afterAll(async () => {
  await bridge?.close();
  await lab?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The dialog on top of the page as the user sees it (a full-page shot would scroll the page under it). */
async function snapDialog(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, animations: 'disabled' });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

const summaryStep = (page: Page) => page.getByRole('button', { name: de.t('ui/steps/summary'), exact: true });
const exportDialog = (page: Page) => page.getByRole('dialog', { name: de.t('ui/export/title') });

/** A check against the healthy lab server, with the floor answer given in the physical section, ending on the summary. */
async function checkAndAnswer(page: Page): Promise<void> {
  await page.goto(bridge.url);
  await runCheck(page, { server: target });
  await page.getByRole('button', { name: de.t('ui/running/showResults') }).click();
  const scope = page.locator('[data-question="physical/scope"]');
  await scope.getByRole('radio', { name: 'Alle auf der Etage oder im Raum' }).check();
  await scope.getByRole('checkbox', { name: de.t('ui/section/done') }).check();
  await summaryStep(page).click();
  await expect(stepHeading(page, de.t('ui/summary/title'))).toBeVisible();
}

/** Opens a file through "Bericht öffnen" on the start screen: the browser's file chooser, then the upload. */
async function openThroughChooser(page: Page, file: string): Promise<void> {
  await page.getByRole('button', { name: de.t('ui/steps/start'), exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: de.t('ui/viewer/open'), exact: true }).click();
  await (await chooser).setFiles(file);
}

/** Drops a file onto the window the way a file manager does: dragenter, dragover, drop with the file in the DataTransfer. */
async function dropFile(page: Page, name: string, bytes: Buffer): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ name, base64 }) => {
      const transfer = new DataTransfer();
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([data], name, { type: 'application/zip' }));
      return transfer;
    },
    { name, base64: bytes.toString('base64') },
  );
  for (const type of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent('main', type, { dataTransfer });
}

test('export: the preview shows what goes in, "Anonymisieren" updates it, and the download is a verified bundle with the answers', async ({ page }, testInfo) => {
  const errors = collectPageErrors(page);
  // Tall enough to show the whole dialog in its screenshots.
  await page.setViewportSize({ width: 1280, height: 1300 });
  await checkAndAnswer(page);

  await page.getByRole('button', { name: de.t('ui/summary/exportBundle') }).click();
  const dialog = exportDialog(page);
  await expect(dialog).toBeVisible();
  const rows = dialog.locator('[data-entry]');
  for (const name of ['report.json', 'report.html', 'http.har', 'checklist.json', 'manifest.json', 'LIESMICH.txt']) {
    await expect(dialog.locator(`[data-entry="${name}"]`)).toBeVisible();
  }
  await expect(dialog.locator('[data-entry^="system/"]').first()).toBeVisible();
  await expect(dialog.locator('[data-entry="checklist.json"]')).toContainText('Antworten auf die Fragen der Checkliste (1)');
  await expect(dialog.locator('[data-entry="report.json"] td').last()).toHaveText(/^\d+(,\d)? (KB|Bytes)$/);
  await expect(dialog.getByText(de.t('ui/export/redactedAlways'))).toBeVisible();
  await expect(dialog.getByText(/^Die Datei wird als outlook-doktor-\d{4}-\d{2}-\d{2}_\d{2}-\d{2}\.zip heruntergeladen/)).toBeVisible();
  await expect(dialog.locator('[data-anonymized]')).toHaveCount(0);
  const entriesBefore = await rows.count();
  await snapDialog(page, testInfo, 'bundle-01-export-preview');
  await expectAccessible(page, testInfo, 'export-preview');

  // Anonymising: the preview is made again and says what it replaced (this computer's name).
  const anonymize = dialog.getByRole('switch', { name: de.t('ui/export/anonymize') });
  await anonymize.check();
  await expect(dialog.locator('[data-anonymized]')).toHaveText(/^Ersetzt: .*\d+ × Computername/);
  await expect(rows).toHaveCount(entriesBefore);
  await snapDialog(page, testInfo, 'bundle-02-export-anonymized');
  await expectAccessible(page, testInfo, 'export-anonymized');

  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: de.t('ui/export/save'), exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^outlook-doktor-\d{4}-\d{2}-\d{2}_\d{2}-\d{2}\.zip$/);
  await download.saveAs(exported);
  await expect(dialog.getByText(de.t('ui/export/savedDownload', { name: download.suggestedFilename() }))).toBeVisible();
  await snapDialog(page, testInfo, 'bundle-03-export-saved');

  // The bytes the browser saved, read by the engine's own reader.
  const opened = await openBundle(exported);
  if (!opened.ok) throw new Error(opened.error.message.en);
  expect(opened.bundle.verification).toEqual({ status: 'verified', problems: [] });
  expect(opened.bundle.report.verdict).toBe('ok');
  expect(opened.bundle.report.input.server).toBe(target);
  const names = opened.bundle.entries.map((e) => e.name);
  expect(names).toEqual(expect.arrayContaining(['report.json', 'report.html', 'http.har', 'checklist.json', 'manifest.json', 'LIESMICH.txt']));
  expect(names.some((n) => n.startsWith('system/'))).toBe(true);
  expect(opened.bundle.har?.entries).toBeGreaterThan(0);
  expect(opened.bundle.checklist?.answers['physical/scope']).toMatchObject({ choice: 'floor', done: true, section: 'physical', choiceLabel: 'Alle auf der Etage oder im Raum' });
  const entries = await readZipEntries(exported);
  const manifest = bundleManifestSchema.parse(JSON.parse(entries.get('manifest.json')!.toString('utf8')));
  expect(manifest.anonymized).toBe(true);
  expect(manifest.anonymizations?.computer).toBeGreaterThan(0);
  expect(checklistAnswersSchema.parse(JSON.parse(entries.get('checklist.json')!.toString('utf8'))).answers['physical/scope']?.choice).toBe('floor');

  // Closing returns to the summary.
  await dialog.getByRole('button', { name: de.t('ui/export/close') }).click();
  await expect(dialog).toBeHidden();
  expect(errors).toEqual([]);
});

test('viewer: the exported bundle opens read-only, marked as someone else’s, with the same verdict and answers', async ({ page }, testInfo) => {
  test.skip(!(await readFile(exported).catch(() => null)), 'needs the bundle of the export test');
  const errors = collectPageErrors(page);
  await page.goto(bridge.url);
  await expect(stepHeading(page, de.t('ui/start/title'))).toBeVisible();
  await snap(page, testInfo, 'bundle-04-start-open');
  await openThroughChooser(page, exported);

  const banner = page.locator('[data-viewer-banner]');
  await expect(banner).toBeVisible();
  await expect(banner).toHaveAttribute('data-verification', 'verified');
  await expect(banner.getByText(de.t('ui/viewer/title'))).toBeVisible();
  await expect(banner.locator('[data-origin]')).toHaveText(
    new RegExp(`^Diagnosepaket von ${target.replace(/\./g, '\\.')}, erstellt am .+ mit Version \\d+\\.\\d+\\.\\d+\\. ${de.t('ui/viewer/anonymized')}$`),
  );
  await expect(banner.getByText(/^Prüfsummen in Ordnung: Alle \d+ Dateien stimmen/)).toBeVisible();
  await expect(stepHeading(page, de.t('ui/summary/title'))).toBeVisible();
  await expect(page.locator('[data-verdict]').first()).toHaveAttribute('data-verdict', 'ok');
  await expect(page.getByText(/Melden Sie dem IT-Support „ganze Etage betroffen“/)).toBeVisible();
  // Not the user's own run: no export of it, no new check from here.
  await expect(page.getByRole('button', { name: de.t('ui/summary/exportBundle') })).toHaveCount(0);
  await expect(page.getByRole('button', { name: de.t('ui/summary/rerun') })).toHaveCount(0);
  await snap(page, testInfo, 'bundle-05-viewer-summary');
  await expectAccessible(page, testInfo, 'viewer-summary');

  await page.getByRole('button', { name: de.t('ui/summary/itPart') }).click();
  await expect(page.locator('[data-answers]')).toContainText('Alle auf der Etage oder im Raum');

  // The sections, with the answers as they were and nothing to change.
  await page.getByRole('button', { name: `1. ${sectionTitle('physical')}`, exact: false }).click();
  await expect(stepHeading(page, sectionTitle('physical'))).toBeVisible();
  const floor = page.locator('[data-question="physical/scope"]').getByRole('radio', { name: 'Alle auf der Etage oder im Raum' });
  await expect(floor).toBeChecked();
  await expect(floor).toBeDisabled();
  await expect(page.locator('[data-question="physical/scope"]').getByRole('checkbox')).toBeChecked();
  await expect(page.getByText(de.t('ui/viewer/readOnly'))).toBeVisible();
  await expect(page.getByRole('button', { name: /^Prüfung$/ })).toBeDisabled();
  await snap(page, testInfo, 'bundle-06-viewer-section');
  await expectAccessible(page, testInfo, 'viewer-section');

  // Back to the own check: the start screen with its empty form, no banner.
  await page.getByRole('button', { name: de.t('ui/viewer/back') }).first().click();
  await expect(banner).toBeHidden();
  await expect(stepHeading(page, de.t('ui/start/title'))).toBeVisible();
  expect(errors).toEqual([]);
});

test('viewer: a tampered bundle shows the checksum mismatch; newer versions and files that are no bundle get the reader’s clear message', async ({ page }, testInfo) => {
  test.skip(!(await readFile(exported).catch(() => null)), 'needs the bundle of the export test');
  const errors = collectPageErrors(page);
  const entries = await readZipEntries(exported);

  // One byte of report.json changed (an indent becomes a tab): still valid JSON, but not what the manifest says.
  const report = entries.get('report.json')!;
  const at = report.indexOf('\n  ') + 1;
  const tampered = new Map(entries);
  tampered.set('report.json', Buffer.concat([report.subarray(0, at), Buffer.from('\t'), report.subarray(at + 1)]));
  const tamperedFile = path.join(dir, 'tampered.zip');
  await writeZipEntries(tamperedFile, tampered);

  await page.goto(bridge.url);
  await expect(stepHeading(page, de.t('ui/start/title'))).toBeVisible();
  // Dropped onto the window, like a file from the file manager.
  await dropFile(page, 'tampered.zip', await readFile(tamperedFile));
  const banner = page.locator('[data-viewer-banner]');
  await expect(banner).toHaveAttribute('data-verification', 'problems');
  await expect(banner.getByText(de.t('ui/viewer/problems'))).toBeVisible();
  await expect(banner.getByText(de.t('bundle/verify/checksum-mismatch', { entry: 'report.json' }))).toBeVisible();
  await expect(page.locator('[data-verdict]').first()).toHaveAttribute('data-verdict', 'ok');
  await snap(page, testInfo, 'bundle-07-viewer-tampered');
  await expectAccessible(page, testInfo, 'viewer-tampered');
  await page.getByRole('button', { name: de.t('ui/viewer/back') }).first().click();

  // A newer report format than this version knows.
  const newer = new Map(entries);
  const json = JSON.parse(entries.get('report.json')!.toString('utf8')) as { schemaVersion: number };
  newer.set('report.json', Buffer.from(JSON.stringify({ ...json, schemaVersion: 99 })));
  const newerFile = path.join(dir, 'newer.zip');
  await writeZipEntries(newerFile, newer);
  await openThroughChooser(page, newerFile);
  const problem = page.locator('[data-open-problem]');
  await expect(problem).toContainText(/Dieses Paket stammt von einer neueren Version von Outlook-Doktor .*Berichtsformat 99.*Bitte aktualisieren Sie Outlook-Doktor\./);
  await expect(page.locator('[data-viewer-banner]')).toHaveCount(0);

  // Not a zip at all, under a .zip name: the reader's words, no viewer.
  const hostile = path.join(dir, 'rechnung.zip');
  await writeFile(hostile, '<html><script>alert(1)</script></html>');
  await openThroughChooser(page, hostile);
  await expect(problem).toHaveText(de.t('ui/viewer/openFailed', { message: de.t('bundle/openError/not-a-zip') }));
  await snap(page, testInfo, 'bundle-08-open-not-a-zip');
  await expectAccessible(page, testInfo, 'open-not-a-zip');

  // A dropped file that is not even called .zip is refused before anything is read.
  await dropFile(page, 'notizen.txt', Buffer.from('hallo'));
  await expect(problem).toHaveText(de.t('ui/viewer/openFailed', { message: de.t('ui/viewer/notZipName', { name: 'notizen.txt' }) }));
  await page.getByRole('button', { name: de.t('ui/viewer/dismiss') }).click();
  await expect(problem).toHaveCount(0);
  await expect(stepHeading(page, de.t('ui/start/title'))).toBeVisible();
  expect(errors).toEqual([]);
});

test('export with the keyboard only: open, switch, close with Escape, focus back on the button', async ({ page }, testInfo) => {
  const errors = collectPageErrors(page);
  await checkAndAnswer(page);
  await tabTo(page, (a) => a.tag === 'button' && a.name === de.t('ui/summary/exportBundle'));
  await page.keyboard.press('Enter');
  const dialog = exportDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('[data-entry="report.json"]')).toBeVisible();
  // The focus is inside the dialog and stays there.
  await tabTo(page, (a) => a.role === 'switch', { limit: 10 });
  await page.keyboard.press('Space');
  await expect(dialog.getByRole('switch', { name: de.t('ui/export/anonymize') })).toBeChecked();
  await expect(dialog.locator('[data-anonymized]')).toBeVisible();
  for (let i = 0; i < 6; i += 1) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null), 'focus stays in the dialog').toBe(true);
  }
  await snapDialog(page, testInfo, 'bundle-09-keyboard-dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: de.t('ui/summary/exportBundle') })).toBeFocused();
  expect(errors).toEqual([]);
});
