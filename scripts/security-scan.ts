import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scanBuiltApp } from './electronegativity-scan';

/**
 * `npm run test:security`: electronegativity over the built app (main, preload, renderer in
 * `out/`), failing on any HIGH finding or on a file it could not parse.
 *
 * The scanner reaches out to the internet on every run (translations, Electron's release list),
 * so the script re-runs itself in a network namespace with nothing but a loopback that is down:
 * `unshare -n` as root (CI), `unshare -rn` otherwise. There every connection fails at once,
 * where scripts/offline.sh's dead LAN would make the scanner wait for TCP timeouts.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// `--input DIR` scans another build (the scanner's own test uses it); `out/` by default.
const inputFlag = process.argv.indexOf('--input');
const OUT = inputFlag > 0 && process.argv[inputFlag + 1] ? path.resolve(process.argv[inputFlag + 1]!) : path.join(ROOT, 'out');

const ISOLATED_ENV = 'OUTLOOK_DOKTOR_SCAN_ISOLATED';

function isolated(): boolean {
  return process.env[ISOLATED_ENV] === '1';
}

function reexecIsolated(): number {
  const flags = process.getuid?.() === 0 ? ['-n'] : ['-rn'];
  const result = spawnSync('unshare', [...flags, '--', process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, [ISOLATED_ENV]: '1' },
  });
  if (result.error || result.status === null) {
    console.error('security scan: cannot create a network namespace (needs root or unprivileged `unshare -rn`); electronegativity must not reach the internet.');
    return 1;
  }
  return result.status;
}

async function main(): Promise<number> {
  if (!isolated()) return reexecIsolated();
  for (const part of ['main/index.js', 'preload/index.cjs', 'renderer/index.html']) {
    if (!existsSync(path.join(OUT, part))) {
      console.error(`security scan: out/${part} is missing; run \`npm run build\` first`);
      return 1;
    }
  }
  const electronVersion = (JSON.parse(readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
  const result = await scanBuiltApp(OUT, electronVersion);
  const rank = { HIGH: 0, MEDIUM: 1, LOW: 2, INFORMATIONAL: 3 } as const;
  console.log(`electronegativity: ${result.checks} checks over ${path.relative(ROOT, OUT) || OUT} (Electron ${electronVersion})`);
  for (const issue of [...result.issues].sort((a, b) => rank[a.severity] - rank[b.severity])) {
    console.log(`  ${issue.severity.padEnd(13)} ${issue.confidence.padEnd(9)} ${issue.id}  ${issue.file}:${issue.line}${issue.manualReview ? '  (review)' : ''}`);
  }
  for (const error of result.errors) console.log(`  PARSE ERROR   ${error.file}: ${error.message}`);
  const high = result.issues.filter((i) => i.severity === 'HIGH');
  if (high.length > 0 || result.errors.length > 0) {
    console.error(`security scan failed: ${high.length} HIGH finding(s), ${result.errors.length} file(s) not scanned`);
    return 1;
  }
  console.log('security scan: no HIGH finding');
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`security scan: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  },
);
