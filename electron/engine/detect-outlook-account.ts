import type { CommandSource } from './collectors/run-command';
import { runCollector, type CollectorCommand } from './collectors/collector';
import { outlookAccountCollector } from './collectors/outlook-account';
import { deadlineSignal } from './net/deadline-signal';

/**
 * Reading two registry keys takes well under a second; three seconds keep the start of a
 * command line run (or the app's start screen) from waiting on a stuck registry.
 */
export const DETECT_OUTLOOK_ACCOUNT_TIMEOUT_MS = 3_000;

/** The Exchange account of the default Outlook profile: what fills `--email`/`--server` when missing. */
export interface OutlookAccount {
  profile: string;
  email?: string;
  /** Exchange host name (from the profile's MAPI over HTTP URL or Outlook Anywhere server). */
  server?: string;
}

/**
 * Finds the Exchange account of the user's default Outlook profile (Windows only).
 *
 * Used by the command line so `--server`/`--email` are optional when a profile is found, and by
 * the app to fill its start screen. Returns null on other platforms (without running anything),
 * without a profile, and when the registry cannot be read in time; never throws.
 */
export async function detectOutlookAccount(
  options: { platform?: NodeJS.Platform; signal?: AbortSignal; resolveSource?: (command: CollectorCommand, index: number) => CommandSource } = {},
): Promise<OutlookAccount | null> {
  const platform = options.platform ?? process.platform;
  if (platform !== 'win32') return null;
  const deadline = deadlineSignal(options.signal, DETECT_OUTLOOK_ACCOUNT_TIMEOUT_MS, 'Outlook profile');
  try {
    const outcome = await runCollector(outlookAccountCollector, {
      signal: deadline.signal,
      addArtifact: () => {},
      platform,
      ...(options.resolveSource ? { resolveSource: options.resolveSource } : {}),
    });
    const primary = outcome.data.parsed?.primary;
    if (!primary || (!primary.smtpAddress && !primary.server)) return null;
    return {
      profile: primary.profile,
      ...(primary.smtpAddress ? { email: primary.smtpAddress } : {}),
      ...(primary.server ? { server: primary.server } : {}),
    };
  } catch {
    return null;
  } finally {
    deadline.clear();
  }
}
