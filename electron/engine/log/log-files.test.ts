import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logFileSet, readLogTail, rotateLogFiles } from './log-files';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'od-logs-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('log rotation', () => {
  it('shifts app.log to app.1.log and so on, keeping only the newest few', () => {
    const file = path.join(dir, 'app.log');
    for (let i = 1; i <= 5; i += 1) {
      writeFileSync(file, `generation ${i}\n`);
      expect(rotateLogFiles(file, 3)).toBe(true);
    }
    expect(existsSync(file)).toBe(false);
    expect(logFileSet(file, 3).slice(1).map((f) => readFileSync(f, 'utf8'))).toEqual(['generation 5\n', 'generation 4\n', 'generation 3\n']);
    expect(existsSync(path.join(dir, 'app.4.log'))).toBe(false);
  });
});

describe('readLogTail (for the bundle)', () => {
  it('gives the newest lines, oldest first, across rotated files', async () => {
    const [current, first, second] = logFileSet(path.join(dir, 'app.log'), 2) as [string, string, string];
    writeFileSync(second, 'a1\na2\n');
    writeFileSync(first, 'b1\nb2\n');
    writeFileSync(current, 'c1\nc2');
    expect(await readLogTail([current, first, second])).toBe('a1\na2\nb1\nb2\nc1\nc2\n');
  });

  it('cuts at a line boundary within the byte budget and says so', async () => {
    const [current, first] = logFileSet(path.join(dir, 'app.log'), 1) as [string, string];
    writeFileSync(first, 'old line that will not fit\n');
    writeFileSync(current, 'ä'.repeat(10) + '\nline two\nline three\n');
    const tail = await readLogTail([current, first], 25);
    expect(tail).toBe('[… ältere Zeilen ausgelassen / older lines left out]\nline two\nline three\n');
  });

  it('is null when no log exists yet', async () => {
    expect(await readLogTail(logFileSet(path.join(dir, 'app.log'), 3))).toBeNull();
  });
});
