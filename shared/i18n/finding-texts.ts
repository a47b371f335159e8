import type { FindingId } from '../model/finding-catalog';

/**
 * The texts of one finding in one language.
 *
 * `detail` explains what was found and why Outlook shows "Getrennt" because of it; `user` are
 * the steps for the person at the computer ("Was Sie tun können"); `admin` the checks for IT
 * support. Placeholders `{{name}}` are filled from the rule's args (`{{name, datetime}}` formats
 * an epoch-ms arg as a local date, `{{name, number}}` a number with the language's separators).
 */
export interface FindingTexts {
  title: string;
  detail: string;
  user: string[];
  admin: string[];
  /**
   * Sentences appended to `detail` when the rule's args name them: the arg `note` names one or
   * more (comma-separated) variants of what was found, the arg `lowered` the sentence that says
   * why the severity is lower than the catalog's (see `RuleHit.severity`).
   */
  notes?: Record<string, string>;
  /**
   * The one sentence on why the severity is lower than the catalog's, for findings with a single
   * reason: appended when the arg `lowered` is set and `notes` has no entry of that name.
   */
  lowered?: string;
}

/** The keys of `notes` that a finding's args select, in the order they are appended. */
export function selectedNotes(args: Record<string, string | number>): string[] {
  const keys = String(args.note ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  if (typeof args.lowered === 'string' && args.lowered) keys.push(args.lowered);
  return keys;
}

export type FindingTextTable = Partial<Record<FindingId, FindingTexts>>;
