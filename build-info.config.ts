import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * Version, commit and build date injected into every bundle as `__BUILD_INFO__`.
 *
 * The commit comes from git when the build runs in a checkout; SOURCE_DATE_EPOCH makes the date
 * reproducible.
 */
export function buildInfo(): { version: string; commit: string; buildDate: string } {
  const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
  let commit = process.env.OUTLOOK_DOKTOR_COMMIT ?? 'unknown';
  if (commit === 'unknown') {
    try {
      commit = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      // Not a checkout (a source tarball): the version alone identifies the build.
    }
  }
  const epoch = process.env.SOURCE_DATE_EPOCH ? Number(process.env.SOURCE_DATE_EPOCH) * 1000 : Date.now();
  return { version: pkg.version, commit, buildDate: new Date(epoch).toISOString() };
}

export function buildInfoDefine(): Record<string, string> {
  return { __BUILD_INFO__: JSON.stringify(buildInfo()) };
}
