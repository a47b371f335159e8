import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The Electron binary, when this machine has one. Found the way the `electron` package finds it
 * (`path.txt`, `ELECTRON_OVERRIDE_DIST_PATH`), but without requiring the package: its index
 * starts a download when the binary is missing, and a test must not reach the internet.
 */
export function electronBinary(): string | null {
  const pkg = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = path.join(pkg, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? path.join(override, relative ?? 'electron') : relative ? path.join(pkg, 'dist', relative) : null;
  return binary && existsSync(binary) ? binary : null;
}

/** Why Electron-only checks skip on a machine without the binary. */
export const NO_ELECTRON_REASON = 'no Electron binary on this machine (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1)';
