import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { writeBundle } from '../electron/engine/bundle/write-bundle';
import { PLANTED, sampleArtifacts, sampleChecklist, sampleMonitor, sampleReport } from './fixtures/bundle-fixture';
import { readZipEntries } from './support/zip-entries';

/**
 * report.html as second-level support opens it: from the zip the engine wrote, in Chromium, with
 * every network request refused. The page must render completely from its own bytes, run no
 * script and ask for nothing.
 */
const PAGE_URL = 'http://bundle.invalid/report.html';

test('report.html from a bundle renders offline, runs nothing and requests nothing', async ({ page }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'od-html-'));
  try {
    const zip = path.join(dir, 'bundle.zip');
    await writeBundle(zip, { report: sampleReport(), checklist: sampleChecklist(), artifacts: sampleArtifacts(), monitor: sampleMonitor(3600) }, { secrets: [PLANTED.password] });
    const html = (await readZipEntries(zip)).get('report.html')!;

    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => problems.push(`console.${m.type()}: ${m.text()}`));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.route('**/*', (route) => (route.request().url() === PAGE_URL ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }) : route.abort('internetdisconnected')));

    await page.goto(PAGE_URL);
    await expect(page.getByRole('heading', { level: 1, name: 'Outlook-Doktor – Diagnosebericht' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Problem gefunden' })).toBeVisible();
    await expect(page.getByRole('img', { name: 'Ampel rot: Problem' })).toBeVisible();
    const lit = page.locator('.lamp.on');
    await expect(lit).toHaveCount(1);
    expect(await lit.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(197, 15, 31)');
    await expect(page.getByRole('heading', { name: 'Was Sie tun können' }).first()).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Für den IT-Support' }).first()).toBeVisible();
    // Hostile strings from servers appear as text.
    await expect(page.locator('details.probe summary').filter({ hasText: `from Microsoft-IIS/10.0 <script>alert('server')</script>` })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: 'Warnung Nur Basic-Anmeldung <b>angeboten</b> "quoted" & more' })).toBeVisible();
    expect(await page.locator('script, img, iframe, link[rel=stylesheet], object, embed').count()).toBe(0);

    // Probe data is collapsed until opened; opening needs no script.
    const probe = page.locator('details.probe', { hasText: 'http:mapi-anonymous' });
    await expect(probe.locator('pre')).toBeHidden();
    await probe.locator('summary').click();
    await expect(probe.locator('pre')).toContainText('"status": 401');
    await expect(probe.locator('pre')).toContainText('"ClientId=[entfernt]; expires=');
    await page.screenshot({ path: test.info().outputPath('report.png'), fullPage: true });
    await page.locator('a[href^="#probe-"]').first().click();
    expect(page.url()).toMatch(/#probe-\d+$/);

    await expect(page.getByText('3600 Messungen im Protokoll (monitor.csv).')).toBeVisible();
    await expect(page.getByRole('cell', { name: 'Sitzt das Netzwerkkabel fest?' })).toBeVisible();

    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('heading', { name: 'Problem gefunden' })).toBeVisible();
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    // The document itself and nothing else: no style sheet, image, font or favicon was asked for.
    expect(requests).toEqual([PAGE_URL]);
    expect(problems).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
