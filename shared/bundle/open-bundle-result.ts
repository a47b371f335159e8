import type { ChecklistAnswers } from '../model/checklist-answers';
import type { Report } from '../report/report-schema';
import type { BundleManifest } from './bundle-manifest';

/**
 * What opening a bundle gives the viewer: the contents, or a typed error with a message in both
 * languages.
 *
 * A bundle that opens can still fail verification (a checksum that does not match): the viewer
 * shows it as someone else's bundle and lists every problem, it never hides one.
 */
export const BUNDLE_OPEN_ERROR_KINDS = [
  'not-found',
  'too-large',
  'not-a-zip',
  'truncated',
  'too-many-entries',
  'unsafe-entry-name',
  'duplicate-entry',
  'unsupported-entry',
  'entry-too-large',
  'content-too-large',
  'corrupt',
  'missing-report',
  'invalid-json',
  'invalid-report',
  'invalid-manifest',
  'newer-version',
] as const;
export type BundleOpenErrorKind = (typeof BUNDLE_OPEN_ERROR_KINDS)[number];

export interface LocalizedMessage {
  de: string;
  en: string;
}

export interface BundleOpenError {
  kind: BundleOpenErrorKind;
  message: LocalizedMessage;
  /** The entry the problem is in, when it is about one. */
  entry?: string;
}

export type VerificationProblemKind = 'checksum-mismatch' | 'size-mismatch' | 'missing' | 'unlisted' | 'unexpected' | 'unreadable';

export interface VerificationProblem {
  entry: string;
  kind: VerificationProblemKind;
  message: LocalizedMessage;
}

export interface BundleEntryInfo {
  name: string;
  /** Uncompressed size as read (or as declared, for entries that were not read). */
  bytes: number;
  /** `verified`: matches the manifest; `mismatch`: does not; `unlisted`: not in the manifest; `skipped`: not ours, not read. */
  status: 'verified' | 'mismatch' | 'unlisted' | 'skipped';
}

export interface BundleVerification {
  /** `verified`: every entry matches the manifest; `problems`: see the list; `no-manifest`: nothing to check against. */
  status: 'verified' | 'problems' | 'no-manifest';
  problems: VerificationProblem[];
}

export interface OpenedBundle {
  fileBytes: number;
  report: Report;
  checklist: ChecklistAnswers | null;
  manifest: BundleManifest | null;
  /** Who made the bundle and when: from the manifest, else from the report. */
  origin: { toolVersion: string; createdAt: string; anonymized: boolean | null };
  entries: BundleEntryInfo[];
  verification: BundleVerification;
  /** The `system/` outputs, in zip order. */
  system: { name: string; text: string }[];
  monitorCsv: string | null;
  /** http.har: the number of HTTP exchanges it holds, or null when absent or unreadable. */
  har: { entries: number } | null;
}

export type OpenBundleResult = { ok: true; bundle: OpenedBundle } | { ok: false; error: BundleOpenError };
