import type { AppDefaults } from '../../../shared/ipc/api';

/**
 * The `app:defaults` answer: the mailbox address and Exchange server where the system tells
 * them, to prefill the start screen.
 *
 * Nothing yet: the collectors that read the Outlook profile (and the signed-in account) come
 * with their own issue and fill this in for both hosts at once.
 */
export async function appDefaults(): Promise<AppDefaults> {
  return {};
}
