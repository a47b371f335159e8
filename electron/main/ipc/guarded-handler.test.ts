import { describe, expect, it } from 'vitest';
import { guardedHandler, IpcRejectedError } from './guarded-handler';
import type { SenderFacts } from './sender-check';

const trustedFacts: SenderFacts = { webContentsId: 1, frame: { url: 'app://outlook-doktor/index.html', isMainFrame: true } };
const isTrusted = (facts: SenderFacts) => facts.webContentsId === 1;

function recorder() {
  const calls: unknown[] = [];
  const rejected: IpcRejectedError[] = [];
  const handler = guardedHandler(
    'diagnosis:cancel',
    (request) => {
      calls.push(request);
      return { cancelled: true };
    },
    isTrusted,
    (error) => rejected.push(error),
  );
  return { calls, rejected, handler };
}

describe('guardedHandler', () => {
  it('passes a valid request from a trusted sender to the handler', async () => {
    const { calls, handler } = recorder();
    await expect(handler(trustedFacts, { runId: 'run-0001' })).resolves.toEqual({ cancelled: true });
    expect(calls).toEqual([{ runId: 'run-0001' }]);
  });

  it('refuses an untrusted sender before looking at the payload', async () => {
    const { calls, rejected, handler } = recorder();
    const error = await handler({ ...trustedFacts, webContentsId: 2 }, { runId: 'run-0001' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IpcRejectedError);
    expect((error as IpcRejectedError).reason).toBe('untrusted-sender');
    expect(calls).toEqual([]);
    expect(rejected.map((r) => r.reason)).toEqual(['untrusted-sender']);
  });

  it.each([[{}], [{ runId: 'run-0001', extra: true }], [{ runId: 42 }], ['run-0001'], [null]])('refuses the payload %j', async (payload) => {
    const { calls, handler } = recorder();
    const error = await handler(trustedFacts, payload).catch((e: unknown) => e);
    expect((error as IpcRejectedError).reason).toBe('invalid-payload');
    expect((error as IpcRejectedError).message).toContain('diagnosis:cancel');
    expect(calls).toEqual([]);
  });
});
