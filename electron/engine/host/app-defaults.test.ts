import { describe, expect, it } from 'vitest';
import { collectorFixturePath } from '../../../e2e/fixtures/collectors';
import { appDefaultsSchema } from '../../../shared/ipc/schemas';
import type { CollectorCommand } from '../collectors/collector';
import type { CommandSource } from '../collectors/run-command';
import { appDefaults } from './app-defaults';

/**
 * Small system programs stand in for reg.exe and whoami.exe: `cat` prints a recorded output, `sh`
 * prints one to standard error and exits with the given code, `sleep` hangs. They start in
 * milliseconds even on a busy machine, so the deadline test does not depend on load.
 */
type Recording = { fixture: string; to?: 'stdout' | 'stderr'; exitCode?: number } | 'missing' | 'hangs' | { text: string };

function standIns(recordings: Record<string, Recording>): (command: CollectorCommand) => CommandSource {
  return (command) => {
    const recording = recordings[command.artifact] ?? 'missing';
    if (recording === 'missing') return { kind: 'program', program: ['outlook-doktor-no-such-program'], args: [] };
    if (recording === 'hangs') return { kind: 'program', program: ['/bin/sleep'], args: ['60'] };
    if ('text' in recording) return { kind: 'program', program: ['/usr/bin/printf'], args: ['%s', recording.text] };
    const file = collectorFixturePath(recording.fixture);
    if (recording.to !== 'stderr' && !recording.exitCode) return { kind: 'program', program: ['/bin/cat'], args: [file] };
    return { kind: 'program', program: ['/bin/sh'], args: ['-c', `cat "$1" >&${recording.to === 'stderr' ? 2 : 1}; exit ${recording.exitCode ?? 0}`, 'stand-in', file] };
  };
}

const PROFILE: Record<string, Recording> = {
  'system/reg-outlook-default-profile.txt': { fixture: 'windows/reg-outlook-default-profile.txt' },
  'system/reg-outlook-profiles.txt': { fixture: 'windows/reg-outlook-profiles.txt' },
};
const UPN: Record<string, Recording> = { 'system/whoami-upn.txt': { fixture: 'windows/whoami-upn-en.txt' } };
const LOCAL_ACCOUNT: Record<string, Recording> = {
  'system/whoami-upn.txt': { fixture: 'windows/whoami-upn-de-local-account.stderr.txt', to: 'stderr', exitCode: 1 },
};

describe('appDefaults (start screen prefill)', () => {
  it('takes address and server from the default Outlook profile, before the signed-in UPN', async () => {
    const defaults = await appDefaults({ platform: 'win32', resolveSource: standIns({ ...PROFILE, ...UPN }) });
    expect(defaults).toEqual({ email: 'alice.example@contoso.com', server: 'mail.contoso.com' });
    expect(appDefaultsSchema.parse(defaults)).toEqual(defaults);
  });

  it('falls back to whoami /upn for the address when there is no profile', async () => {
    expect(await appDefaults({ platform: 'win32', resolveSource: standIns(UPN) })).toEqual({ email: 'alice@contoso.com' });
  });

  it('gives nothing without a profile for a local account (whoami exits 1)', async () => {
    expect(await appDefaults({ platform: 'win32', resolveSource: standIns(LOCAL_ACCOUNT) })).toEqual({});
    expect(await appDefaults({ platform: 'win32', resolveSource: standIns({ ...PROFILE, ...LOCAL_ACCOUNT }) })).toEqual({
      email: 'alice.example@contoso.com',
      server: 'mail.contoso.com',
    });
  });

  it('leaves out what would not pass as typed input', async () => {
    // whoami prints the UPN as stored; one without a dotted domain is no mailbox address.
    for (const text of ['alice@contoso\r\n', 'alice@192.0.2.7\r\n', `${'a'.repeat(65)}@contoso.com\r\n`]) {
      expect(await appDefaults({ platform: 'win32', resolveSource: standIns({ 'system/whoami-upn.txt': { text } }) }), text).toEqual({});
    }
  });

  it('answers within its deadline with what it has when a command hangs', async () => {
    // Long enough for the stand-ins on a busy machine, far below the hanging one's minute.
    const deadlineMs = 1_500;
    const started = performance.now();
    const defaults = await appDefaults({ platform: 'win32', timeoutMs: deadlineMs, resolveSource: standIns({ ...PROFILE, 'system/whoami-upn.txt': 'hangs' }) });
    expect(performance.now() - started).toBeLessThan(deadlineMs + 2_000);
    expect(defaults).toEqual({ email: 'alice.example@contoso.com', server: 'mail.contoso.com' });
    expect(await appDefaults({ platform: 'win32', timeoutMs: 300, resolveSource: standIns({ 'system/reg-outlook-profiles.txt': 'hangs', 'system/whoami-upn.txt': 'hangs' }) })).toEqual({});
  });

  it('runs nothing on other platforms', async () => {
    let asked = false;
    const defaults = await appDefaults({
      platform: 'linux',
      resolveSource: () => {
        asked = true;
        return { kind: 'program', program: ['/bin/true'], args: [] };
      },
    });
    expect(defaults).toEqual({});
    expect(asked).toBe(false);
  });

  it('never throws, even when the stand-in itself breaks', async () => {
    const broken = () => {
      throw new Error('no source');
    };
    await expect(appDefaults({ platform: 'win32', resolveSource: broken })).resolves.toEqual({});
  });
});
