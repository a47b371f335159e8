import type { ChecklistAnswers } from '../model/checklist-answers';
import type { Report } from '../report/report-schema';

/**
 * The raw output of one system command (ipconfig /all, route print, …) collected during a run.
 *
 * The system collectors produce these; the bundle stores each as `system/<path>` with its
 * command line, exit code and time at the top.
 */
export interface SystemArtifact {
  /** Name inside the bundle, e.g. `system/ipconfig-all.txt` or `ipconfig-all.txt` (made safe when written). */
  path: string;
  /** The command line as run, e.g. `ipconfig /all`. */
  commandLine: string;
  /** `null` when the command could not be started or was killed. */
  exitCode: number | null;
  startedAt?: string;
  durationMs: number;
  /** Standard output, decoded to text. */
  text: string;
  /** Standard error, when the command wrote any. */
  stderr?: string;
  /** The output was longer than the collector's cap and was cut. */
  truncated?: boolean;
  /** Why the command failed to run, if it did. */
  error?: string;
}

/** Figures of a monitor session, shown in report.html; keys are rendered through `bundle/monitorStat/<key>` when known. */
export type MonitorStatistics = Record<string, string | number | null>;

export interface MonitorData {
  /** The monitor log as written by the monitor (one line per request). */
  csv: string;
  statistics?: MonitorStatistics;
}

/** Everything a bundle is made from. The report is the source of the probes, the HAR and the HTML. */
export interface BundleInput {
  report: Report;
  checklist?: ChecklistAnswers;
  artifacts?: readonly SystemArtifact[];
  monitor?: MonitorData;
  /** The app's log file (its newest part), for `logs/app.log`; redacted like every other entry. */
  log?: string;
}

/** What the redaction removed, per kind; the manifest and the preview show it. */
export const REDACTION_KINDS = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'auth-token',
  'url-token',
  'password',
  'secret-field',
] as const;
export type RedactionKind = (typeof REDACTION_KINDS)[number];
export type RedactionCounts = Record<RedactionKind, number>;

export const ANONYMIZATION_KINDS = ['user', 'mailbox', 'computer'] as const;
export type AnonymizationKind = (typeof ANONYMIZATION_KINDS)[number];
export type AnonymizationCounts = Record<AnonymizationKind, number>;

/** One line of the export preview: what goes into the zip. */
export interface BundlePreviewEntry {
  name: string;
  /** Uncompressed size in bytes (exact for the content as it would be written now). */
  bytes: number;
  /** What the entry is, in the requested language. */
  description: string;
}

export interface BundlePreview {
  entries: BundlePreviewEntry[];
  /** Sum of the entries' sizes; the zip is smaller (compressed). */
  totalBytes: number;
  redactions: RedactionCounts;
  anonymized: boolean;
  anonymizations: AnonymizationCounts | null;
  /** Suggested file name with date and time, for the save dialog. */
  suggestedName: string;
}
