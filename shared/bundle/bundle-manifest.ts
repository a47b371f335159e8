import { z } from 'zod';
import { ANONYMIZATION_KINDS, REDACTION_KINDS } from './bundle-input';

/**
 * manifest.json: every other entry with its size and SHA-256, who made the bundle and when, and
 * what was redacted.
 *
 * `formatVersion` changes only when an older reader would misunderstand a bundle; additions keep
 * the version (readers ignore fields they do not know).
 */
export const BUNDLE_FORMAT = 'outlook-doktor-bundle';
export const BUNDLE_FORMAT_VERSION = 1;

/** A manifest listing more entries than this is not one of ours. */
const MAX_MANIFEST_ENTRIES = 1000;

const count = z.number().int().nonnegative();

export const manifestEntrySchema = z.object({
  name: z.string().min(1).max(300),
  size: count,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** For `system/` entries: how the output came about. */
  command: z.string().optional(),
  exitCode: z.number().int().nullable().optional(),
  startedAt: z.string().optional(),
  durationMs: z.number().nonnegative().optional(),
});

export const bundleManifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.number().int().positive(),
  tool: z.object({
    name: z.string(),
    version: z.string(),
    commit: z.string().optional(),
    buildDate: z.string().optional(),
    platform: z.string().optional(),
  }),
  createdAt: z.iso.datetime({ offset: true }),
  /** Language of report.html. */
  lang: z.enum(['de', 'en']),
  reportSchemaVersion: z.number().int(),
  anonymized: z.boolean(),
  redactions: z.partialRecord(z.enum(REDACTION_KINDS), count),
  anonymizations: z.partialRecord(z.enum(ANONYMIZATION_KINDS), count).optional(),
  monitor: z.object({ lines: count, statistics: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).optional() }).optional(),
  entries: z.array(manifestEntrySchema).max(MAX_MANIFEST_ENTRIES),
});

export type BundleManifest = z.infer<typeof bundleManifestSchema>;
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;
