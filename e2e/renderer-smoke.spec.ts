import { expect, test } from '@playwright/test';
import { serveFolder } from './support/static-server';
import { de } from './support/wizard';

test('the built renderer without a host says so in plain words instead of showing an empty page', async ({ page }) => {
  const served = await serveFolder('out/renderer');
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  try {
    await page.goto(served.url);
    await expect(page.getByRole('alert')).toHaveText(de.t('ui/connectFailed'));
    expect(pageErrors).toEqual([]);
  } finally {
    await served.close();
  }
});
