import type { z } from 'zod';
import type { RunEvent } from '../model/run-event';
import type { Report } from '../report/report-schema';
import type { EventChannel, InvokeChannel } from './channels';
import type { appCommandSchema, INVOKE_SCHEMAS } from './schemas';

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
}

export type EventPayload<C extends EventChannel> = EventPayloads[C];

export type AppInfo = InvokeResponse<'app:info'>;
export type AppDefaults = InvokeResponse<'app:defaults'>;
export type StartRequest = InvokeRequest<'diagnosis:start'>;
export type StartResponse = InvokeResponse<'diagnosis:start'>;
export type AppCommand = EventPayload<'app:command'>;

/** Verb → invoke channel. */
export const INVOKE_VERBS = {
  getAppInfo: 'app:info',
  getDefaults: 'app:defaults',
  setLanguage: 'app:set-language',
  startDiagnosis: 'diagnosis:start',
  cancelDiagnosis: 'diagnosis:cancel',
  writeClipboardText: 'clipboard:write-text',
} as const satisfies Record<string, InvokeChannel>;

/** Verb → event channel; the verb subscribes and returns its unsubscribe function. */
export const EVENT_VERBS = {
  onDiagnosisEvent: 'diagnosis:event',
  onAppCommand: 'app:command',
} as const satisfies Record<string, EventChannel>;

type InvokeVerbs = typeof INVOKE_VERBS;
type EventVerbs = typeof EVENT_VERBS;

/** An invoke verb; verbs whose request is empty (a strict object without fields: its keys are `string`) may be called without an argument. */
type InvokeFn<C extends InvokeChannel> = string extends keyof InvokeRequest<C>
  ? (request?: InvokeRequest<C>) => Promise<InvokeResponse<C>>
  : (request: InvokeRequest<C>) => Promise<InvokeResponse<C>>;

export type Unsubscribe = () => void;

export type OutlookDoktorApi = { readonly [V in keyof InvokeVerbs]: InvokeFn<InvokeVerbs[V]> } & {
  readonly [V in keyof EventVerbs]: (listener: (payload: EventPayload<EventVerbs[V]>) => void) => Unsubscribe;
};

/** The global the preload defines in the page (`window.outlookDoktor`). */
export const API_GLOBAL = 'outlookDoktor';

/** Every verb, for hosts that build the API object generically. */
export const INVOKE_VERB_NAMES = Object.keys(INVOKE_VERBS) as (keyof InvokeVerbs)[];
export const EVENT_VERB_NAMES = Object.keys(EVENT_VERBS) as (keyof EventVerbs)[];
