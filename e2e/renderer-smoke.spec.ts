import { expect, test } from '@playwright/test';
import { serveFolder } from './support/static-server';

test('the built renderer loads without errors', async ({ page }) => {
  const served = await serveFolder('out/renderer');
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  try {
    await page.goto(served.url);
    await expect(page.getByRole('heading', { name: 'Outlook-Doktor' })).toBeVisible();
    expect(errors).toEqual([]);
  } finally {
    await served.close();
  }
});
