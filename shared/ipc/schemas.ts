import { z } from 'zod';
import { ANONYMIZATION_KINDS, REDACTION_KINDS, type BundlePreview } from '../bundle/bundle-input';
import { BUNDLE_OPEN_ERROR_KINDS } from '../bundle/open-bundle-result';
import type { ViewedBundle } from '../bundle/viewed-bundle';
import { checklistAnswersSchema as wizardAnswersSchema } from '../checklist/answers-schema';
import { LANGS } from '../i18n';
import { checklistAnswersSchema as storedAnswersSchema } from '../model/checklist-answers';
import { reportSchema } from '../report/report-schema';
import type { InputProblem } from '../validate';
import type { DiagnosisEvent, MonitorEventPayload } from './api';
import type { EventChannel, InvokeChannel } from './channels';
import { MAX_CLIPBOARD_TEXT, MAX_EMAIL_INPUT, MAX_FILE_PATH, MAX_SERVER_INPUT } from './limits';
import {
  markerEventSchema,
  monitorEventSchema,
  monitorIdSchema,
  monitorMarkRequestSchema,
  monitorSnapshotSchema,
  monitorStartRequestSchema,
  monitorStartResponseSchema,
  monitorStopRequestSchema,
} from './monitor-schemas';

/**
 * Zod schemas of every IPC payload, keyed by channel (GitHub Desktop's `ipc-shared.ts` idea with
 * runtime checks).
 *
 * The host validates every request with these before it acts, whatever the page sent; the types
 * of the typed API in `api.ts` are inferred from them, so the contract cannot drift from the
 * check. Requests are strict objects: an extra field (say, a DNS server smuggled in by a page) is
 * a rejection, not something silently ignored.
 */

const lang = z.enum(LANGS);

/** Chosen by the page, so it can attribute events that arrive before `diagnosis:start` answers. */
export const runIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export const INPUT_PROBLEMS = [
  'empty',
  'too-long',
  'email-no-at',
  'email-local-part',
  'host-invalid',
  'host-has-path',
  'url-scheme',
  'port-invalid',
  'ip-invalid',
] as const satisfies readonly InputProblem[];
// Fails to compile when validate.ts gains a problem this list lacks.
const inputProblemsComplete: Exclude<InputProblem, (typeof INPUT_PROBLEMS)[number]> extends never ? true : false = true;
void inputProblemsComplete;

export function isInputProblem(value: string): value is InputProblem {
  return (INPUT_PROBLEMS as readonly string[]).includes(value);
}

export const START_PROBLEMS = [...INPUT_PROBLEMS, 'missing', 'busy', 'duplicate-run', 'config'] as const;
export type StartProblem = (typeof START_PROBLEMS)[number];

const empty = z.strictObject({});

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  commit: z.string(),
  buildDate: z.string(),
  platform: z.string(),
  /** Which host the page runs in. */
  shell: z.enum(['electron', 'web']),
  /**
   * Features that arrive in later versions (bundle export, monitor): the page shows their buttons
   * disabled with an explanation until the host says it has them.
   */
  capabilities: z.object({ bundleExport: z.boolean(), monitor: z.boolean() }),
  /** The bridge was started with test options (never in the desktop app). */
  testMode: z.boolean(),
});

export const appDefaultsSchema = z.object({
  /** The mailbox address, where the system tells it (Outlook profile, signed-in account). */
  email: z.string().max(MAX_EMAIL_INPUT).optional(),
  server: z.string().max(MAX_SERVER_INPUT).optional(),
});

export const startRequestSchema = z.strictObject({
  runId: runIdSchema,
  email: z.string().max(MAX_EMAIL_INPUT).optional(),
  server: z.string().max(MAX_SERVER_INPUT).optional(),
  lang,
});

export const startResponseSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({
    ok: z.literal(false),
    field: z.enum(['email', 'server', 'form']),
    problem: z.enum(START_PROBLEMS),
    /** English, for logs; the page words the problem itself. */
    message: z.string(),
  }),
]);

const probeKind = z.enum(['system', 'dns', 'tcp', 'tls', 'http', 'proxy', 'autodiscover', 'auth', 'mtu', 'collector']);

/** A finished probe instance; `data` stays opaque here (its types live in probe-data.ts). */
export const probeResultSchema = z.object({
  id: z.string(),
  probe: z.string(),
  kind: probeKind,
  target: z.string(),
  status: z.enum(['ok', 'fail', 'timeout', 'skipped']),
  startedAt: z.string(),
  durationMs: z.number().nonnegative(),
  summary: z.string(),
  after: z.array(z.string()).optional(),
  data: z.unknown().optional(),
});

export const runEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('probe-planned'), id: z.string(), probe: z.string(), kind: probeKind, target: z.string(), title: z.string() }),
  z.object({ type: z.literal('probe-started'), id: z.string(), startedAt: z.string() }),
  z.object({ type: z.literal('probe-finished'), result: probeResultSchema }),
  z.object({ type: z.literal('run-deadline'), atMs: z.number() }),
]);

export const diagnosisEventSchema = z.discriminatedUnion('type', [
  z.object({ runId: runIdSchema, type: z.literal('progress'), event: runEventSchema }),
  z.object({
    runId: runIdSchema,
    type: z.literal('finished'),
    report: reportSchema,
    endedEarly: z.enum(['deadline', 'cancelled']).nullable(),
  }),
  /** The engine itself failed (a bug): the page says so instead of waiting forever. */
  z.object({ runId: runIdSchema, type: z.literal('failed'), message: z.string() }),
]);

export const appCommandSchema = z.object({ command: z.enum(['new-run', 'open-bundle']) });

const count = z.number().int().nonnegative();

/**
 * What the page asks an export for: the run it shows (the host exports only that run's report
 * and system outputs, kept in memory) and/or its monitor (the log and its figures), the language
 * of the texts, the "Anonymisieren" switch and the checklist answers from the page's store. Never
 * a path: the host asks the user where to save (desktop) or offers a download (web).
 */
export const bundleExportRequestSchema = z
  .strictObject({
    runId: runIdSchema.optional(),
    monitorId: monitorIdSchema.optional(),
    lang,
    anonymize: z.boolean(),
    answers: wizardAnswersSchema,
  })
  .refine((r) => r.runId !== undefined || r.monitorId !== undefined, { message: 'a run id or a monitor id is required' });

export const bundlePreviewSchema = z.object({
  entries: z.array(z.object({ name: z.string(), bytes: count, description: z.string() })),
  totalBytes: count,
  redactions: z.record(z.enum(REDACTION_KINDS), count),
  anonymized: z.boolean(),
  anonymizations: z.record(z.enum(ANONYMIZATION_KINDS), count).nullable(),
  suggestedName: z.string(),
});

/** `no-report`: the host holds no finished run with that id (another run started, or none ran). */
export const bundlePreviewResponseSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), preview: bundlePreviewSchema }),
  z.object({ ok: z.literal(false), problem: z.literal('no-report') }),
]);

export const BUNDLE_SAVE_PROBLEMS = ['cancelled', 'no-report', 'busy', 'failed'] as const;

export const bundleSaveResponseSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    /** `file`: written where the user chose in the save dialog; `download`: the web bridge offers it once under the ticket. */
    target: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('file'), path: z.string(), fileName: z.string() }),
      z.object({ kind: z.literal('download'), ticket: z.string().regex(/^[A-Za-z0-9_-]{43}$/), fileName: z.string() }),
    ]),
    /** Size of the zip. */
    bytes: count,
    anonymized: z.boolean(),
  }),
  /** `message`: English, for logs and the failure text's detail. */
  z.object({ ok: z.literal(false), problem: z.enum(BUNDLE_SAVE_PROBLEMS), message: z.string() }),
]);

export const bundleProgressSchema = z.object({ entry: z.string(), index: count, total: count });

const localized = z.object({ de: z.string(), en: z.string() });

export const viewedBundleSchema = z.object({
  fileName: z.string(),
  fileBytes: count,
  report: reportSchema,
  checklist: storedAnswersSchema.nullable(),
  origin: z.object({ toolVersion: z.string(), createdAt: z.string(), anonymized: z.boolean().nullable() }),
  entries: z.array(z.object({ name: z.string(), bytes: count, status: z.enum(['verified', 'mismatch', 'unlisted', 'skipped']) })),
  verification: z.object({
    status: z.enum(['verified', 'problems', 'no-manifest']),
    problems: z.array(
      z.object({
        entry: z.string(),
        kind: z.enum(['checksum-mismatch', 'size-mismatch', 'missing', 'unlisted', 'unexpected', 'unreadable']),
        message: localized,
      }),
    ),
  }),
  har: z.object({ entries: count }).nullable(),
});

/**
 * An opened bundle, or why not: `cancelled` (the user closed the dialog), `error` (the reader's
 * typed error with its German and English text), `too-large` (refused before reading, by size).
 */
export const bundleOpenResponseSchema = z.union([
  z.object({ ok: z.literal(true), bundle: viewedBundleSchema }),
  z.object({ ok: z.literal(false), problem: z.literal('cancelled') }),
  z.object({
    ok: z.literal(false),
    problem: z.literal('error'),
    error: z.object({ kind: z.enum(BUNDLE_OPEN_ERROR_KINDS), message: localized, entry: z.string().optional() }),
  }),
  z.object({ ok: z.literal(false), problem: z.literal('too-large'), bytes: count, limit: count }),
]);

/**
 * A file the user dropped onto the window, as the preload found its path (`webUtils`): absolute,
 * a `.zip`, no NUL. The main process checks again that it is a regular file before reading it;
 * the page itself never sees or sends this path.
 */
export const droppedPathSchema = z
  .string()
  .min(5)
  .max(MAX_FILE_PATH)
  .refine((p) => !p.includes('\0'), { message: 'NUL in path' })
  .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, { message: 'not an absolute path' })
  .regex(/\.zip$/i, { message: 'not a .zip file' });

// Every event the hosts send must pass the wire schema: fails to compile when the model drifts.
const diagnosisEventFits: DiagnosisEvent extends z.output<typeof diagnosisEventSchema> ? true : false = true;
void diagnosisEventFits;
const monitorEventFits: MonitorEventPayload extends z.output<typeof monitorEventSchema> ? true : false = true;
void monitorEventFits;
// The engine's shapes travel as they are: fails to compile when they drift from the wire schemas.
const previewFits: BundlePreview extends z.output<typeof bundlePreviewSchema> ? true : false = true;
const viewedFits: ViewedBundle extends z.output<typeof viewedBundleSchema> ? true : false = true;
void previewFits;
void viewedFits;

export const INVOKE_SCHEMAS = {
  'app:info': { request: empty, response: appInfoSchema },
  'app:defaults': { request: empty, response: appDefaultsSchema },
  'app:set-language': { request: z.strictObject({ lang }), response: z.void() },
  'diagnosis:start': { request: startRequestSchema, response: startResponseSchema },
  'diagnosis:cancel': { request: z.strictObject({ runId: runIdSchema }), response: z.object({ cancelled: z.boolean() }) },
  'clipboard:write-text': { request: z.strictObject({ text: z.string().max(MAX_CLIPBOARD_TEXT) }), response: z.void() },
  'bundle:preview': { request: bundleExportRequestSchema, response: bundlePreviewResponseSchema },
  'bundle:save': { request: bundleExportRequestSchema, response: bundleSaveResponseSchema },
  /** Shows the bundle saved last in the file manager; which file is the host's memory, not the page's word. */
  'bundle:reveal': { request: empty, response: z.object({ shown: z.boolean() }) },
  /** The host's own open dialog. */
  'bundle:open': { request: empty, response: bundleOpenResponseSchema },
  /** A dropped file; only the preload sends this (see `FILE_VERBS` in api.ts), never the page. */
  'bundle:open-file': { request: z.strictObject({ path: droppedPathSchema }), response: bundleOpenResponseSchema },
  'monitor:start': { request: monitorStartRequestSchema, response: monitorStartResponseSchema },
  /** Ends the monitor; `stopped` false when it was not running (ended already, or another id). */
  'monitor:stop': { request: monitorStopRequestSchema, response: z.object({ stopped: z.boolean() }) },
  /** "Problem ist gerade aufgetreten"; null when that monitor is not running. */
  'monitor:mark': { request: monitorMarkRequestSchema, response: z.object({ marker: markerEventSchema.nullable() }) },
  /** The host's monitor (running or the last one), for a page that loads while one runs. */
  'monitor:state': { request: empty, response: z.object({ monitor: monitorSnapshotSchema.nullable() }) },
} as const satisfies Record<InvokeChannel, { request: z.ZodType; response: z.ZodType }>;

export const EVENT_SCHEMAS = {
  'diagnosis:event': diagnosisEventSchema,
  'app:command': appCommandSchema,
  'bundle:progress': bundleProgressSchema,
  'monitor:event': monitorEventSchema,
} as const satisfies Record<EventChannel, z.ZodType>;
