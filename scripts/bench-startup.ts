import { _electron as electron, chromium, type Browser, type Page } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startBridge } from '../e2e/support/bridge';
import { electronBinary, NO_ELECTRON_REASON } from '../e2e/support/electron-binary';
import { CHROMIUM_ARGS } from '../playwright.config';
import { translator } from '../shared/i18n';

/**
 * `npm run bench:startup`: how long from starting the program until the user sees the wizard's
 * first screen, and how big the page is.
 *
 * - Web harness: from spawning the web bridge (`node dist/web/outlook-doktor-web.mjs`) to the
 *   start screen painted in Chromium: the bridge's own start (until it prints its address), the
 *   page's first contentful paint (Paint Timing API), and the start screen's heading on screen
 *   (seen by a MutationObserver, then two animation frames: the frame that shows it was painted).
 *   Chromium is started once beforehand: a user's browser is already open.
 * - Desktop app: from launching Electron to the same heading, where an Electron binary exists.
 * - The renderer bundle: bytes and gzip bytes of what the page loads.
 *
 * Several rounds, median first; the first round pays for a cold file cache.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RENDERER = path.join(ROOT, 'out/renderer');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
/** The start screen's heading: the wizard's first screen is painted once this is on screen. */
const START_TITLE = translator('de').t('ui/start/title');
/** A start that takes longer than this is broken, not slow. */
const SCREEN_TIMEOUT_MS = 30_000;

interface WebRound {
  bridgeReadyMs: number;
  firstContentfulPaintMs: number;
  startScreenMs: number;
}

/**
 * Runs in the page before its scripts: records when the start screen's heading first exists and
 * has been painted. A string, not a function: tsx wraps named functions in a helper that does
 * not exist in the page.
 */
function watchStartScreen(title: string): string {
  return `(() => {
    const title = ${JSON.stringify(title)};
    const observer = new MutationObserver(() => {
      if (window.__startScreenPainted !== undefined) return;
      const found = Array.from(document.querySelectorAll('h1')).some((h) => (h.textContent || '').trim() === title);
      if (!found) return;
      observer.disconnect();
      // The frame after next: by then the frame holding the heading has been painted.
      requestAnimationFrame(() => requestAnimationFrame(() => { window.__startScreenPainted = performance.timeOrigin + performance.now(); }));
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  })();`;
}

async function startScreenTimes(page: Page): Promise<{ fcpEpoch: number; startScreenEpoch: number }> {
  // The paint entry may be recorded a moment after the frame; wait for both.
  await page.waitForFunction(
    () => (window as unknown as { __startScreenPainted?: number }).__startScreenPainted !== undefined && performance.getEntriesByName('first-contentful-paint').length > 0,
    undefined,
    { timeout: SCREEN_TIMEOUT_MS },
  );
  return page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    return {
      fcpEpoch: fcp ? performance.timeOrigin + fcp.startTime : Number.NaN,
      startScreenEpoch: (window as unknown as { __startScreenPainted: number }).__startScreenPainted,
    };
  });
}

async function webRound(browser: Browser): Promise<WebRound> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript({ content: watchStartScreen(START_TITLE) });
  const spawned = Date.now();
  // Loopback only: the page asks the bridge for its defaults, no run is started.
  const bridge = await startBridge({ dnsServers: ['127.0.0.1:9'], connectivityUrl: 'http://127.0.0.1:9/connecttest.txt' });
  const ready = Date.now();
  try {
    await page.goto(bridge.url);
    const times = await startScreenTimes(page);
    return { bridgeReadyMs: ready - spawned, firstContentfulPaintMs: times.fcpEpoch - spawned, startScreenMs: times.startScreenEpoch - spawned };
  } finally {
    await context.close();
    await bridge.close();
  }
}

async function electronRound(binary: string): Promise<number> {
  const launched = Date.now();
  const app = await electron.launch({ executablePath: binary, args: [ROOT], cwd: ROOT });
  try {
    const win = await app.firstWindow();
    await win.getByRole('heading', { name: START_TITLE }).waitFor({ timeout: SCREEN_TIMEOUT_MS });
    await win.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
    return Date.now() - launched;
  } finally {
    await app.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function line(label: string, values: number[]): string {
  const rounded = values.map((v) => Math.round(v));
  return `  ${label.padEnd(34)} median ${String(Math.round(median(values))).padStart(5)} ms   (${rounded.join(', ')})`;
}

function bundleSizes(): { file: string; bytes: number; gzip: number }[] {
  const files = ['index.html', ...readdirSync(path.join(RENDERER, 'assets')).filter((f) => !f.endsWith('.map')).map((f) => `assets/${f}`)];
  return files.map((file) => {
    const full = path.join(RENDERER, file);
    return { file, bytes: statSync(full).size, gzip: gzipSync(readFileSync(full), { level: 9 }).length };
  });
}

async function main(): Promise<void> {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const sizes = bundleSizes();
  console.log('renderer bundle (what the page loads):');
  for (const s of sizes) console.log(`  ${s.file.padEnd(34)} ${kb(s.bytes).padStart(9)}   gzip ${kb(s.gzip).padStart(8)}`);
  console.log(`  ${'total'.padEnd(34)} ${kb(sizes.reduce((a, s) => a + s.bytes, 0)).padStart(9)}   gzip ${kb(sizes.reduce((a, s) => a + s.gzip, 0)).padStart(8)}`);

  const launchStarted = Date.now();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
  const launchMs = Date.now() - launchStarted;
  const rounds: WebRound[] = [];
  try {
    for (let i = 0; i < ROUNDS; i += 1) rounds.push(await webRound(browser));
  } finally {
    await browser.close();
  }
  console.log(`\nweb harness, ${ROUNDS} rounds (Chromium ${browser.version()} started once beforehand in ${launchMs} ms):`);
  console.log(line('spawn → bridge ready', rounds.map((r) => r.bridgeReadyMs)));
  console.log(line('spawn → first contentful paint', rounds.map((r) => r.firstContentfulPaintMs)));
  console.log(line('spawn → start screen painted', rounds.map((r) => r.startScreenMs)));

  const binary = electronBinary();
  if (!binary) {
    console.log(`\ndesktop app: skipped, ${NO_ELECTRON_REASON}`);
    return;
  }
  const electronTimes: number[] = [];
  for (let i = 0; i < ROUNDS; i += 1) electronTimes.push(await electronRound(binary));
  console.log(`\ndesktop app, ${ROUNDS} rounds:`);
  console.log(line('launch → start screen painted', electronTimes));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
