import { expect, test } from '@playwright/test';
import { startBridge, type RunningBridge } from './support/bridge';
import { collectPageErrors, de, SECTIONS, sectionTitle, snap, stepHeading, tabTo } from './support/wizard';
import { createWizardLab, startExchange, type WizardLab } from './support/wizard-lab';

/**
 * The whole wizard with the keyboard only: no click, no mouse. Tab, Shift+Tab, Enter, Space and
 * the arrow keys, as someone who cannot use a mouse (or a helpdesk in a laggy remote session).
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

test('a keyboard-only run from start to summary', async ({ page, context }, testInfo) => {
  const errors = collectPageErrors(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: bridge.origin });
  await page.goto(bridge.url);
  await expect(stepHeading(page, de.t('ui/start/title'))).toBeVisible();

  // Start: Tab to the server field, type, Enter submits the form.
  await tabTo(page, (a) => a.tag === 'input' && a.name.includes(de.t('ui/start/serverLabel')));
  await page.keyboard.type(target);
  await page.keyboard.press('Enter');

  // When the run ends, the way on has the focus.
  const showResults = page.getByRole('button', { name: de.t('ui/running/showResults') });
  await expect(showResults).toBeFocused({ timeout: 30_000 });
  await page.keyboard.press('Enter');

  for (const [index, section] of SECTIONS.entries()) {
    // Each new step puts the focus on its heading, so reading starts at the top.
    await expect(stepHeading(page, sectionTitle(section))).toBeFocused();
    if (section === 'physical') {
      // Radio group: Tab into it, arrow keys choose; Space ticks "Erledigt".
      await tabTo(page, (a) => a.role === 'radio' && a.name === 'Nur dieser PC');
      await page.keyboard.press('ArrowRight');
      await expect(page.getByRole('radio', { name: 'Alle auf der Etage oder im Raum' })).toBeChecked();
      await expect(page.getByText(/ganze Etage betroffen/)).toBeVisible();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
      await expect(page.locator('[data-question="physical/scope"]').getByRole('checkbox')).toBeChecked();
      await snap(page, testInfo, 'keyboard-physical');
    }
    const last = index === SECTIONS.length - 1;
    const nextName = last ? de.t('ui/nav/toSummary') : de.t('ui/nav/next');
    await tabTo(page, (a) => a.tag === 'button' && a.name === nextName);
    await page.keyboard.press('Enter');
  }

  await expect(stepHeading(page, de.t('ui/summary/title'))).toBeFocused();
  await expect(page.getByText(/„ganze Etage betroffen“/)).toBeVisible();

  // The IT part opens with Enter.
  await tabTo(page, (a) => a.tag === 'button' && a.name === de.t('ui/summary/itPart'));
  await page.keyboard.press('Enter');
  // The summary's own IT part comes before the findings' IT parts (each finding card has one too).
  await expect(page.getByRole('button', { name: de.t('ui/summary/itPart') }).first()).toHaveAttribute('aria-expanded', 'true');

  // Copy with Enter.
  await tabTo(page, (a) => a.tag === 'button' && a.name === de.t('ui/summary/copy'));
  await page.keyboard.press('Enter');
  await expect(page.getByText(de.t('ui/summary/copied'))).toBeVisible();

  // The monitor starts with Enter on the checked server, sets a marker and stops, all by keyboard.
  await tabTo(page, (a) => a.tag === 'button' && a.name === de.t('ui/summary/startMonitor'));
  await page.keyboard.press('Enter');
  await expect(stepHeading(page, de.t('ui/monitor/title'))).toBeFocused();
  await expect(page.locator('[data-monitor-phase="running"]')).toBeVisible();
  await tabTo(page, (a) => a.tag === 'input' && a.name === de.t('ui/monitor/noteLabel'));
  await page.keyboard.type('Getrennt');
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^Markierung 1 gesetzt um/)).toBeVisible();
  await tabTo(page, (a) => a.tag === 'button' && a.name === de.t('ui/monitor/stop'));
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-monitor-phase="ended"]')).toBeVisible();

  // The step overview jumps back to any section.
  await tabTo(page, (a) => a.tag === 'button' && a.name.startsWith(`6. ${sectionTitle('tls')}`), { backwards: true });
  await page.keyboard.press('Enter');
  await expect(stepHeading(page, sectionTitle('tls'))).toBeFocused();
  await snap(page, testInfo, 'keyboard-jump');

  expect(errors).toEqual([]);
});
