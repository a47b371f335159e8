import { startExchangeLab, type ExchangeBehaviour, type ExchangeLab } from './exchange-server';
import type { TestCa } from './pki';

/**
 * An Exchange-like server that flaps on a known pattern, for the monitor's tests and bench.
 *
 * The n-th request it receives gets `pattern[n]` (counted over all connections, so the pattern
 * holds whether the client reuses connections or not); after the pattern, `after`. Steps:
 * `ok` = 401 with Negotiate and NTLM; `no-challenge` = 200 with a login page (a reverse proxy's
 * pre-authentication); `drop` = the connection closes without an answer; `silent` = no answer
 * until the client gives up; `503` = http.sys's "Service Unavailable".
 */
export type FlapStep = 'ok' | 'no-challenge' | 'drop' | 'silent' | '503';

const BEHAVIOUR: Record<FlapStep, ExchangeBehaviour> = {
  ok: {},
  'no-challenge': { auth: 'none' },
  drop: { fault: 'drop' },
  silent: { fault: 'silent' },
  '503': { status: 503 },
};

export interface FlappingLabOptions {
  pattern: readonly FlapStep[];
  after?: FlapStep;
  /** Loopback address to listen on (default 127.0.0.1). */
  address?: string;
  ca?: TestCa;
  /** Names on its certificate (the lab's default names otherwise); the wizard's lab uses the address itself. */
  hostNames?: string[];
}

export interface FlappingLab extends ExchangeLab {
  /** The step each request got, in order. */
  served: FlapStep[];
}

export async function startFlappingExchange(options: FlappingLabOptions): Promise<FlappingLab> {
  const served: FlapStep[] = [];
  const lab = await startExchangeLab({
    addresses: { [options.address ?? '127.0.0.1']: {} },
    ...(options.ca ? { ca: options.ca } : {}),
    ...(options.hostNames ? { hostNames: options.hostNames } : {}),
    behaviourOf: ({ index }) => {
      const step = options.pattern[index] ?? options.after ?? 'ok';
      served.push(step);
      return BEHAVIOUR[step];
    },
  });
  return Object.assign(lab, { served });
}
