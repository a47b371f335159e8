import { z } from 'zod';
import { LANGS } from '../i18n';
import { reportSchema } from '../report/report-schema';
import type { InputProblem } from '../validate';
import type { DiagnosisEvent } from './api';
import type { EventChannel, InvokeChannel } from './channels';
import { MAX_CLIPBOARD_TEXT, MAX_EMAIL_INPUT, MAX_SERVER_INPUT } from './limits';

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

export const appCommandSchema = z.object({ command: z.enum(['new-run']) });

// Every event the hosts send must pass the wire schema: fails to compile when the model drifts.
const diagnosisEventFits: DiagnosisEvent extends z.output<typeof diagnosisEventSchema> ? true : false = true;
void diagnosisEventFits;

export const INVOKE_SCHEMAS = {
  'app:info': { request: empty, response: appInfoSchema },
  'app:defaults': { request: empty, response: appDefaultsSchema },
  'app:set-language': { request: z.strictObject({ lang }), response: z.void() },
  'diagnosis:start': { request: startRequestSchema, response: startResponseSchema },
  'diagnosis:cancel': { request: z.strictObject({ runId: runIdSchema }), response: z.object({ cancelled: z.boolean() }) },
  'clipboard:write-text': { request: z.strictObject({ text: z.string().max(MAX_CLIPBOARD_TEXT) }), response: z.void() },
} as const satisfies Record<InvokeChannel, { request: z.ZodType; response: z.ZodType }>;

export const EVENT_SCHEMAS = {
  'diagnosis:event': diagnosisEventSchema,
  'app:command': appCommandSchema,
} as const satisfies Record<EventChannel, z.ZodType>;
