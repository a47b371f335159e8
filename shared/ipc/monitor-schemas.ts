import { z } from 'zod';
import { MAX_DURATION_SECONDS, MAX_INTERVAL_SECONDS, MAX_MARKER_NOTE_CHARS, MIN_INTERVAL_SECONDS } from '../monitor/monitor-settings';
import type { HttpErrorKind } from '../model/probe-data';
import type { MonitorEvent, MonitorRunInfo, MonitorSample, MonitorStats, MonitorTimelineEvent } from '../monitor/monitor-types';
import { MAX_SERVER_INPUT } from './limits';

/**
 * Wire schemas of the monitor ("Dauertest") between the page and its host.
 *
 * Requests are strict: the page chooses the server, the interval, the duration and two switches,
 * nothing else (no DNS server, no CA file, no CSV path: those are the host's). Events carry the
 * engine's shapes from `shared/monitor/monitor-types.ts` unchanged; compile-time checks at the
 * end keep both in step.
 */

const HTTP_ERROR_KINDS = ['timeout', 'refused', 'reset', 'tls', 'protocol', 'too-large', 'aborted', 'unreachable', 'dns', 'other'] as const satisfies readonly HttpErrorKind[];
// Fails to compile when the model gains an error kind this list lacks.
const errorKindsComplete: Exclude<HttpErrorKind, (typeof HTTP_ERROR_KINDS)[number]> extends never ? true : false = true;
void errorKindsComplete;
const errorKind = z.enum(HTTP_ERROR_KINDS);

/** Chosen by the page, like a run id, so events that arrive before `monitor:start` answers are attributed. */
export const monitorIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export const monitorStartRequestSchema = z.strictObject({
  monitorId: monitorIdSchema,
  server: z.string().max(MAX_SERVER_INPUT),
  intervalSeconds: z.number().min(MIN_INTERVAL_SECONDS).max(MAX_INTERVAL_SECONDS),
  /** Omitted: until the user stops it. */
  durationSeconds: z.number().positive().max(MAX_DURATION_SECONDS).optional(),
  resolveEach: z.boolean().optional(),
  keepAlive: z.boolean().optional(),
});

export const MONITOR_START_PROBLEMS = [
  'empty',
  'too-long',
  'host-invalid',
  'host-has-path',
  'url-scheme',
  'port-invalid',
  'ip-invalid',
  'missing',
  'range',
  'busy',
  'duplicate',
  'config',
  'failed',
] as const;
export type MonitorStartProblem = (typeof MONITOR_START_PROBLEMS)[number];

export const monitorRunInfoSchema = z.object({
  url: z.string(),
  method: z.string(),
  host: z.string(),
  port: z.number().int(),
  intervalMs: z.number().nonnegative(),
  deadlineMs: z.number().nonnegative(),
  durationMs: z.number().nonnegative().nullable(),
  connection: z.enum(['fresh', 'keep-alive']),
  resolveEach: z.boolean(),
  startedAtMs: z.number(),
  csvFile: z.string().nullable(),
});

export const monitorStartResponseSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), info: monitorRunInfoSchema }),
  z.object({
    ok: z.literal(false),
    field: z.enum(['server', 'interval', 'duration', 'form']),
    problem: z.enum(MONITOR_START_PROBLEMS),
    /** English, for logs; the page words the problem itself. */
    message: z.string(),
  }),
]);

const timings = z.object({
  dnsMs: z.number().optional(),
  connectMs: z.number().optional(),
  tlsMs: z.number().optional(),
  ttfbMs: z.number().optional(),
  totalMs: z.number(),
});

export const monitorSampleSchema = z.object({
  seq: z.number().int().nonnegative(),
  atMs: z.number(),
  result: z.enum(['challenge', 'no-challenge', 'error', 'missed']),
  address: z.string().optional(),
  status: z.number().int().optional(),
  methods: z.array(z.string()).readonly().optional(),
  timings: timings.optional(),
  connection: z.enum(['new', 'reused']).optional(),
  certificate: z.object({ trusted: z.boolean(), error: z.string().optional() }).optional(),
  error: z.object({ kind: errorKind, code: z.string().optional(), message: z.string() }).optional(),
  missed: z.enum(['busy', 'late']).optional(),
});

const interfaceChange = z.object({
  name: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  added: z.array(z.string()),
  removed: z.array(z.string()),
  vpn: z.boolean(),
});

export const markerEventSchema = z.object({ type: z.literal('marker'), atMs: z.number(), number: z.number().int().positive(), note: z.string().optional() });

export const monitorTimelineEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('network'), atMs: z.number(), changes: z.array(interfaceChange) }),
  z.object({
    type: z.literal('gap'),
    atMs: z.number(),
    cause: z.enum(['sleep', 'clock-set-back']),
    detectedBy: z.enum(['clock-jump', 'late-timer']),
    fromMs: z.number(),
    toMs: z.number(),
    gapMs: z.number(),
  }),
  markerEventSchema,
  z.object({ type: z.literal('resolved'), atMs: z.number(), addresses: z.array(z.string()), previous: z.array(z.string()).nullable(), error: z.string().optional() }),
]);

const outage = z.object({ startMs: z.number(), endMs: z.number().nullable(), samples: z.number(), durationMs: z.number() });

export const monitorStatsSchema = z.object({
  startedAtMs: z.number(),
  lastSampleMs: z.number().nullable(),
  elapsedMs: z.number(),
  intervalMs: z.number(),
  ticks: z.number(),
  measured: z.number(),
  ok: z.number(),
  failed: z.number(),
  noChallenge: z.number(),
  errors: z.number(),
  missed: z.number(),
  successRatio: z.number().nullable(),
  outages: z.object({ count: z.number(), totalMs: z.number(), longest: outage.nullable(), current: outage.nullable(), recent: z.array(outage) }),
  latency: z.object({
    count: z.number(),
    minMs: z.number().nullable(),
    maxMs: z.number().nullable(),
    meanMs: z.number().nullable(),
    p50Ms: z.number().nullable(),
    p90Ms: z.number().nullable(),
    p99Ms: z.number().nullable(),
  }),
  methods: z.object({
    current: z.array(z.string()).readonly().nullable(),
    changes: z.number(),
    recentChanges: z.array(z.object({ atMs: z.number(), from: z.array(z.string()).readonly(), to: z.array(z.string()).readonly() })),
    seen: z.array(z.object({ methods: z.array(z.string()).readonly(), samples: z.number() })),
  }),
  addresses: z.array(
    z.object({
      address: z.string(),
      samples: z.number(),
      ok: z.number(),
      failed: z.number(),
      lastFailureMs: z.number().nullable(),
      lastErrorKind: z.union([errorKind, z.literal('no-challenge')]).nullable(),
      untrusted: z.number(),
    }),
  ),
  failuresByKind: z.record(z.string(), z.number()),
  statuses: z.record(z.string(), z.number()),
  untrustedCertificates: z.object({ count: z.number(), reasons: z.record(z.string(), z.number()) }),
  networkChanges: z.number(),
  gaps: z.object({ count: z.number(), totalMs: z.number() }),
  markers: z.number(),
});

const endReason = z.enum(['duration', 'stopped', 'aborted']);

export const monitorEngineEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('monitor-started'), info: monitorRunInfoSchema }),
  z.object({ type: z.literal('monitor-sample'), sample: monitorSampleSchema }),
  z.object({ type: z.literal('monitor-timeline'), event: monitorTimelineEventSchema }),
  z.object({ type: z.literal('monitor-stats'), stats: monitorStatsSchema }),
  z.object({ type: z.literal('monitor-ended'), reason: endReason, stats: monitorStatsSchema, csvError: z.string().optional() }),
]);

/** One engine event of a monitor, tagged with the id the page chose. */
export const monitorEventSchema = z.object({ monitorId: monitorIdSchema, event: monitorEngineEventSchema });

/**
 * The host's monitor as it stands, for a page that (re)loads while one runs or after it ended:
 * its settings, the samples still in memory (the last hour at most), the timeline events among
 * them, the figures, and how it ended.
 */
export const monitorSnapshotSchema = z.object({
  monitorId: monitorIdSchema,
  info: monitorRunInfoSchema,
  running: z.boolean(),
  ended: endReason.nullable(),
  samples: z.array(monitorSampleSchema),
  events: z.array(monitorTimelineEventSchema),
  stats: monitorStatsSchema,
});

export const monitorStopRequestSchema = z.strictObject({ monitorId: monitorIdSchema });
export const monitorMarkRequestSchema = z.strictObject({ monitorId: monitorIdSchema, note: z.string().max(MAX_MARKER_NOTE_CHARS).optional() });

// The engine's shapes travel as they are: fails to compile when they drift from the wire schemas.
const infoFits: MonitorRunInfo extends z.output<typeof monitorRunInfoSchema> ? true : false = true;
const sampleFits: MonitorSample extends z.output<typeof monitorSampleSchema> ? true : false = true;
const timelineFits: MonitorTimelineEvent extends z.output<typeof monitorTimelineEventSchema> ? true : false = true;
const statsFits: MonitorStats extends z.output<typeof monitorStatsSchema> ? true : false = true;
const eventFits: MonitorEvent extends z.output<typeof monitorEngineEventSchema> ? true : false = true;
void infoFits;
void sampleFits;
void timelineFits;
void statsFits;
void eventFits;
