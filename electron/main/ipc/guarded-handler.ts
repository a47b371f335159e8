import type { InvokeRequest, InvokeResponse } from '../../../shared/ipc/api';
import type { InvokeChannel } from '../../../shared/ipc/channels';
import { parseRequest } from '../../../shared/ipc/parse-request';
import type { SenderFacts } from './sender-check';

/** An IPC request the main process refused; the page sees only the channel and the reason. */
export class IpcRejectedError extends Error {
  constructor(
    readonly channel: string,
    readonly reason: 'untrusted-sender' | 'invalid-payload' | 'unknown-channel',
    readonly issues: readonly string[] = [],
  ) {
    super(`${channel}: request rejected (${reason})`);
    this.name = 'IpcRejectedError';
  }
}

export type InvokeHandler<C extends InvokeChannel> = (request: InvokeRequest<C>) => Promise<InvokeResponse<C>> | InvokeResponse<C>;

/**
 * Wraps a handler so that it runs only for a trusted sender and a payload that passes the
 * channel's schema; everything else is refused before the handler sees it.
 *
 * Kept free of Electron so the checks are unit-tested; `typed-ipc-main.ts` feeds it the facts
 * of each real event.
 */
export function guardedHandler<C extends InvokeChannel>(
  channel: C,
  handler: InvokeHandler<C>,
  isTrusted: (facts: SenderFacts) => boolean,
  onReject: (error: IpcRejectedError) => void = () => undefined,
): (facts: SenderFacts, payload: unknown) => Promise<InvokeResponse<C>> {
  return async (facts, payload) => {
    if (!isTrusted(facts)) {
      const error = new IpcRejectedError(channel, 'untrusted-sender');
      onReject(error);
      throw error;
    }
    const parsed = parseRequest<C>(channel, payload);
    if (!parsed.ok) {
      const error = new IpcRejectedError(channel, parsed.reason, parsed.issues);
      onReject(error);
      throw error;
    }
    return handler(parsed.value);
  };
}
