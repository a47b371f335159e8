import { listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeStandInElectron } from './stand-in-electron';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BUILDER_CLI = path.join(ROOT, 'node_modules/electron-builder/cli.js');

/** electron-builder packs in a few seconds; a minute means it hangs (e.g. waiting for a download). */
const PACK_TIMEOUT_MS = 90_000;

const FUSE_ON = 0x31;
const FUSE_OFF = 0x30;

/**
 * What really goes into the package: electron-builder packs the built app (`npm run build:app`,
 * which `npm test` runs first) with a stand-in Electron into `linux-unpacked/`, the same step
 * every installer starts from, and the test reads `resources/app.asar` and the flipped fuses.
 */
describe('the packed app (electron-builder --linux dir)', () => {
  let dir: string;
  let appDir: string;
  let files: string[];

  beforeAll(async () => {
    for (const part of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
      if (!existsSync(path.join(ROOT, part))) throw new Error(`${part} is missing: run \`npm run build:app\` first (npm test builds it)`);
    }
    dir = await mkdtemp(path.join(tmpdir(), 'od-pack-'));
    const electronDist = await writeStandInElectron(path.join(dir, 'electron-dist'));
    const output = path.join(dir, 'release');
    const run = spawnSync(process.execPath, [BUILDER_CLI, '--linux', 'dir', '--publish', 'never', `-c.electronDist=${electronDist}`, `-c.directories.output=${output}`], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: PACK_TIMEOUT_MS,
      env: { ...process.env, CI: 'true' },
    });
    if (run.status !== 0) throw new Error(`electron-builder failed (${run.status ?? run.signal}):\n${run.stdout}\n${run.stderr}`);
    appDir = path.join(output, 'linux-unpacked');
    files = listPackage(path.join(appDir, 'resources/app.asar'), { isPack: false }).map((f) => f.replace(/\\/g, '/'));
  }, PACK_TIMEOUT_MS + 10_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('holds the built main, preload and renderer and package.json', () => {
    expect(files).toEqual(expect.arrayContaining(['/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/package.json']));
    expect(files.some((f) => /^\/out\/renderer\/assets\/index-[\w-]+\.js$/.test(f))).toBe(true);
  });

  it('holds every runtime dependency and no development one', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    for (const name of Object.keys(pkg.dependencies)) expect(files, name).toContain(`/node_modules/${name}/package.json`);
    for (const name of ['electron', 'react', 'vitest', '@playwright/test', 'electron-builder', 'typescript']) expect(files, name).not.toContain(`/node_modules/${name}`);
  });

  it('holds no source map, test, e2e folder or TypeScript source', () => {
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => /\.(test|spec)\.[^/]+$/.test(f))).toEqual([]);
    expect(files.filter((f) => /\/(e2e|docs)(\/|$)/.test(f) && !f.startsWith('/node_modules/'))).toEqual([]);
    expect(files.filter((f) => /\.(ts|tsx|mts|cts)$/.test(f))).toEqual([]);
    // Only the build output and package.json from the project itself.
    expect(files.filter((f) => !f.startsWith('/node_modules') && !f.startsWith('/out') && f !== '/package.json')).toEqual([]);
  });

  it('keeps everything inside the archive, where the integrity check covers it', () => {
    expect(readdirSync(path.join(appDir, 'resources'))).toEqual(['app.asar']);
  });

  it('ships only the German and English Chromium locales', () => {
    expect(readdirSync(path.join(appDir, 'locales')).sort()).toEqual(['de.pak', 'en-US.pak']);
  });

  it('has the hardening fuses flipped in the executable', async () => {
    const wire = await getCurrentFuseWire(path.join(appDir, 'outlook-doktor'));
    expect(wire[FuseV1Options.RunAsNode]).toBe(FUSE_OFF);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FUSE_OFF);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FUSE_OFF);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FUSE_OFF);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FUSE_ON);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FUSE_ON);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FUSE_ON);
  });
});
