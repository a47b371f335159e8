import { describe, expect, it } from 'vitest';
import { MAX_CONCURRENT_COMMANDS, commandLineOf, commandsRunning, runCommand } from './run-command';

const node = (code: string) => ({ kind: 'program' as const, program: [process.execPath], args: ['-e', code] });

describe('runCommand', () => {
  it('runs no more than the limit of commands at once, and the rest after them', async () => {
    let most = 0;
    const sampler = setInterval(() => (most = Math.max(most, commandsRunning())), 5);
    const results = await Promise.all(
      Array.from({ length: MAX_CONCURRENT_COMMANDS + 4 }, (_, i) =>
        runCommand(node(`setTimeout(() => process.stdout.write('${i}'), 150)`), { signal: AbortSignal.timeout(20_000), maxOutputBytes: 100 }),
      ),
    );
    clearInterval(sampler);
    expect(results.map((r) => r.stdout.toString())).toEqual(Array.from({ length: MAX_CONCURRENT_COMMANDS + 4 }, (_, i) => String(i)));
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(MAX_CONCURRENT_COMMANDS);
    expect(commandsRunning()).toBe(0);
  });

  it('gives up a queued command when its time is up, without starting it', async () => {
    const blockers = Array.from({ length: MAX_CONCURRENT_COMMANDS }, () =>
      runCommand(node('setTimeout(() => {}, 600)'), { signal: AbortSignal.timeout(20_000), maxOutputBytes: 100 }),
    );
    const queued = await runCommand(node("process.stdout.write('ran')"), { signal: AbortSignal.timeout(100), maxOutputBytes: 100 });
    expect(queued).toMatchObject({ outcome: 'timeout', exitCode: null });
    expect(queued.stdout.length).toBe(0);
    await Promise.all(blockers);
  });

  it('reads a file source, and reports a missing one as not available', async () => {
    const ok = await runCommand({ kind: 'file', path: '/proc/self/status' }, { signal: AbortSignal.timeout(5000), maxOutputBytes: 16 });
    if (process.platform === 'linux') expect(ok).toMatchObject({ outcome: 'ok', truncated: true, commandLine: 'read /proc/self/status' });
    const missing = await runCommand({ kind: 'file', path: '/nonexistent/outlook-doktor' }, { signal: AbortSignal.timeout(5000), maxOutputBytes: 16 });
    expect(missing).toMatchObject({ outcome: 'not-available', error: expect.stringContaining('not available on this system') as string });
  });

  it('shows Windows programs by name and quotes arguments with blanks', () => {
    expect(commandLineOf('C:\\Windows\\System32\\reg.exe', ['query', 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\ZoneMap', '/s'])).toBe(
      'reg.exe query "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\ZoneMap" /s',
    );
    expect(commandLineOf('/usr/sbin/ip', ['-j', 'addr'])).toBe('/usr/sbin/ip -j addr');
  });
});
