import { describe, expect, it } from 'vitest';
import type { ProbeResult } from '../../shared/model/probe-result';
import type { RunInput } from '../../shared/model/run-input';
import { createRunServices } from './create-run-services';
import { defineProbe, type AnyProbeDefinition } from './probe';
import { DEADLINE_GRACE_MS, PROBE_GRACE_MS, runProbes } from './runner';

const input: RunInput = {
  server: { host: 'mail.example.test', port: 443 },
  dnsServers: [],
  connectivityUrl: 'http://127.0.0.1:9/',
  connectivityExpect: 'x',
  proxy: { mode: 'none' },
  timeoutMs: 5000,
};

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    });
  });

// The runner is generic over probe ids; tests reuse real ids with made-up data.
function probe(id: string, opts: { timeoutMs?: number; keys?: string[]; after?: (key: string) => string[]; run: (key: string, signal: AbortSignal) => Promise<unknown>; plan?: AnyProbeDefinition['plan'] }): AnyProbeDefinition {
  return defineProbe({
    id: id as 'tcp',
    kind: 'tcp',
    title: id,
    timeoutMs: opts.timeoutMs ?? 1000,
    plan:
      opts.plan ??
      (() => (opts.keys ?? ['a']).map((key) => ({ key, target: key, input: key, ...(opts.after ? { after: opts.after(key) } : {}) }))),
    async run({ input: key, signal }) {
      const data = await opts.run(key as string, signal);
      return { status: 'ok', summary: `${id} ${key}`, data: data as never };
    },
  });
}

async function run(definitions: AnyProbeDefinition[], extra: { deadlineMs?: number; maxConcurrent?: number; signal?: AbortSignal; prior?: ProbeResult[] } = {}) {
  const services = createRunServices(input, { extraCa: [] });
  const started = performance.now();
  const results = await runProbes({ definitions, input, services, deadlineMs: extra.deadlineMs ?? 5000, ...extra });
  await services.close();
  return { results, elapsed: performance.now() - started, byId: new Map(results.map((r) => [r.id, r])) };
}

describe('runProbes', () => {
  it('starts a dependant as soon as its own prerequisite is done, not when all are', async () => {
    const startedAt = new Map<string, number>();
    const t0 = performance.now();
    const first = probe('first', {
      keys: ['fast', 'slow'],
      run: async (key) => {
        await sleep(key === 'fast' ? 10 : 300);
        return {};
      },
    });
    const second = probe('second', {
      keys: ['fast', 'slow'],
      after: (key) => [`first:${key}`],
      run: async (key) => {
        startedAt.set(key, performance.now() - t0);
        return {};
      },
    });
    const { byId } = await run([first, second]);
    expect(byId.get('second:fast')?.status).toBe('ok');
    expect(startedAt.get('fast')).toBeLessThan(200);
    expect(startedAt.get('slow')).toBeGreaterThanOrEqual(290);
  });

  it('skips dependants of failed probes and names the reason', async () => {
    const failing = probe('first', {
      run: () => Promise.reject(new Error('connection refused')),
    });
    let ran = false;
    const dependant = probe('second', {
      after: () => ['first:a'],
      run: async () => {
        ran = true;
        return {};
      },
    });
    const { byId } = await run([failing, dependant]);
    expect(byId.get('first:a')).toMatchObject({ status: 'fail', summary: 'error: connection refused' });
    expect(byId.get('second:a')).toMatchObject({ status: 'skipped', summary: 'skipped: first:a fail', after: ['first:a'] });
    expect(ran).toBe(false);
  });

  it('plans from results as they arrive', async () => {
    const source = probe('first', { run: async () => ({ addresses: ['x', 'y', 'z'] }) });
    const fanOut = probe('second', {
      plan: (view) =>
        view
          .of('first' as 'tcp')
          .flatMap((r) => ((r.data as unknown as { addresses: string[] } | undefined)?.addresses ?? []).map((a) => ({ key: a, target: a, input: a, after: [r.id] }))),
      run: async () => ({}),
    });
    const { results } = await run([source, fanOut]);
    expect(results.map((r) => r.id)).toEqual(['first:a', 'second:x', 'second:y', 'second:z']);
  });

  it('records a probe that exceeds its own timeout as timeout, even if it ignores the signal', async () => {
    const stubborn = probe('first', { timeoutMs: 50, run: () => new Promise(() => undefined) });
    const polite = probe('second', { timeoutMs: 50, run: (_key, signal) => sleep(10_000, signal).then(() => ({})) });
    const { byId, elapsed } = await run([stubborn, polite]);
    expect(byId.get('first:a')?.status).toBe('timeout');
    expect(byId.get('second:a')?.status).toBe('timeout');
    expect(elapsed).toBeLessThan(50 + PROBE_GRACE_MS + 200);
  });

  it('ends at the run deadline with what it has', async () => {
    const quick = probe('first', { run: async () => ({}) });
    const hanging = probe('second', { timeoutMs: 60_000, run: () => new Promise(() => undefined) });
    const later = probe('third', { after: () => ['second:a'], run: async () => ({}) });
    const { byId, elapsed } = await run([quick, hanging, later], { deadlineMs: 200 });
    expect(byId.get('first:a')?.status).toBe('ok');
    expect(byId.get('second:a')).toMatchObject({ status: 'timeout', summary: 'timeout: run deadline reached' });
    expect(byId.get('third:a')?.status).toBe('skipped');
    expect(elapsed).toBeGreaterThanOrEqual(195);
    expect(elapsed).toBeLessThan(200 + DEADLINE_GRACE_MS + 150);
  });

  it('turns a synchronous throw in run or plan into a result', async () => {
    const syncThrow = defineProbe({
      id: 'tcp',
      kind: 'tcp',
      title: 'sync',
      timeoutMs: 100,
      plan: () => [{ key: 'a', target: 'a', input: undefined }],
      run: () => {
        throw new Error('boom');
      },
    });
    const badPlan = defineProbe({
      id: 'tls',
      kind: 'tls',
      title: 'bad plan',
      timeoutMs: 100,
      plan: () => {
        throw new Error('plan bug');
      },
      run: () => Promise.reject(new Error('never')),
    });
    const { byId } = await run([syncThrow, badPlan]);
    expect(byId.get('tcp:a')).toMatchObject({ status: 'fail', summary: 'error: boom' });
    expect(byId.get('tls:plan')).toMatchObject({ status: 'fail', summary: 'planning failed: plan bug' });
  });

  it('keeps to the concurrency limit', async () => {
    let now = 0;
    let peak = 0;
    const many = probe('first', {
      keys: Array.from({ length: 12 }, (_, i) => String(i)),
      run: async () => {
        now += 1;
        peak = Math.max(peak, now);
        await sleep(15);
        now -= 1;
        return {};
      },
    });
    const { results } = await run([many], { maxConcurrent: 3 });
    expect(results.every((r) => r.status === 'ok')).toBe(true);
    expect(peak).toBe(3);
  });

  it('shows the results of an earlier phase to plan and run, lets `after` name them, and does not return them again', async () => {
    const earlier = await run([probe('first', { keys: ['ok', 'bad'], run: async (key) => (key === 'ok' ? { n: 1 } : Promise.reject(new Error('no'))) })]);
    const seen: string[] = [];
    const later = defineProbe({
      id: 'tls',
      kind: 'tls',
      title: 'later',
      timeoutMs: 100,
      plan: (view) => view.of('first' as 'tcp').map((r) => ({ key: r.id, target: r.id, input: r.id, after: [r.id] })),
      async run({ input, view }) {
        seen.push(`${input} ${view.results.get(input)?.status}`);
        return { status: 'ok', summary: 'later', data: undefined as never };
      },
    });
    const { results, byId } = await run([later], { prior: earlier.results });
    expect(results.map((r) => r.id)).toEqual(['tls:first:ok', 'tls:first:bad']);
    expect(seen).toEqual(['first:ok ok']);
    // A prior result counts as a prerequisite like any other: a failed one skips the dependant.
    expect(byId.get('tls:first:ok')).toMatchObject({ status: 'ok', after: ['first:ok'] });
    expect(byId.get('tls:first:bad')).toMatchObject({ status: 'skipped', summary: 'skipped: first:bad fail' });
  });

  it('on cancel marks unfinished probes as cancelled and still returns', async () => {
    const controller = new AbortController();
    const hanging = probe('first', { timeoutMs: 60_000, run: (_k, signal) => sleep(60_000, signal).then(() => ({})) });
    setTimeout(() => controller.abort(), 30);
    const { byId, elapsed } = await run([hanging], { signal: controller.signal });
    expect(byId.get('first:a')).toMatchObject<Partial<ProbeResult>>({ status: 'skipped', summary: 'cancelled' });
    expect(elapsed).toBeLessThan(1000);
  });
});
