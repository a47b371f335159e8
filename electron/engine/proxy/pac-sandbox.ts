import { createPacResolver } from 'pac-resolver';
import { QuickJS } from 'quickjs-wasi';
import type { ErrorInfo, PacErrorKind, ResolvedAddress } from '../../../shared/model/probe-data';
import { reasonText } from '../net/tcp-connect';
import { pacHelpers } from './pac-helpers';
import { quickjsWasm } from './quickjs-module';
import { deadlineSignal } from '../net/deadline-signal';

/**
 * Evaluates a PAC file's `FindProxyForURL` in a sandbox, with hard limits.
 *
 * The script runs in QuickJS compiled to WebAssembly (`quickjs-wasi`), driven by `pac-resolver`:
 * nothing of Node is reachable from inside (no `require`, `process`, `fetch`, file system or
 * sockets). Limits:
 * - the script may hold the CPU for `PAC_MAX_BLOCKING_MS` at a stretch: it runs on the engine's
 *   own thread, so an endless loop (`while (true) {}`) would stall every other probe; the
 *   interrupt handler stops it;
 * - a memory limit stops runaway allocation (`s += s`);
 * - the whole evaluation, name lookups included, ends at `PAC_EVAL_TIMEOUT_MS`.
 *
 * Name lookups use the run's resolver and this machine's addresses (`pac-helpers.ts`): the
 * script is run, the names it asked for are looked up, and it is run again with the answers
 * until it asks for nothing new. PAC functions are meant to be pure, so the last run's answer is
 * the script's answer. pac-resolver's own `myIpAddress` (a connection to 8.8.8.8) and lookups
 * are never used.
 */

/**
 * Whole evaluation, lookups included. A PAC file answers in milliseconds plus a lookup or two;
 * Windows itself gives a script only a few seconds before it goes on without it.
 */
export const PAC_EVAL_TIMEOUT_MS = 2_000;
/**
 * Script time without a break. A real script needs a few milliseconds; a quarter of a second
 * already delays every other probe of the run, which shares this thread.
 */
export const PAC_MAX_BLOCKING_MS = 250;
/** QuickJS heap. Real PAC files need well under 1 MiB; 32 MiB leaves room for huge host lists. */
export const PAC_MEMORY_LIMIT_BYTES = 32 * 1024 * 1024;

export interface PacEnvironment {
  /** Resolves a name as the run does (hosts file, `--dns-server`, the OS); rejects when it cannot. */
  lookup(host: string, signal: AbortSignal): Promise<ResolvedAddress[]>;
  /** This computer's addresses, the one of the default route first (for `myIpAddress`). */
  localAddresses: readonly string[];
}

export interface PacEvaluation {
  /** What FindProxyForURL returned; `null`/`undefined` pass through, other types as they came. */
  result?: unknown;
  error?: ErrorInfo<PacErrorKind>;
  /** Distinct names the script looked up. */
  lookups: number;
}

/** Runs `FindProxyForURL(url, host)` of `script`; never throws. */
export async function evaluatePac(script: string, url: string, environment: PacEnvironment, signal: AbortSignal, timeoutMs = PAC_EVAL_TIMEOUT_MS): Promise<PacEvaluation> {
  const { signal: deadline, clear: clearDeadline } = deadlineSignal(signal, timeoutMs, 'PAC evaluation');
  const helpers = pacHelpers(environment);
  // Set when the script had to be stopped, so its error can be told apart from a script's own.
  let stoppedFor: 'blocking' | 'deadline' | undefined;
  let sliceStarted = performance.now();
  // QuickJS calls this every few thousand instructions (not on each one), so reading the clock
  // here costs nothing measurable.
  const interruptHandler = () => {
    if (deadline.aborted) stoppedFor = 'deadline';
    else if (performance.now() - sliceStarted > PAC_MAX_BLOCKING_MS) stoppedFor = 'blocking';
    return stoppedFor !== undefined;
  };
  const enter = () => {
    sliceStarted = performance.now();
  };

  let vm: QuickJS;
  try {
    const wasm = await quickjsWasm();
    vm = await QuickJS.create({ ...(wasm ? { wasm } : {}), memoryLimit: PAC_MEMORY_LIMIT_BYTES, interruptHandler });
  } catch (error) {
    return { error: { kind: 'eval', message: `the PAC sandbox could not start: ${reasonText(error)}` }, lookups: 0 };
  }
  const stopped = (): ErrorInfo<PacErrorKind> =>
    stoppedFor === 'blocking'
      ? { kind: 'timeout', code: 'cpu', message: `the script ran for more than ${PAC_MAX_BLOCKING_MS} ms without a break and was stopped (endless loop?)` }
      : { kind: 'timeout', message: `no answer within ${timeoutMs} ms (endless loop or slow name lookups)` };

  try {
    let findProxy: (url: string, host?: string) => Promise<unknown>;
    try {
      enter();
      // No async sandbox functions: pac-resolver leaves the script's code as it is.
      findProxy = createPacResolver(vm, script, { sandbox: helpers.functions, filename: 'proxy.pac' });
    } catch (error) {
      return { error: stoppedFor ? stopped() : classify(error), lookups: 0 };
    }
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    for (;;) {
      let result: unknown;
      try {
        enter();
        result = await findProxy(url, host);
      } catch (error) {
        return { error: stoppedFor ? stopped() : classify(error), lookups: helpers.lookups() };
      }
      if (helpers.pending().length === 0) return { result, lookups: helpers.lookups() };
      await helpers.resolvePending(deadline);
      if (deadline.aborted) {
        stoppedFor = 'deadline';
        return { error: stopped(), lookups: helpers.lookups() };
      }
    }
  } finally {
    clearDeadline();
    vm.dispose();
  }
}

/** A thrown script error as evidence: `ReferenceError: isInNett is not defined`. */
function classify(error: unknown): ErrorInfo<PacErrorKind> {
  const name = error instanceof Error ? error.name : '';
  const message = reasonText(error).split('\n')[0]!.slice(0, 300);
  if (/out of memory|string too long|allocation failed/i.test(message)) {
    return { kind: 'eval', code: 'memory', message: `the script was stopped at the memory limit (${PAC_MEMORY_LIMIT_BYTES / 1024 / 1024} MiB): ${message}` };
  }
  // esprima (pac-resolver reads the script with it first) throws "Line 3: Unexpected token …".
  const kind = name === 'SyntaxError' || /^Line \d+:/.test(message) ? 'syntax' : 'eval';
  return { kind, message: name && name !== 'Error' && !message.startsWith(name) ? `${name}: ${message}` : message };
}
