import type { InvokeRequest } from './api';
import { isInvokeChannel, type InvokeChannel } from './channels';
import { INVOKE_SCHEMAS } from './schemas';

/** Why a request was refused; short English, for the host's log and the web bridge's 400 body. */
export type RequestRejection = { ok: false; reason: 'unknown-channel' | 'invalid-payload'; issues: string[] };

/**
 * Checks an incoming request against its channel's schema.
 *
 * Every host (main process, web bridge) calls this before acting; nothing from the page is used
 * unchecked. Issues name the path and the rule, never echo the (possibly huge) value.
 */
export function parseRequest<C extends InvokeChannel>(
  channel: C | string,
  payload: unknown,
): { ok: true; channel: C; value: InvokeRequest<C> } | RequestRejection {
  if (!isInvokeChannel(channel)) return { ok: false, reason: 'unknown-channel', issues: [`unknown channel`] };
  const parsed = INVOKE_SCHEMAS[channel].request.safeParse(payload ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      reason: 'invalid-payload',
      issues: parsed.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(root)'}: ${i.code}`),
    };
  }
  return { ok: true, channel: channel as C, value: parsed.data as InvokeRequest<C> };
}
