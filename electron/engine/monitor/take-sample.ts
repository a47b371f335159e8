import type { HttpExchange, HeaderList } from '../../../shared/model/probe-data';
import type { MonitorSample, ResolvedEvent } from '../../../shared/monitor/monitor-types';
import { sendHttpRequest } from '../net/http-client';
import type { RunServices } from '../run-services';
import type { AddressBook } from './address-book';
import type { MonitorRequest } from './monitor-request';

/**
 * One tick's measurement: the address, the request, the answer, reduced to a MonitorSample.
 *
 * The sample's deadline covers everything (waiting for a resolution, connect, TLS, answer), so
 * it always ends before the next tick. A stop of the monitor ends it at once and drops it: an
 * interrupted request measured nothing.
 */

/** Body bytes read: the answer to an anonymous request is a few hundred bytes; only the headers matter. */
export const SAMPLE_MAX_BODY_BYTES = 4 * 1024;

export interface SampleContext {
  services: RunServices;
  request: MonitorRequest;
  book: AddressBook;
  seq: number;
  deadlineMs: number;
  /** `fresh`: `Connection: close`, so every sample opens its own connection. */
  connection: 'fresh' | 'keep-alive';
  /** The monitor stopped: drop the sample. */
  stop: AbortSignal;
}

export interface TakenSample {
  sample: MonitorSample;
  /** The full exchange (redacted), kept by the monitor for a few samples of interest. */
  exchange?: HttpExchange;
  resolved?: ResolvedEvent;
}

/** Method lists are few and repeat every second: one array per distinct list keeps samples small. */
const internedMethods = new Map<string, readonly string[]>();
const MAX_INTERNED_METHOD_LISTS = 64;

function intern(methods: string[]): readonly string[] {
  const key = methods.join(' ');
  const known = internedMethods.get(key);
  if (known) return known;
  const frozen = Object.freeze([...methods]);
  if (internedMethods.size < MAX_INTERNED_METHOD_LISTS) internedMethods.set(key, frozen);
  return frozen;
}

/** Certificate verdicts repeat every second: one object per distinct verdict. */
const internedCertificates = new Map<string, { trusted: boolean; error?: string }>();

function certificateOf(trust: { trusted: boolean; error?: string }): { trusted: boolean; error?: string } {
  const key = trust.trusted ? '' : (trust.error ?? 'untrusted');
  const known = internedCertificates.get(key);
  if (known) return known;
  const frozen = Object.freeze({ ...trust });
  if (internedCertificates.size < MAX_INTERNED_METHOD_LISTS) internedCertificates.set(key, frozen);
  return frozen;
}

/** Takes one sample; null when the monitor stopped while it ran. */
export async function takeSample(ctx: SampleContext): Promise<TakenSample | null> {
  const atMs = ctx.services.now();
  const started = performance.now();
  // One signal for the deadline and the stop. Not AbortSignal.any: on Node 20 signals combined
  // with a long-lived one pile up for the life of that one, and a monitor makes 86 400 a day.
  const controller = new AbortController();
  const signal = controller.signal;
  const timer = setTimeout(() => controller.abort(new DOMException(`no answer within ${ctx.deadlineMs} ms`, 'TimeoutError')), ctx.deadlineMs);
  const onStop = () => controller.abort(ctx.stop.reason);
  if (ctx.stop.aborted) onStop();
  else ctx.stop.addEventListener('abort', onStop, { once: true });
  try {
    const next = await ctx.book.next(signal);
    if (ctx.stop.aborted) return null;
    const base = { seq: ctx.seq, atMs };
    const resolved = next.changed ? { resolved: next.changed } : {};
    if (!next.address) {
      const error = next.error ?? { kind: 'dns' as const, message: 'no address' };
      return { sample: { ...base, result: 'error', error, timings: { ...(next.dnsMs !== undefined ? { dnsMs: next.dnsMs } : {}), totalMs: elapsed(started) } }, ...resolved };
    }
    const headers: HeaderList = ctx.request.headersFor(ctx.seq);
    if (ctx.connection === 'fresh') headers.push(['Connection', 'close']);
    const exchange = await sendHttpRequest(ctx.services, {
      url: ctx.request.url,
      address: next.address,
      method: ctx.request.method,
      headers,
      ...(ctx.request.body !== undefined ? { body: ctx.request.body } : {}),
      // The sample's own deadline (the signal) always fires first: it started earlier. One
      // deadline gives one message ("no answer within 900 ms"), the same for every timeout.
      signal,
      timeoutMs: ctx.deadlineMs,
      headersTimeoutMs: ctx.deadlineMs,
      bodyIdleTimeoutMs: ctx.deadlineMs,
      maxBodyBytes: SAMPLE_MAX_BODY_BYTES,
    });
    if (ctx.stop.aborted) return null;
    return { sample: toSample(base, next.address, next.dnsMs, exchange, elapsed(started)), exchange, ...resolved };
  } finally {
    clearTimeout(timer);
    ctx.stop.removeEventListener('abort', onStop);
  }
}

function toSample(base: { seq: number; atMs: number }, address: string, dnsMs: number | undefined, exchange: HttpExchange, totalMs: number): MonitorSample {
  const response = exchange.response;
  const t = exchange.timings;
  const sample: MonitorSample = {
    ...base,
    result: response ? (response.challenges.length > 0 ? 'challenge' : 'no-challenge') : 'error',
    address,
    timings: {
      ...(dnsMs !== undefined ? { dnsMs } : {}),
      ...(t.connectMs !== undefined ? { connectMs: t.connectMs } : {}),
      ...(t.tlsMs !== undefined ? { tlsMs: t.tlsMs } : {}),
      ...(t.ttfbMs !== undefined ? { ttfbMs: t.ttfbMs } : {}),
      totalMs,
    },
  };
  if (t.reusedConnection !== undefined) sample.connection = t.reusedConnection ? 'reused' : 'new';
  if (exchange.certificate) sample.certificate = certificateOf(exchange.certificate);
  if (response) {
    sample.status = response.status;
    sample.methods = intern(response.challenges.map((c) => c.scheme));
  }
  // A body that failed after a challenge came back does not spoil the sample; the error is still told.
  if (exchange.error) sample.error = { kind: exchange.error.kind, ...(exchange.error.code ? { code: exchange.error.code } : {}), message: exchange.error.message };
  if (!response && !sample.error) sample.error = { kind: 'other', message: 'no answer' };
  return sample;
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}
