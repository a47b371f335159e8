import type { AppDefaults } from '../../../shared/ipc/api';
import { checkEmail, checkHost } from '../../../shared/validate';
import { runCollector, type CollectorCommand } from '../collectors/collector';
import type { CommandSource } from '../collectors/run-command';
import { whoamiUpnCollector } from '../collectors/whoami-upn';
import { detectOutlookAccount } from '../detect-outlook-account';
import { deadlineSignal } from '../net/deadline-signal';

/**
 * The start screen shows "loading" until this answer comes: both lookups usually take a fraction
 * of a second; beyond three seconds the user is better off typing.
 */
export const APP_DEFAULTS_TIMEOUT_MS = 3_000;

export interface AppDefaultsOptions {
  /** Platform to behave as (default: this one); only Windows has a profile to read. */
  platform?: NodeJS.Platform;
  /** Replaces a command's program (tests: a stand-in printing a recorded output); see `command.artifact`. */
  resolveSource?: (command: CollectorCommand, index: number) => CommandSource;
  timeoutMs?: number;
}

/**
 * The `app:defaults` answer: the mailbox address and Exchange server where the system tells
 * them, to prefill the start screen.
 *
 * Windows only: the default Outlook profile's Exchange account (`detectOutlookAccount`, as the
 * command line uses it), and the signed-in user's UPN (`whoami /upn`) as the address when the
 * profile has none. Both run at once under one short deadline; whatever does not validate like
 * typed input is left out. Never throws: any trouble gives `{}`, and the user types.
 */
export async function appDefaults(options: AppDefaultsOptions = {}): Promise<AppDefaults> {
  const platform = options.platform ?? process.platform;
  if (platform !== 'win32') return {};
  const deadline = deadlineSignal(undefined, options.timeoutMs ?? APP_DEFAULTS_TIMEOUT_MS, 'start screen defaults');
  const resolve = options.resolveSource ? { resolveSource: options.resolveSource } : {};
  try {
    // In parallel, not as a fallback after the profile: the start screen waits for the slower one.
    const [account, upn] = await Promise.all([
      detectOutlookAccount({ platform, signal: deadline.signal, ...resolve }).catch(() => null),
      runCollector(whoamiUpnCollector, { signal: deadline.signal, addArtifact: () => {}, platform, ...resolve }).then(
        (outcome) => outcome.data.parsed?.upn ?? null,
        () => null,
      ),
    ]);
    const email = [account?.email, upn ?? undefined].map(validEmail).find((e) => e !== undefined);
    const server = account?.server === undefined ? undefined : validHost(account.server);
    return { ...(email ? { email } : {}), ...(server ? { server } : {}) };
  } catch {
    return {};
  } finally {
    deadline.clear();
  }
}

function validEmail(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const checked = checkEmail(raw);
  return checked.ok ? checked.value : undefined;
}

function validHost(raw: string): string | undefined {
  const checked = checkHost(raw);
  return checked.ok ? checked.value : undefined;
}
