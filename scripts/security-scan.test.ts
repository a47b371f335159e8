import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const canIsolate = spawnSync('unshare', [process.getuid?.() === 0 ? '-n' : '-rn', 'true']).status === 0;
const reason = 'cannot create a network namespace here (needs root or unprivileged user namespaces)';
if (!canIsolate) console.log(`skipped security-scan self-test: ${reason}`);

describe.skipIf(!canIsolate)('npm run test:security', () => {
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('fails on a build with a HIGH finding (the gate can fail)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'od-scan-'));
    dirs.push(dir);
    await mkdir(path.join(dir, 'main'));
    await mkdir(path.join(dir, 'preload'));
    await mkdir(path.join(dir, 'renderer'));
    await writeFile(
      path.join(dir, 'main', 'index.js'),
      "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false } });\n",
    );
    await writeFile(path.join(dir, 'preload', 'index.cjs'), '');
    await writeFile(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>x</title>');
    const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'scripts/security-scan.ts'), '--input', dir], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toMatch(/HIGH\s+\S+\s+CONTEXT_ISOLATION_JS_CHECK/);
    expect(run.stderr).toMatch(/security scan failed: \d+ HIGH finding/);
  }, 120_000);
});
