import { expect, test } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { CHECKLIST } from '../shared/checklist/questions';
import { startBridge, type RunningBridge } from './support/bridge';
import { collectPageErrors, de, en, expectAccessible, runCheck, SECTIONS, sectionTitle, snap, stepHeading } from './support/wizard';
import { createWizardLab, startExchange, type WizardLab } from './support/wizard-lab';

/**
 * The happy path through the whole wizard against the real engine behind the web bridge and a
 * healthy Exchange-like server on loopback: start, running, each section, summary. Every step is
 * photographed (test-results/) and scanned with axe.
 */
let lab: WizardLab;
let bridge: RunningBridge;
let target: string;

test.beforeAll(async () => {
  lab = await createWizardLab();
  target = (await startExchange(lab)).target;
  bridge = await startBridge(lab.bridgeOptions());
});

test.afterAll(async () => {
  await bridge?.close();
  await lab?.close();
});

test('start → running → every section → summary, accessible at each step', async ({ page, context }, testInfo) => {
  const errors = collectPageErrors(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: bridge.origin });
  await page.goto(bridge.url);

  // Start: the token left the address bar, the version shows, a typo is explained with a fix.
  await expect(stepHeading(page, de.t('ui/start/title'))).toBeVisible();
  expect(new URL(page.url()).hash).toBe('');
  await expect(page.getByText(/^Version \d+\.\d+\.\d+/)).toBeVisible();
  await snap(page, testInfo, '01-start');
  await expectAccessible(page, testInfo, 'start');

  await page.getByLabel(de.t('ui/start/serverLabel')).fill(`https://${target}/owa/`);
  await page.getByRole('button', { name: de.t('ui/start/submit') }).click();
  await expect(page.getByText(de.t('ui/problem/server/host-has-path'))).toBeVisible();
  await expect(page.getByText(de.t('ui/start/suggestion', { value: target }))).toBeVisible();
  await snap(page, testInfo, '02-start-typo');
  await expectAccessible(page, testInfo, 'start-typo');
  await page.getByRole('button', { name: de.t('ui/start/useSuggestion') }).click();
  await expect(page.getByLabel(de.t('ui/start/serverLabel'))).toHaveValue(target);

  // Running: the real engine's probes fill the sections; the run ends by itself.
  await runCheck(page, {});
  await expect(page.getByText(/^(\d+) von \1 Prüfungen fertig$/)).toBeVisible();
  await expect(page.locator('[data-section="physical"]')).toHaveAttribute('data-state', /^(ok|warning|problem)$/);
  await snap(page, testInfo, '03-running');
  await expectAccessible(page, testInfo, 'running');
  await page.getByRole('button', { name: de.t('ui/running/showResults') }).click();

  // One step per section, in catalog order, each with its automatic result and its questions.
  for (const [index, section] of SECTIONS.entries()) {
    await expect(stepHeading(page, sectionTitle(section))).toBeVisible();
    await expect(page.getByText(de.t('ui/steps/stepOf', { n: index + 1, total: SECTIONS.length }))).toBeVisible();
    const screen = page.locator(`section[data-section="${section}"]`);
    await expect(screen).toHaveAttribute('data-status', /^(ok|warning|problem|not-checked)$/);
    await expect(page.locator('[data-question]')).toHaveCount(CHECKLIST[section].length);
    if (section === 'physical') {
      // The answer changes the guidance: the whole floor points away from this computer.
      const scope = page.locator('[data-question="physical/scope"]');
      await scope.getByRole('radio', { name: 'Alle auf der Etage oder im Raum' }).check();
      await expect(scope.getByText(/ganze Etage betroffen/)).toBeVisible();
      await scope.getByRole('checkbox', { name: de.t('ui/section/done') }).check();
      await page.locator('[data-question="physical/cable-seated"]').getByRole('checkbox', { name: de.t('ui/section/done') }).check();
      if (process.env.README_SCREENSHOT) {
        await mkdir(path.dirname(process.env.README_SCREENSHOT), { recursive: true });
        // Tall enough for the whole step, so the step overview is not cut off either.
        const viewport = page.viewportSize()!;
        await page.setViewportSize({ width: 1280, height: 1320 });
        await page.screenshot({ path: process.env.README_SCREENSHOT, animations: 'disabled' });
        await page.setViewportSize(viewport);
      }
    }
    await snap(page, testInfo, `${String(index + 4).padStart(2, '0')}-section-${section}`);
    await expectAccessible(page, testInfo, `section-${section}`);
    const last = index === SECTIONS.length - 1;
    await page.getByRole('button', { name: last ? de.t('ui/nav/toSummary') : de.t('ui/nav/next'), exact: true }).click();
  }

  // Summary: a green light for a healthy path, the user's part with the advice their answers brought.
  await expect(stepHeading(page, de.t('ui/summary/title'))).toBeVisible();
  await expect(page.locator('[data-verdict]').first()).toHaveAttribute('data-verdict', 'ok');
  await expect(page.getByRole('img', { name: /^Ampel: Grün/ })).toBeVisible();
  await expect(page.getByText(/Melden Sie dem IT-Support „ganze Etage betroffen“/)).toBeVisible();
  await snap(page, testInfo, '18-summary');
  await expectAccessible(page, testInfo, 'summary');

  // The IT part is separate and folded; opened, it lists the telling answer.
  await page.getByRole('button', { name: de.t('ui/summary/itPart') }).click();
  await expect(page.getByText('Alle auf der Etage oder im Raum', { exact: true })).toBeVisible();
  await snap(page, testInfo, '19-summary-it');
  await expectAccessible(page, testInfo, 'summary-it');

  // The export and the monitor are there (e2e/wizard-bundle.spec.ts and wizard-monitor.spec.ts walk them).
  await expect(page.getByRole('button', { name: de.t('ui/summary/exportBundle') })).toBeEnabled();
  await expect(page.getByRole('button', { name: de.t('ui/summary/startMonitor') })).toBeEnabled();

  // The ticket text: the shared text summary plus the checklist answers.
  await page.getByRole('button', { name: de.t('ui/summary/copy') }).click();
  await expect(page.getByText(de.t('ui/summary/copied'))).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(`${de.t('cli/summaryTitle')}: ${de.t('verdict/ok')}`);
  expect(copied).toContain(`Server: ${target}`);
  expect(copied).toContain('Alle auf der Etage oder im Raum (!)');

  // Checking again keeps the answers and ends on a fresh report.
  await page.getByRole('button', { name: de.t('ui/summary/rerun') }).click();
  await expect(stepHeading(page, de.t('ui/running/titleDone'))).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: `1. ${sectionTitle('physical')}`, exact: false }).click();
  await expect(page.locator('[data-question="physical/scope"]').getByRole('radio', { name: 'Alle auf der Etage oder im Raum' })).toBeChecked();

  expect(errors).toEqual([]);
});

test('switches to English and back, texts and document language included', async ({ page }, testInfo) => {
  const errors = collectPageErrors(page);
  await page.goto(bridge.url);
  await page.getByRole('button', { name: de.t('ui/switchLanguageLabel') }).click();
  await expect(stepHeading(page, en.t('ui/start/title'))).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByLabel(en.t('ui/start/serverLabel')).fill(target);
  await page.getByRole('button', { name: en.t('ui/start/submit') }).click();
  await expect(stepHeading(page, en.t('ui/running/titleDone'))).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: en.t('ui/running/showResults') }).click();
  await expect(stepHeading(page, sectionTitle('physical', en))).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Only this PC' })).toBeVisible();
  await snap(page, testInfo, 'english-section');
  await expectAccessible(page, testInfo, 'english-section');
  await page.getByRole('button', { name: en.t('ui/switchLanguageLabel') }).click();
  await expect(stepHeading(page, sectionTitle('physical'))).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  expect(errors).toEqual([]);
});

test.describe('dark mode', () => {
  test.use({ colorScheme: 'dark' });

  test('follows the system and stays accessible', async ({ page }, testInfo) => {
    await page.goto(bridge.url);
    await expect(stepHeading(page, de.t('ui/start/title'))).toBeVisible();
    const background = await page.locator('.fui-FluentProvider').first().evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
    expect(r! + g! + b!, `background ${background}`).toBeLessThan(200);
    await snap(page, testInfo, 'dark-start');
    await expectAccessible(page, testInfo, 'dark-start');
    await runCheck(page, { server: target });
    await page.getByRole('button', { name: de.t('ui/running/showResults') }).click();
    await snap(page, testInfo, 'dark-section');
    await expectAccessible(page, testInfo, 'dark-section');
  });
});
