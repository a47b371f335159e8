import type { z } from 'zod';
import type { RunEvent } from '../model/run-event';
import type { MonitorEvent } from '../monitor/monitor-types';
import type { Report } from '../report/report-schema';
import type { EventChannel, InvokeChannel } from './channels';
import type { appCommandSchema, bundleProgressSchema, INVOKE_SCHEMAS } from './schemas';

/**
 * The typed API between the page and its host, as verbs.
 *
 * Types come from the schemas (`schemas.ts`) through type-only imports, so this module and the
 * page carry no zod at run time. The preload and the web bridge client build the same object from
 * these two maps; the page cannot tell them apart.
 */
export type InvokeRequest<C extends InvokeChannel> = z.input<(typeof INVOKE_SCHEMAS)[C]['request']>;
export type InvokeResponse<C extends InvokeChannel> = z.output<(typeof INVOKE_SCHEMAS)[C]['response']>;

/**
 * A run's progress, its report, or its failure, tagged with the run id the page chose.
 *
 * Typed with the model's own types (the wire schema in `schemas.ts` accepts every value of this
 * type; a compile-time check there keeps it so).
 */
export type DiagnosisEvent =
  | { runId: string; type: 'progress'; event: RunEvent }
  | { runId: string; type: 'finished'; report: Report; endedEarly: 'deadline' | 'cancelled' | null }
  | { runId: string; type: 'failed'; message: string };

export interface EventPayloads {
  'diagnosis:event': DiagnosisEvent;
  'app:command': z.output<typeof appCommandSchema>;
  'bundle:progress': z.output<typeof bundleProgressSchema>;
  'monitor:event': MonitorEventPayload;
}

/** An engine event of the monitor, tagged with the monitor id the page chose. */
export interface MonitorEventPayload {
  monitorId: string;
  event: MonitorEvent;
}

export type EventPayload<C extends EventChannel> = EventPayloads[C];

export type AppInfo = InvokeResponse<'app:info'>;
export type AppDefaults = InvokeResponse<'app:defaults'>;
export type StartRequest = InvokeRequest<'diagnosis:start'>;
export type StartResponse = InvokeResponse<'diagnosis:start'>;
export type AppCommand = EventPayload<'app:command'>;
export type BundleExportRequest = InvokeRequest<'bundle:preview'>;
export type BundlePreviewResponse = InvokeResponse<'bundle:preview'>;
export type BundleSaveResponse = InvokeResponse<'bundle:save'>;
export type BundleOpenResponse = InvokeResponse<'bundle:open'>;
export type BundleProgress = EventPayload<'bundle:progress'>;
export type MonitorStartRequest = InvokeRequest<'monitor:start'>;
export type MonitorStartResponse = InvokeResponse<'monitor:start'>;
export type MonitorSnapshot = NonNullable<InvokeResponse<'monitor:state'>['monitor']>;

/** Verb → invoke channel. */
export const INVOKE_VERBS = {
  getAppInfo: 'app:info',
  getDefaults: 'app:defaults',
  setLanguage: 'app:set-language',
  startDiagnosis: 'diagnosis:start',
  cancelDiagnosis: 'diagnosis:cancel',
  writeClipboardText: 'clipboard:write-text',
  previewBundle: 'bundle:preview',
  saveBundle: 'bundle:save',
  revealBundle: 'bundle:reveal',
  openBundle: 'bundle:open',
  startMonitor: 'monitor:start',
  stopMonitor: 'monitor:stop',
  markMonitor: 'monitor:mark',
  getMonitorState: 'monitor:state',
} as const satisfies Record<string, InvokeChannel>;

/** Verb → event channel; the verb subscribes and returns its unsubscribe function. */
export const EVENT_VERBS = {
  onDiagnosisEvent: 'diagnosis:event',
  onAppCommand: 'app:command',
  onBundleProgress: 'bundle:progress',
  onMonitorEvent: 'monitor:event',
} as const satisfies Record<string, EventChannel>;

/**
 * Verbs that take a file the user gave the page (dropped onto the window), not a JSON request.
 *
 * Each host implements them itself: the preload finds the file's path with `webUtils` and sends
 * that over the channel, so the page never names a path; the web bridge client uploads the
 * file's bytes instead. The page calls both the same way.
 */
export const FILE_VERBS = {
  openBundleFile: 'bundle:open-file',
} as const satisfies Record<string, InvokeChannel>;

/** A file from a drop (the DOM's `File`); structural, so shared code needs no DOM types. */
export interface PageFile {
  readonly name: string;
  readonly size: number;
}

type InvokeVerbs = typeof INVOKE_VERBS;
type EventVerbs = typeof EVENT_VERBS;

/** An invoke verb; verbs whose request is empty (a strict object without fields: its keys are `string`) may be called without an argument. */
type InvokeFn<C extends InvokeChannel> = string extends keyof InvokeRequest<C>
  ? (request?: InvokeRequest<C>) => Promise<InvokeResponse<C>>
  : (request: InvokeRequest<C>) => Promise<InvokeResponse<C>>;

export type Unsubscribe = () => void;

type FileVerbs = typeof FILE_VERBS;

export type OutlookDoktorApi = { readonly [V in keyof InvokeVerbs]: InvokeFn<InvokeVerbs[V]> } & {
  readonly [V in keyof EventVerbs]: (listener: (payload: EventPayload<EventVerbs[V]>) => void) => Unsubscribe;
} & { readonly [V in keyof FileVerbs]: (file: PageFile) => Promise<InvokeResponse<FileVerbs[V]>> };

/** The global the preload defines in the page (`window.outlookDoktor`). */
export const API_GLOBAL = 'outlookDoktor';

/** Every verb, for hosts that build the API object generically. */
export const INVOKE_VERB_NAMES = Object.keys(INVOKE_VERBS) as (keyof InvokeVerbs)[];
export const EVENT_VERB_NAMES = Object.keys(EVENT_VERBS) as (keyof EventVerbs)[];
export const FILE_VERB_NAMES = Object.keys(FILE_VERBS) as (keyof FileVerbs)[];
