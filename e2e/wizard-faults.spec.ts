import { expect, test } from '@playwright/test';
import type { FindingId } from '../shared/model/finding-catalog';
import { FINDING_CATALOG } from '../shared/model/finding-catalog';
import { startBridge } from './support/bridge';
import { missingForScenario } from './support/engine-capabilities';
import { collectPageErrors, de, expectAccessible, runCheck, sectionTitle, snap, stepHeading } from './support/wizard';
import { createWizardLab, deadTcpPort, startExchange, startSilentServer, type WizardLab } from './support/wizard-lab';

/**
 * Fault paths through the wizard: a scenario starts its lab servers, starts the bridge with
 * options that keep the run on them, and walks the wizard to the finding it must show.
 *
 * Each needs probes and a rule that land in other issues; until then it is skipped with the
 * reason printed, and it runs unchanged once they are there.
 */
interface Scenario {
  name: string;
  needs: { probes: string[]; rules: FindingId[] };
  connectivity?: 'ok' | 'portal';
  /** Starts the servers and returns what the user types as server. */
  setup(lab: WizardLab): Promise<string>;
  finding: FindingId;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'expired certificate',
    needs: { probes: ['tcp', 'tls'], rules: ['tls.cert-expired'] },
    setup: async (lab) => (await startExchange(lab, { certificate: 'expired' })).target,
    finding: 'tls.cert-expired',
  },
  {
    name: 'captive portal',
    needs: { probes: ['connectivity'], rules: ['portal.detected'] },
    connectivity: 'portal',
    setup: async (lab) => (await startExchange(lab)).target,
    finding: 'portal.detected',
  },
  {
    name: 'dead address',
    needs: { probes: ['tcp'], rules: ['tcp.unreachable'] },
    setup: async () => `127.0.0.1:${await deadTcpPort()}`,
    finding: 'tcp.unreachable',
  },
];

for (const scenario of SCENARIOS) {
  test(`fault: ${scenario.name} shows ${scenario.finding} in its section and a red light`, async ({ page }, testInfo) => {
    const missing = missingForScenario(scenario.needs);
    if (missing) console.log(`skipped "${scenario.name}": ${missing}`);
    test.skip(missing !== null, missing ?? '');

    const lab = await createWizardLab(scenario.connectivity);
    const bridge = await startBridge(lab.bridgeOptions()).catch(async (error: unknown) => {
      await lab.close();
      throw error;
    });
    try {
      const errors = collectPageErrors(page);
      const server = await scenario.setup(lab);
      await page.goto(bridge.url);
      await runCheck(page, { server });
      const section = FINDING_CATALOG[scenario.finding].section;
      await page.getByRole('button', { name: new RegExp(`^\\d+\\. ${sectionTitle(section)}`) }).click();
      await expect(stepHeading(page, sectionTitle(section))).toBeVisible();
      await expect(page.locator(`section[data-section="${section}"]`)).toHaveAttribute('data-status', 'problem');
      const card = page.locator(`article[data-finding="${scenario.finding}"]`);
      await expect(card).toBeVisible();
      await expect(card.getByRole('heading', { level: 3 })).toContainText(de.finding(scenario.finding).title.split('{{')[0]!.trim());
      await snap(page, testInfo, `fault-${section}`);
      await expectAccessible(page, testInfo, `fault-${section}`);

      await page.getByRole('button', { name: de.t('ui/steps/summary') }).click();
      await expect(page.getByRole('img', { name: /^Ampel: Rot/ })).toBeVisible();
      await expect(page.locator(`[data-finding="${scenario.finding}"]`).first()).toBeVisible();
      await snap(page, testInfo, 'fault-summary');
      await expectAccessible(page, testInfo, 'fault-summary');
      expect(errors).toEqual([]);
    } finally {
      await bridge.close();
      await lab.close();
    }
  });
}

test('a running check can be cancelled and still shows what it found', async ({ page }, testInfo) => {
  // A server that accepts and never answers keeps the TLS probe waiting until the cancel.
  const missing = missingForScenario({ probes: ['tls'], rules: [] });
  if (missing) console.log(`skipped "cancel": ${missing}`);
  test.skip(missing !== null, missing ?? '');

  const lab = await createWizardLab();
  const bridge = await startBridge(lab.bridgeOptions({ timeoutSeconds: 60 }));
  try {
    const { target } = await startSilentServer(lab);
    await page.goto(bridge.url);
    await page.getByLabel(de.t('ui/start/serverLabel')).fill(target);
    await page.getByRole('button', { name: de.t('ui/start/submit') }).click();
    await expect(stepHeading(page, de.t('ui/running/title'))).toBeVisible();
    // Sections fill in live while the TLS probe still waits: some done, the count not yet full.
    await expect(page.locator('[data-section][data-state="done"]').first()).toBeVisible({ timeout: 5_000 });
    await expect(page.locator('[data-section][data-state="running"]').first()).toBeVisible();
    const [done, total] = ((await page.getByText(/^\d+ von \d+ Prüfungen fertig$/).textContent()) ?? '').match(/\d+/g)!.map(Number);
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(total!);
    // Cancel now: the silent server holds the TLS and HTTP probes for only a few seconds.
    await page.getByRole('button', { name: de.t('ui/running/cancel') }).click();
    await expect(stepHeading(page, de.t('ui/running/titleCancelled'))).toBeVisible({ timeout: 10_000 });
    await snap(page, testInfo, 'cancel-cancelled');
    await expectAccessible(page, testInfo, 'cancel-cancelled');
    await expect(page.getByText(de.t('cli/cancelled'))).toBeVisible();
    await page.getByRole('button', { name: de.t('ui/running/showResults') }).click();
    await expect(stepHeading(page, sectionTitle('physical'))).toBeVisible();
  } finally {
    await bridge.close();
    await lab.close();
  }
});
