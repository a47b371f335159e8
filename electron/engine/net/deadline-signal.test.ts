import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { deadlineSignal } from './deadline-signal';

// Garbage collection on demand, without a command-line flag for the test workers.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('deadlineSignal', () => {
  it('aborts at its deadline with a TimeoutError', async () => {
    const { signal } = deadlineSignal(undefined, 30, 'lookup');
    await sleep(80);
    expect(signal.aborted).toBe(true);
    expect((signal.reason as DOMException).name).toBe('TimeoutError');
  });

  it('follows its parent, also one that was aborted already', () => {
    const parent = new AbortController();
    const { signal } = deadlineSignal(parent.signal, 10_000);
    parent.abort(new Error('cancel'));
    expect(signal.aborted).toBe(true);
    expect((signal.reason as Error).message).toBe('cancel');
    expect(deadlineSignal(parent.signal, 10_000).signal.aborted).toBe(true);
  });

  it('stops following after clear()', async () => {
    const parent = new AbortController();
    const { signal, clear } = deadlineSignal(parent.signal, 20);
    clear();
    parent.abort();
    await sleep(50);
    expect(signal.aborted).toBe(false);
  });

  it('keeps its deadline through garbage collection (AbortSignal.any with AbortSignal.timeout does not on Node 20)', async () => {
    const parent = new AbortController();
    const ours = deadlineSignal(parent.signal, 100).signal;
    for (let i = 0; i < 3; i += 1) {
      gc();
      await sleep(5);
    }
    await sleep(200);
    expect(ours.aborted).toBe(true);
  });
});
