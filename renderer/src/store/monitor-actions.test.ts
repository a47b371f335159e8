import { describe, expect, it } from 'vitest';
import type { MonitorSnapshot, OutlookDoktorApi } from '../../../shared/ipc/api';
import type { MonitorSample, MonitorStats } from '../../../shared/monitor/monitor-types';
import { sampleRunInfo } from '../../../shared/monitor/testing/run-info';
import { addSample, TIMELINE_ROW_LENGTH, TIMELINE_ROWS, serverText } from './monitor-actions';
import { fakeApi, INFO, report } from './testing/fake-api';
import { createWizardStore } from './wizard-store';

const INFO_MONITOR = sampleRunInfo(Date.UTC(2026, 11, 3, 9, 0, 0));

const sample = (seq: number, result: MonitorSample['result'] = 'challenge'): MonitorSample => ({
  seq,
  atMs: INFO_MONITOR.startedAtMs + seq * 1000,
  result,
  ...(result === 'challenge' ? { status: 401, methods: ['Negotiate'], timings: { totalMs: 20 + seq } } : {}),
});

const stats = (patch: Partial<MonitorStats> = {}) => ({ measured: 3, ok: 2, failed: 1, outages: { count: 1 }, ...patch }) as MonitorStats;

async function ready(overrides: Partial<OutlookDoktorApi> = {}) {
  const fake = fakeApi({ getAppInfo: async () => ({ ...INFO, capabilities: { bundleExport: true, monitor: true } }), ...overrides });
  const ids = ['mon-0000001', 'mon-0000002', 'mon-0000003'];
  const store = createWizardStore(fake.api, { runId: () => ids.shift()! });
  await store.getState().actions.init();
  return { ...fake, store };
}

describe('the timeline rows', () => {
  it('puts each sample into its row of 60 by tick number, holes where none arrived', () => {
    let view = { rows: [], olderSamples: 0, lastSeq: -1 } as Parameters<typeof addSample>[0];
    for (const seq of [0, 1, 3, 59, 60, 61]) view = addSample(view, sample(seq, seq === 3 ? 'error' : 'challenge'));
    expect(view.rows.map((r) => r.first)).toEqual([0, 60]);
    expect(view.rows[0]!.samples.map((s) => s?.result ?? null).slice(0, 4)).toEqual(['challenge', 'challenge', null, 'error']);
    expect(view.rows[0]!.samples[59]?.seq).toBe(59);
    expect(view.lastSeq).toBe(61);
  });

  it('keeps finished rows as they are, so only the newest row renders again', () => {
    let view = { rows: [], olderSamples: 0, lastSeq: -1 } as Parameters<typeof addSample>[0];
    for (let seq = 0; seq < 61; seq += 1) view = addSample(view, sample(seq));
    const finished = view.rows[0];
    view = addSample(view, sample(61));
    expect(view.rows[0]).toBe(finished);
  });

  it('keeps at most an hour of rows and counts what it let go', () => {
    let view = { rows: [], olderSamples: 0, lastSeq: -1 } as Parameters<typeof addSample>[0];
    const total = (TIMELINE_ROWS + 2) * TIMELINE_ROW_LENGTH;
    for (let seq = 0; seq < total; seq += 1) view = addSample(view, sample(seq));
    expect(view.rows).toHaveLength(TIMELINE_ROWS);
    expect(view.rows[0]!.first).toBe(2 * TIMELINE_ROW_LENGTH);
    expect(view.olderSamples).toBe(2 * TIMELINE_ROW_LENGTH);
    // A straggler of a row already dropped is counted, not shown.
    view = addSample(view, sample(5));
    expect(view.olderSamples).toBe(2 * TIMELINE_ROW_LENGTH + 1);
  });

  it('writes the server as the form takes it', () => {
    expect(serverText({ host: 'mail.contoso.test', port: 443 })).toBe('mail.contoso.test');
    expect(serverText({ host: 'mail.contoso.test', port: 8443 })).toBe('mail.contoso.test:8443');
    expect(serverText({ host: '::1', port: 8443 })).toBe('[::1]:8443');
  });
});

describe('the monitor in the store', () => {
  it('starts with the form’s settings, follows its events, sets markers with a note and stops', async () => {
    const { store, calls, emitMonitor } = await ready({
      startMonitor: async (request) => (calls.push({ verb: 'startMonitor', request }), { ok: true, info: INFO_MONITOR }),
      markMonitor: async (request) => (calls.push({ verb: 'markMonitor', request }), { marker: { type: 'marker', atMs: INFO_MONITOR.startedAtMs + 2500, number: 1, note: request.note! } }),
    });
    const { actions } = store.getState();
    actions.goTo('monitor');
    actions.setMonitorField('server', ' mail.contoso.test ');
    actions.setMonitorField('duration', 'h1');
    actions.setMonitorField('keepAlive', true);
    await expect(actions.startMonitor()).resolves.toBe(true);
    expect(calls.find((c) => c.verb === 'startMonitor')!.request).toEqual({ monitorId: 'mon-0000001', server: 'mail.contoso.test', intervalSeconds: 1, durationSeconds: 3600, keepAlive: true });
    expect(store.getState().monitor).toMatchObject({ phase: 'running', id: 'mon-0000001', info: INFO_MONITOR });
    expect(store.getState().step).toBe('monitor');

    emitMonitor({ monitorId: 'mon-0000001', event: { type: 'monitor-sample', sample: sample(0) } });
    emitMonitor({ monitorId: 'someone-else', event: { type: 'monitor-sample', sample: sample(1, 'error') } });
    emitMonitor({ monitorId: 'mon-0000001', event: { type: 'monitor-sample', sample: sample(1, 'error') } });
    emitMonitor({ monitorId: 'mon-0000001', event: { type: 'monitor-timeline', event: { type: 'network', atMs: INFO_MONITOR.startedAtMs + 1500, changes: [] } } });
    emitMonitor({ monitorId: 'mon-0000001', event: { type: 'monitor-stats', stats: stats() } });
    const view = store.getState().monitor;
    expect(view.rows[0]!.samples.map((s) => s?.result)).toEqual(['challenge', 'error']);
    expect(view.events.map((e) => [e.event.type, e.afterSeq])).toEqual([['network', 1]]);
    expect(view.stats?.failed).toBe(1);

    actions.setMonitorNote('  Outlook zeigt Getrennt ');
    await actions.markProblem();
    expect(calls.find((c) => c.verb === 'markMonitor')!.request).toEqual({ monitorId: 'mon-0000001', note: 'Outlook zeigt Getrennt' });
    expect(store.getState().monitor).toMatchObject({ lastMarker: { number: 1 }, note: '' });

    await actions.stopMonitor();
    expect(calls.find((c) => c.verb === 'stopMonitor')!.request).toEqual({ monitorId: 'mon-0000001' });
    expect(store.getState().monitor.phase).toBe('stopping');
    emitMonitor({ monitorId: 'mon-0000001', event: { type: 'monitor-ended', reason: 'stopped', stats: stats({ measured: 2 }) } });
    expect(store.getState().monitor).toMatchObject({ phase: 'ended', ended: 'stopped', stats: { measured: 2 } });

    // A new monitor keeps the settings, not the old timeline.
    actions.newMonitor();
    expect(store.getState().monitor).toMatchObject({ phase: 'idle', rows: [], form: { server: ' mail.contoso.test ', duration: 'h1', keepAlive: true } });
  });

  it('checks the server before asking the host, and shows the host’s refusal on the right field', async () => {
    const { store, calls } = await ready({
      startMonitor: async (request) => (calls.push({ verb: 'startMonitor', request }), { ok: false, field: 'server', problem: 'host-invalid', message: '--server is not a host name' }),
    });
    const { actions } = store.getState();
    await expect(actions.startMonitor()).resolves.toBe(false);
    expect(store.getState().monitor.problems).toEqual({ server: { key: 'ui/monitor/problem/missing' } });
    actions.setMonitorField('server', 'https://mail.contoso.test/owa');
    await actions.startMonitor();
    expect(store.getState().monitor.problems.server).toMatchObject({ suggestion: 'mail.contoso.test' });
    expect(calls.filter((c) => c.verb === 'startMonitor')).toEqual([]);
    actions.setMonitorField('server', 'exchange.contoso.test');
    await expect(actions.startMonitor()).resolves.toBe(false);
    expect(store.getState().monitor).toMatchObject({ phase: 'idle', id: null, problems: { server: { key: 'ui/problem/server/host-invalid' } } });
  });

  it('starts from the summary with the server that was checked, and exports run and monitor in one bundle', async () => {
    const { store, calls, emit } = await ready({
      startMonitor: async (request) => (calls.push({ verb: 'startMonitor', request }), { ok: true, info: INFO_MONITOR }),
      previewBundle: async (request) => (calls.push({ verb: 'previewBundle', request }), { ok: false, problem: 'no-report' }),
    });
    const { actions } = store.getState();
    actions.setField('email', 'anna@contoso.test');
    await actions.start();
    emit({ runId: 'mon-0000001', type: 'finished', report: report('ok'), endedEarly: null });
    await actions.startMonitorFromSummary();
    expect(calls.find((c) => c.verb === 'startMonitor')!.request).toMatchObject({ monitorId: 'mon-0000002', server: 'mail.contoso.test', intervalSeconds: 1 });
    actions.openExport();
    expect(calls.find((c) => c.verb === 'previewBundle')!.request).toMatchObject({ runId: 'mon-0000001', monitorId: 'mon-0000002' });
  });

  it('shows a monitor the host already runs when the page loads', async () => {
    const snapshot: MonitorSnapshot = {
      monitorId: 'mon-host0001',
      info: { ...INFO_MONITOR, port: 8443, intervalMs: 500, connection: 'keep-alive' },
      running: true,
      ended: null,
      samples: [sample(0), sample(1, 'no-challenge'), sample(2)],
      events: [{ type: 'marker', atMs: INFO_MONITOR.startedAtMs + 1200, number: 1 }],
      stats: stats(),
    };
    const { store } = await ready({ getMonitorState: async () => ({ monitor: snapshot }) });
    expect(store.getState().monitor).toMatchObject({
      phase: 'running',
      id: 'mon-host0001',
      form: { server: 'mail.contoso.test:8443', intervalSeconds: 0.5, keepAlive: true },
      events: [{ afterSeq: 1 }],
      lastSeq: 2,
    });
    expect(store.getState().monitor.rows[0]!.samples.map((s) => s?.result)).toEqual(['challenge', 'no-challenge', 'challenge']);
  });

  it('asks a host without the monitor nothing about it', async () => {
    const { calls } = await ready({ getAppInfo: async () => INFO });
    expect(calls.filter((c) => c.verb === 'getMonitorState')).toEqual([]);
  });
});
