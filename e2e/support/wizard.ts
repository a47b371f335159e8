import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { translator } from '../../shared/i18n';
import { SECTION_IDS, type SectionId } from '../../shared/model/sections';

/** The German texts the tests look for, from the same resources the app uses. */
export const de = translator('de');
export const en = translator('en');
export const sectionTitle = (id: SectionId, tr = de) => tr.t(`section/${id}`);

/** Axe rule sets checked on every step: WCAG 2.1 A and AA. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Console errors and uncaught exceptions of the page; a test ends by expecting none. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/** A full-page screenshot of the current step, saved under test-results/ and attached to the report. */
export async function snap(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

/** Axe over the page as it is now: no serious or critical violation allowed. */
export async function expectAccessible(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  await testInfo.attach(`axe-${name}.json`, { body: JSON.stringify(results.violations, null, 2), contentType: 'application/json' });
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(serious, `axe on "${name}"`).toEqual([]);
}

/** The current step's main heading. */
export function stepHeading(page: Page, name: string | RegExp) {
  return page.getByRole('heading', { level: 1, name });
}

/** Fills the start screen and starts the check; waits until the run is over. */
export async function runCheck(page: Page, input: { server?: string; email?: string }): Promise<void> {
  if (input.email !== undefined) await page.getByLabel(de.t('ui/start/emailLabel')).fill(input.email);
  if (input.server !== undefined) await page.getByLabel(de.t('ui/start/serverLabel')).fill(input.server);
  await page.getByRole('button', { name: de.t('ui/start/submit') }).click();
  await expect(stepHeading(page, new RegExp(`${de.t('ui/running/titleDone')}|${de.t('ui/running/titleCancelled')}`))).toBeVisible({ timeout: 30_000 });
}

export const SECTIONS: readonly SectionId[] = SECTION_IDS;

/**
 * Presses Tab until the focused element matches, as a keyboard-only user would; fails after
 * `limit` presses so a focus trap or an unreachable control shows as a failure.
 */
export async function tabTo(page: Page, matches: (active: { role: string | null; name: string; tag: string }) => boolean, options: { limit?: number; backwards?: boolean } = {}): Promise<void> {
  const limit = options.limit ?? 120;
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
    const active = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return { role: null, name: '', tag: '' };
      const labelledBy = el.getAttribute('aria-labelledby');
      const labelled = labelledBy ? labelledBy.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ') : '';
      const label = el.id ? (document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent ?? '') : '';
      return {
        role: el.getAttribute('role') ?? (el.tagName === 'BUTTON' ? 'button' : el.tagName === 'INPUT' ? (el as HTMLInputElement).type : null),
        name: (el.getAttribute('aria-label') ?? labelled ?? '') || label || (el.textContent ?? '').trim(),
        tag: el.tagName.toLowerCase(),
      };
    });
    if (matches(active)) return;
  }
  throw new Error(`no focusable element matched within ${limit} Tab presses`);
}
