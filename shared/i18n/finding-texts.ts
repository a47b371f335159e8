import type { FindingId } from '../model/finding-catalog';

/**
 * The texts of one finding in one language.
 *
 * `detail` explains what was found and why Outlook shows "Getrennt" because of it; `user` are
 * the steps for the person at the computer ("Was Sie tun können"); `admin` the checks for IT
 * support. Placeholders `{{name}}` are filled from the rule's args.
 */
export interface FindingTexts {
  title: string;
  detail: string;
  user: string[];
  admin: string[];
  /**
   * Why the severity is lower than the catalog's: appended to `detail` when the rule lowered it
   * (it then sets the arg `lowered`).
   */
  lowered?: string;
}

export type FindingTextTable = Partial<Record<FindingId, FindingTexts>>;
