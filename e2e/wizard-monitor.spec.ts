import { expect, test, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openBundle } from '../electron/engine/bundle/open-bundle';
import { startFlappingExchange, type FlapStep, type FlappingLab } from './lab/flapping-exchange';
import { startBridge, type RunningBridge } from './support/bridge';
import { collectPageErrors, de, expectAccessible, runCheck, snap, stepHeading } from './support/wizard';
import { createWizardLab, startExchange, type WizardLab } from './support/wizard-lab';
import { readZipEntries } from './support/zip-entries';

/**
 * The monitor ("Dauertest") in the wizard against the real engine behind the web bridge and a
 * loopback server that flaps on a known pattern: red marks appear where it stops answering with a
 * challenge, markers land on the timeline, the figures count the outages, and the bundle carries
 * the log.
 */
let lab: WizardLab;
let bridge: RunningBridge;
let flapping: FlappingLab;
let healthy: string;
let dir: string;

// Three answers, an outage of three (a login page twice, a dropped connection), answers again,
// then one request that gets no answer at all, then answers for good.
const PATTERN: FlapStep[] = ['ok', 'ok', 'ok', 'no-challenge', 'no-challenge', 'drop', 'ok', 'ok', 'silent', 'ok'];

test.beforeAll(async () => {
  lab = await createWizardLab();
  flapping = await startFlappingExchange({ pattern: PATTERN, ca: lab.ca, hostNames: ['127.0.0.1'] });
  lab.onClose(() => flapping.close());
  healthy = (await startExchange(lab)).target;
  bridge = await startBridge(lab.bridgeOptions());
  dir = await mkdtemp(path.join(tmpdir(), 'od-e2e-monitor-'));
});

test.afterAll(async () => {
  await bridge?.close();
  await lab?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const monitorStep = (page: Page) => page.getByRole('button', { name: de.t('ui/steps/monitor'), exact: true });
const timeline = (page: Page) => page.locator('[data-timeline]');
const failedCells = (page: Page) => timeline(page).locator('[data-result="error"], [data-result="no-challenge"]');
const okCells = (page: Page) => timeline(page).locator('[data-result="challenge"]');
const counter = (page: Page, key: string) => page.locator(`[data-counter="${key}"] dd`);

test('a monitor on its own: red marks where the server drops out, a marker, the figures, stop, and the bundle with its log', async ({ page }, testInfo) => {
  const errors = collectPageErrors(page);
  await page.goto(bridge.url);
  await monitorStep(page).click();
  await expect(stepHeading(page, de.t('ui/monitor/title'))).toBeVisible();
  await expectAccessible(page, testInfo, 'monitor-form');
  await snap(page, testInfo, 'monitor-01-form');

  // A typo is explained before anything is sent.
  await page.getByRole('textbox', { name: de.t('ui/monitor/serverLabel') }).fill('https://127.0.0.1/owa');
  await page.getByRole('button', { name: de.t('ui/monitor/start') }).click();
  await expect(page.getByText(de.t('ui/problem/server/host-has-path'))).toBeVisible();

  await page.getByRole('textbox', { name: de.t('ui/monitor/serverLabel') }).fill(`127.0.0.1:${flapping.port}`);
  await page.getByRole('combobox', { name: de.t('ui/monitor/intervalLabel') }).selectOption('0.5');
  await page.getByRole('button', { name: de.t('ui/monitor/start') }).click();
  await expect(page.locator('[data-monitor-phase="running"]')).toBeVisible();

  // The pattern's outage shows as red marks between green ones, in the order the server gave them.
  await expect(failedCells(page)).toHaveCount(3, { timeout: 15_000 });
  expect(await okCells(page).count()).toBeGreaterThanOrEqual(3);
  await page.getByRole('textbox', { name: de.t('ui/monitor/noteLabel') }).fill('Outlook zeigt „Getrennt“');
  await page.getByRole('button', { name: de.t('ui/monitor/mark') }).click();
  await expect(page.getByText(/^Markierung 1 gesetzt um \d\d:\d\d:\d\d\.$/)).toBeVisible();
  await expect(page.locator('[data-events] [data-event-type="marker"]')).toHaveText(/Markierung 1: Problem ist gerade aufgetreten – Outlook zeigt „Getrennt“/);
  await expect(timeline(page).locator('[data-event="marker"]')).toHaveCount(1);

  // The rest of the pattern: one request without an answer (its deadline), then answers again.
  await expect(failedCells(page)).toHaveCount(4, { timeout: 15_000 });
  await expect.poll(() => okCells(page).count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(7);
  const results = await timeline(page).locator('[data-result]:not([data-result="pending"]):not([data-result="missed"])').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-result')));
  expect(results.slice(0, PATTERN.length)).toEqual(['challenge', 'challenge', 'challenge', 'no-challenge', 'no-challenge', 'error', 'challenge', 'challenge', 'error', 'challenge']);
  await expect(counter(page, 'outages')).toHaveText('2', { timeout: 5_000 });
  await expect(page.locator('[data-chart-points]')).not.toHaveAttribute('data-chart-points', '0');
  await expectAccessible(page, testInfo, 'monitor-running');
  await snap(page, testInfo, 'monitor-02-running');

  await page.getByRole('button', { name: de.t('ui/monitor/stop') }).click();
  await expect(page.locator('[data-monitor-phase="ended"]')).toHaveText(/von Ihnen beendet/);
  await expect(page.locator('div[data-verdict="warning"]:not([role])')).toBeVisible();
  const measured = Number(await counter(page, 'requests').textContent());
  expect(measured).toBeGreaterThanOrEqual(PATTERN.length);
  expect(await counter(page, 'failed').textContent()).toBe('4');
  await snap(page, testInfo, 'monitor-03-ended');

  // One bundle: the monitor's own report and its log, line for line.
  await page.getByRole('button', { name: de.t('ui/monitor/exportBundle') }).click();
  const dialog = page.getByRole('dialog', { name: de.t('ui/export/title') });
  await expect(dialog.getByRole('rowheader', { name: 'monitor.csv', exact: true })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: de.t('ui/export/save'), exact: true }).click();
  const file = path.join(dir, 'monitor.zip');
  await (await downloading).saveAs(file);
  const opened = await openBundle(file);
  if (!opened.ok) throw new Error(opened.error.message.en);
  expect(opened.bundle.verification.status).toBe('verified');
  expect(opened.bundle.report.verdict).toBe('warning');
  expect(opened.bundle.report.probes[0]).toMatchObject({ id: 'monitor', kind: 'monitor', data: { stats: { failed: 4, outages: { count: 2 } } } });
  const csv = (await readZipEntries(file)).get('monitor.csv')!.toString('utf8');
  expect(csv).toContain('Outlook zeigt „Getrennt“');
  expect(csv.trim().split('\n').length).toBeGreaterThan(measured);
  expect(errors).toEqual([]);
});

test('started from the summary, with the checked server, and still there after a reload', async ({ page }, testInfo) => {
  const errors = collectPageErrors(page);
  await page.goto(bridge.url);
  await runCheck(page, { server: healthy });
  await page.getByRole('button', { name: de.t('ui/steps/summary'), exact: true }).click();
  await page.getByRole('button', { name: de.t('ui/summary/startMonitor') }).click();
  await expect(stepHeading(page, de.t('ui/monitor/title'))).toBeVisible();
  await expect(page.locator('[data-monitor-phase="running"]')).toContainText(`https://${healthy}/mapi/emsmdb/`);
  await expect.poll(() => okCells(page).count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);

  // The monitor runs in the host, not in the page: a reload shows it again, still running.
  await page.reload();
  await monitorStep(page).click();
  await expect(page.locator('[data-monitor-phase="running"]')).toBeVisible();
  await expect.poll(() => okCells(page).count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
  await page.getByRole('button', { name: de.t('ui/monitor/stop') }).click();
  await expect(page.locator('[data-monitor-phase="ended"]')).toBeVisible();
  await expect(page.locator('div[data-verdict="ok"]:not([role])')).toBeVisible();
  await snap(page, testInfo, 'monitor-04-from-summary');
  expect(errors).toEqual([]);
});
