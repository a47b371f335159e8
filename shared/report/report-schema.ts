import { z } from 'zod';
import { FINDING_IDS } from '../model/finding-catalog';
import { SECTION_IDS } from '../model/sections';

/**
 * The report of `../shared/spec/cli-and-report.md`, schemaVersion 1, as a zod schema.
 *
 * The JSON Schema shipped in `shared/report/report.schema.json` is generated from this one
 * (`npm run gen:schema`); a test keeps both in step and validates real output against the JSON
 * file with an independent validator. Fields beyond the contract are extensions: they add, never
 * change a meaning. Unknown finding ids and extra fields from newer tools are accepted when
 * reading, so a bundle from a newer version still opens.
 */
export const REPORT_SCHEMA_VERSION = 1;

const isoDate = z.iso.datetime({ offset: true });

export const findingSchema = z.object({
  id: z.string().min(1),
  severity: z.enum(['problem', 'warning', 'info']),
  section: z.enum(SECTION_IDS),
  title: z.string(),
  detail: z.string(),
  userAction: z.string(),
  adminAction: z.string(),
  evidence: z.array(z.string()),
  /** Extension: the values the texts were made from, so another language can be rendered. */
  args: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /** Extension: set when a rule lowered the catalog severity, with the reason in the detail. */
  defaultSeverity: z.enum(['problem', 'warning', 'info']).optional(),
});

export const sectionSchema = z.object({
  id: z.enum(SECTION_IDS),
  status: z.enum(['ok', 'warning', 'problem', 'not-checked']),
  findings: z.array(z.string()),
});

export const probeSchema = z.object({
  id: z.string(),
  kind: z.string(),
  target: z.string(),
  status: z.enum(['ok', 'fail', 'timeout', 'skipped']),
  startedAt: isoDate,
  durationMs: z.number().nonnegative(),
  summary: z.string(),
  data: z.record(z.string(), z.unknown()).optional(),
  /** Extension: the probe definition this instance belongs to. */
  probe: z.string().optional(),
  /** Extension: the instances this one waited for. */
  after: z.array(z.string()).optional(),
});

/**
 * Extension: a bug the run met (a rule that threw, a failure while probing or building the
 * report). The report is still valid, but incomplete where these say; the command line then
 * exits 70.
 */
export const internalErrorSchema = z.object({
  /** `rule`: a diagnosis rule threw (its id, its section); `run`: the run itself failed. */
  source: z.enum(['rule', 'run']),
  id: z.string().optional(),
  section: z.enum(SECTION_IDS).optional(),
  message: z.string(),
});

export const reportSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  tool: z.object({
    name: z.literal('outlook-doktor'),
    version: z.string(),
    /** Extensions: build provenance. */
    commit: z.string().optional(),
    buildDate: z.string().optional(),
    platform: z.string().optional(),
  }),
  startedAt: isoDate,
  finishedAt: isoDate,
  durationMs: z.number().nonnegative(),
  input: z.object({
    email: z.string().optional(),
    server: z.string().optional(),
    /** Extensions: the other run options (never a password). */
    dnsServers: z.array(z.string()).optional(),
    connectivityUrl: z.string().optional(),
    proxy: z.string().optional(),
    user: z.string().optional(),
    timeoutSeconds: z.number().optional(),
    lang: z.enum(['de', 'en']).optional(),
  }),
  verdict: z.enum(['ok', 'warning', 'problem']),
  findings: z.array(findingSchema),
  sections: z.array(sectionSchema).length(SECTION_IDS.length),
  probes: z.array(probeSchema),
  internalErrors: z.array(internalErrorSchema).optional(),
});

export type Report = z.infer<typeof reportSchema>;
export type ReportFinding = z.infer<typeof findingSchema>;
export type ReportSection = z.infer<typeof sectionSchema>;
export type ReportProbe = z.infer<typeof probeSchema>;
export type ReportInternalError = z.infer<typeof internalErrorSchema>;

/** Known finding ids, for consumers that want to flag ids from a newer catalog. */
export const KNOWN_FINDING_IDS: readonly string[] = FINDING_IDS;
