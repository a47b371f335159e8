import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readZipEntries } from '../../e2e/support/zip-entries';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'dist/cli/outlook-doktor.mjs');
const MAIN = path.join(ROOT, 'out/main/index.js');

/** Loopback only: a refused port for the server, DNS and the connectivity check. */
const LOOPBACK = ['--server', '127.0.0.1:9', '--dns-server', '127.0.0.1:9', '--connectivity-url', 'http://127.0.0.1:9/connecttest.txt', '--no-proxy', '--timeout', '5'];

function assertBuilt(): void {
  for (const file of [CLI, MAIN]) if (!existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: run \`npm run build\` first (npm test builds it)`);
}

/**
 * The build's version, commit and date as the bundler injected them (`build-info.config.ts`),
 * checked in what ships: the built command line (`--version`, the report's `tool`) and the
 * built main process (the About dialog and `app:info` read the same constant).
 */
describe('version, commit and build date in the build', () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

  it('are in every report the command line writes, and in --version', () => {
    assertBuilt();
    const run = spawnSync(process.execPath, [CLI, 'diagnose', ...LOOPBACK, '--json', '-'], { encoding: 'utf8', timeout: 30_000 });
    const report = JSON.parse(run.stdout) as { tool: { name: string; version: string; commit: string; buildDate: string; platform: string } };
    expect(report.tool).toMatchObject({ name: 'outlook-doktor', version: pkg.version });
    expect(report.tool.commit).toMatch(/^([0-9a-f]{12}|unknown)$/);
    expect(new Date(report.tool.buildDate).toISOString()).toBe(report.tool.buildDate);
    expect(report.tool.platform).toContain(`node-${process.versions.node}`);

    const version = spawnSync(process.execPath, [CLI, '--version'], { encoding: 'utf8', timeout: 10_000 });
    expect(version.stdout).toBe(`outlook-doktor ${pkg.version} (${report.tool.commit}, ${report.tool.buildDate})\n`);

    // A real commit of this repository, when the build ran in a checkout.
    const git = spawnSync('git', ['cat-file', '-t', report.tool.commit], { cwd: ROOT, encoding: 'utf8' });
    if (report.tool.commit !== 'unknown' && git.status !== null && !git.error) expect(git.stdout.trim()).toBe('commit');
  });

  it('are in the text summary (standard output, the ticket text), report.html and LIESMICH.txt', async () => {
    assertBuilt();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'od-build-info-'));
    try {
      const bundle = path.join(dir, 'bundle.zip');
      const run = spawnSync(process.execPath, [CLI, 'diagnose', ...LOOPBACK, '--bundle', bundle], { encoding: 'utf8', timeout: 30_000 });
      const entries = await readZipEntries(bundle);
      const report = JSON.parse(entries.get('report.json')!.toString('utf8')) as { tool: { version: string; commit: string; buildDate: string } };
      const { version, commit, buildDate } = report.tool;
      expect(version).toBe(pkg.version);

      expect(run.stdout.split('\n')).toContain(`Outlook-Doktor ${version} (${commit}, ${buildDate})`);
      // German by default; the footer of report.html.
      expect(entries.get('report.html')!.toString('utf8')).toContain(`Erstellt mit Outlook-Doktor ${version} (Stand ${commit}, Build vom ${buildDate},`);
      // LIESMICH.txt wraps its lines at 78 characters, in German and then in English.
      const readme = entries.get('LIESMICH.txt')!.toString('utf8').replace(/\s+/g, ' ');
      expect(readme).toContain(`Outlook-Doktor ${version} (Stand ${commit}, Build vom ${buildDate}) am `);
      expect(readme).toContain(`Outlook-Doktor ${version} (commit ${commit}, built ${buildDate}) made this bundle`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('are in the built main process (About dialog, app:info), the same for the app built alongside', () => {
    assertBuilt();
    const main = readFileSync(MAIN, 'utf8');
    // The bundler inlines the constant (often spread into toolInfo()'s object literal).
    const injected = /"?version"?\s*:\s*"([^"]+)"\s*,\s*"?commit"?\s*:\s*"([^"]+)"\s*,\s*"?buildDate"?\s*:\s*"([^"]+)"/.exec(main);
    expect(injected, 'no build info object in out/main/index.js').not.toBeNull();
    const [, version, commit, buildDate] = injected!;
    expect(version).toBe(pkg.version);
    expect(commit).toMatch(/^([0-9a-f]{12}|unknown)$/);
    expect(new Date(buildDate!).toISOString()).toBe(buildDate);
  });
});
