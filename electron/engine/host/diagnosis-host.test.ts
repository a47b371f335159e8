import { describe, expect, it } from 'vitest';
import type { DiagnosisEvent } from '../../../shared/ipc/api';
import { reportSchema } from '../../../shared/report/report-schema';
import { defineProbe, type AnyProbeDefinition } from '../probe';
import { createDiagnosisHost } from './diagnosis-host';

/** Every run here stays on loopback: a dead loopback port for DNS and the connectivity check. */
const base = { dnsServers: ['127.0.0.1:9'], connectivityUrl: 'http://127.0.0.1:9/connecttest.txt', noProxy: true, timeoutSeconds: 5 };

/** A probe that takes its time and honours its signal, so a run can be cancelled while it waits. */
const slowProbe: AnyProbeDefinition = defineProbe({
  id: 'tcp',
  kind: 'tcp',
  title: 'slow test probe',
  timeoutMs: 20_000,
  plan: () => [{ key: 'slow', target: 'nowhere', input: undefined }],
  run: ({ signal }) =>
    new Promise((_resolve, reject) => {
      signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
    }),
});

function collect() {
  const events: DiagnosisEvent[] = [];
  let onFinish: (e: DiagnosisEvent) => void = () => undefined;
  const finished = new Promise<DiagnosisEvent>((resolve) => (onFinish = resolve));
  return {
    events,
    finished,
    emit: (event: DiagnosisEvent) => {
      events.push(event);
      if (event.type !== 'progress') onFinish(event);
    },
  };
}

describe('createDiagnosisHost', () => {
  it('runs the real engine and streams progress, then the report, tagged with the page’s run id', async () => {
    const sink = collect();
    const host = createDiagnosisHost({ base, emit: sink.emit });
    await expect(host.start({ runId: 'run-happy-1', server: '127.0.0.1:9', lang: 'de' })).resolves.toEqual({ ok: true });
    const last = await sink.finished;
    expect(sink.events.every((e) => e.runId === 'run-happy-1')).toBe(true);
    const types = sink.events.filter((e) => e.type === 'progress').map((e) => (e.type === 'progress' ? e.event.type : ''));
    expect(types).toContain('probe-planned');
    expect(types).toContain('probe-finished');
    expect(last.type).toBe('finished');
    if (last.type !== 'finished') return;
    expect(reportSchema.safeParse(last.report).success).toBe(true);
    expect(last.report.input).toMatchObject({ server: '127.0.0.1:9', dnsServers: ['127.0.0.1:9'], connectivityUrl: base.connectivityUrl, lang: 'de' });
    // An IP target needs no DNS; port 9 refuses, so TLS and HTTP are never planned.
    expect(last.report.probes.map((p) => p.probe)).toEqual(expect.arrayContaining(['local.network', 'tcp', 'connectivity']));
    expect(last.endedEarly).toBeNull();
  });

  it('answers typos with the field and the shared validation’s reason, without starting', async () => {
    const sink = collect();
    const host = createDiagnosisHost({ base, emit: sink.emit });
    await expect(host.start({ runId: 'run-typo-01', email: 'anna.muster@contoso,de', lang: 'de' })).resolves.toMatchObject({ ok: false, field: 'email', problem: 'host-invalid' });
    await expect(host.start({ runId: 'run-typo-02', server: 'https://mail.contoso.test/owa', lang: 'de' })).resolves.toMatchObject({ ok: false, field: 'server', problem: 'host-has-path' });
    await expect(host.start({ runId: 'run-typo-03', email: '  ', server: '', lang: 'de' })).resolves.toMatchObject({ ok: false, field: 'form', problem: 'missing' });
    expect(sink.events).toEqual([]);
  });

  it('reports a broken host configuration as such, not as the user’s typo', async () => {
    const host = createDiagnosisHost({ base: { ...base, connectivityUrl: 'ftp://x' }, emit: () => undefined });
    await expect(host.start({ runId: 'run-config-1', server: 'mail.contoso.test', lang: 'de' })).resolves.toMatchObject({ ok: false, field: 'form', problem: 'config' });
  });

  it('runs one diagnosis at a time, refuses a replayed run id, and cancels with a report', async () => {
    const sink = collect();
    const host = createDiagnosisHost({ base: { ...base, timeoutSeconds: 30 }, emit: sink.emit, probes: [slowProbe] });
    await expect(host.start({ runId: 'run-slow-01', server: 'mail.contoso.test', lang: 'en' })).resolves.toEqual({ ok: true });
    await expect(host.start({ runId: 'run-slow-02', server: 'mail.contoso.test', lang: 'en' })).resolves.toMatchObject({ ok: false, problem: 'busy' });
    expect(host.cancel({ runId: 'run-other-1' })).toEqual({ cancelled: false });
    const started = performance.now();
    expect(host.cancel({ runId: 'run-slow-01' })).toEqual({ cancelled: true });
    const last = await sink.finished;
    // Generous: the runner gives running probes a short grace after a cancel.
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(last).toMatchObject({ runId: 'run-slow-01', type: 'finished', endedEarly: 'cancelled' });
    await host.idle();
    await expect(host.start({ runId: 'run-slow-01', server: 'mail.contoso.test', lang: 'en' })).resolves.toMatchObject({ ok: false, problem: 'duplicate-run' });
  });

  it('keeps the last finished run for the export, by its id, and forgets it when the next run starts', async () => {
    const sink = collect();
    const host = createDiagnosisHost({ base, emit: sink.emit });
    expect(host.finishedRun('run-keep-001')).toBeUndefined();
    await host.start({ runId: 'run-keep-001', server: '127.0.0.1:9', lang: 'de' });
    // Not before the report is out.
    expect(host.finishedRun('run-keep-001')).toBeUndefined();
    const last = await sink.finished;
    await host.idle();
    const kept = host.finishedRun('run-keep-001');
    expect(kept?.report).toEqual(last.type === 'finished' ? last.report : null);
    expect(kept?.artifacts.length).toBeGreaterThan(0);
    expect(Object.keys(kept!).sort()).toEqual(['artifacts', 'report', 'runId']);
    expect(host.finishedRun('run-other-01')).toBeUndefined();
    await expect(host.start({ runId: 'run-keep-002', server: '127.0.0.1:9', lang: 'de' })).resolves.toEqual({ ok: true });
    expect(host.finishedRun('run-keep-001')).toBeUndefined();
    await host.idle();
    expect(host.finishedRun('run-keep-002')?.runId).toBe('run-keep-002');
  });

  it('keeps running when the page’s listener throws', async () => {
    let finished = false;
    const host = createDiagnosisHost({
      base,
      emit: (event) => {
        if (event.type === 'finished') finished = true;
        throw new Error('page gone');
      },
    });
    await host.start({ runId: 'run-throwing', server: '127.0.0.1:9', lang: 'de' });
    await host.idle();
    expect(finished).toBe(true);
  });

  it('cancels every run on dispose and still delivers their reports', async () => {
    const sink = collect();
    const host = createDiagnosisHost({ base: { ...base, timeoutSeconds: 30 }, emit: sink.emit, probes: [slowProbe] });
    await host.start({ runId: 'run-dispose', server: 'mail.contoso.test', lang: 'de' });
    await host.dispose();
    expect(await sink.finished).toMatchObject({ type: 'finished', endedEarly: 'cancelled' });
  });
});
