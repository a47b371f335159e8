import { existsSync, renameSync, rmSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * The app's log files: `app.log` and its rotated predecessors `app.1.log` (newest) … `app.N.log`.
 *
 * Rotation renames instead of copying, so it is cheap and atomic per file; it runs synchronously
 * because the logging library calls it between two writes.
 */

/** Largest part of the logs that goes into a bundle: the newest lines, enough for days of normal use. */
export const MAX_BUNDLE_LOG_BYTES = 512 * 1024;

/** The current file first, then the rotated ones from newest to oldest. */
export function logFileSet(file: string, keep: number): string[] {
  const { dir, name, ext } = path.parse(file);
  return [file, ...Array.from({ length: keep }, (_, i) => path.join(dir, `${name}.${i + 1}${ext}`))];
}

/** Shifts `app.log` → `app.1.log` → … and drops the oldest; returns false when the current file could not be moved. */
export function rotateLogFiles(file: string, keep: number): boolean {
  const files = logFileSet(file, keep);
  try {
    if (keep < 1) {
      rmSync(file, { force: true });
      return true;
    }
    rmSync(files[keep]!, { force: true });
    for (let i = keep - 1; i >= 0; i -= 1) {
      if (existsSync(files[i]!)) renameSync(files[i]!, files[i + 1]!);
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * The newest `maxBytes` of the logs, oldest line first, for the bundle's `logs/app.log`; null
 * when there is no log at all. A cut starts at a line boundary and says so.
 */
export async function readLogTail(files: readonly string[], maxBytes = MAX_BUNDLE_LOG_BYTES): Promise<string | null> {
  const parts: string[] = [];
  let budget = maxBytes;
  let cut = false;
  let found = false;
  for (const file of files) {
    if (budget <= 0) {
      cut ||= existsSync(file);
      break;
    }
    let size: number;
    try {
      size = (await stat(file)).size;
    } catch {
      continue;
    }
    found = true;
    const length = Math.min(size, budget);
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(length);
      await handle.read(buffer, 0, length, size - length);
      let text = buffer.toString('utf8');
      if (length < size) {
        cut = true;
        // Drop the partial first line (and a split UTF-8 character with it).
        const newline = text.indexOf('\n');
        text = newline >= 0 ? text.slice(newline + 1) : '';
      }
      parts.unshift(text.endsWith('\n') || text === '' ? text : `${text}\n`);
    } finally {
      await handle.close();
    }
    budget -= length;
  }
  if (!found) return null;
  return `${cut ? '[… ältere Zeilen ausgelassen / older lines left out]\n' : ''}${parts.join('')}`;
}
