import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { reportSchema } from '../../../shared/report/report-schema';
import type { MonitorEventPayload } from '../../../shared/ipc/api';
import { startLabDnsServer, type LabDnsServer } from '../../../e2e/lab/dns-server';
import { startFlappingExchange, type FlapStep, type FlappingLab } from '../../../e2e/lab/flapping-exchange';
import { sampleArtifacts, sampleReport } from '../../../e2e/fixtures/bundle-fixture';
import { readZipEntries } from '../../../e2e/support/zip-entries';
import { createBundleExporter } from './bundle-export';
import { createMonitorHost, type MonitorHost } from './monitor-host';

/**
 * The monitor as the app's main process and the web bridge host it: a lab DNS server names
 * `mail.contoso.test`, a flapping Exchange-like server answers on loopback.
 */
let dns: LabDnsServer;
let dir: string;
const cleanups: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  dns = await startLabDnsServer({ zone: {} });
  dir = await mkdtemp(path.join(tmpdir(), 'od-monitor-host-'));
});
afterAll(async () => {
  await dns.close();
  await rm(dir, { recursive: true, force: true });
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function lab(pattern: FlapStep[]): Promise<FlappingLab> {
  const started = await startFlappingExchange({ pattern });
  cleanups.push(() => started.close());
  dns.set('mail.contoso.test', ['127.0.0.1']);
  return started;
}

function host(): { host: MonitorHost; events: MonitorEventPayload[]; logDirs: string[]; measured: (id: string) => number } {
  const events: MonitorEventPayload[] = [];
  const logDirs: string[] = [];
  const monitors = createMonitorHost({
    base: { dnsServers: dns.servers, hostsFile: '/nonexistent/hosts' },
    emit: (payload) => events.push(payload),
    makeLogDir: async () => {
      const made = await mkdtemp(path.join(dir, 'log-'));
      logDirs.push(made);
      return made;
    },
  });
  cleanups.push(() => monitors.dispose());
  const measured = (id: string) => events.filter((e) => e.monitorId === id && e.event.type === 'monitor-sample' && e.event.sample.result !== 'missed').length;
  return { host: monitors, events, logDirs, measured };
}

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// Half a second: each request's deadline (0.45 s) leaves room for a TLS handshake on a loaded machine.
const start = (server: string, monitorId = 'mon-00000001') => ({ monitorId, server, intervalSeconds: 0.5 });

describe('the monitor host', () => {
  it('runs one monitor, streams its events under the page’s id, takes markers, stops, and keeps it for the page and the bundle', async () => {
    const server = await lab(['ok', 'ok', 'no-challenge', 'ok']);
    const { host: monitors, events, logDirs, measured } = host();
    const started = await monitors.start(start(`mail.contoso.test:${server.port}`));
    expect(started).toMatchObject({ ok: true, info: { host: 'mail.contoso.test', port: server.port, intervalMs: 500, method: 'POST' } });
    expect(monitors.isRunning()).toBe(true);
    // Its log streams to a file of its own: a long run's bundle gets the whole log.
    expect(started.ok && started.info.csvFile).toBe(path.join(logDirs[0]!, 'monitor.csv'));

    await until(() => measured('mon-00000001') >= 2);
    expect(monitors.mark({ monitorId: 'mon-00000001', note: '  Outlook   zeigt „Getrennt“ ' })).toMatchObject({ marker: { type: 'marker', number: 1, note: 'Outlook zeigt „Getrennt“' } });
    expect(monitors.mark({ monitorId: 'someone-else', note: 'x' })).toEqual({ marker: null });
    await until(() => measured('mon-00000001') >= 4);
    await expect(monitors.stop({ monitorId: 'mon-00000001' })).resolves.toEqual({ stopped: true });
    await expect(monitors.stop({ monitorId: 'mon-00000001' })).resolves.toEqual({ stopped: false });
    expect(monitors.isRunning()).toBe(false);
    expect(monitors.mark({ monitorId: 'mon-00000001' })).toEqual({ marker: null });

    expect(events.every((e) => e.monitorId === 'mon-00000001')).toBe(true);
    expect(events[0]!.event.type).toBe('monitor-started');
    expect(events.at(-1)!.event).toMatchObject({ type: 'monitor-ended', reason: 'stopped' });
    const results = events.flatMap((e) => (e.event.type === 'monitor-sample' && e.event.sample.result !== 'missed' ? [e.event.sample.result] : []));
    expect(results.slice(0, 4)).toEqual(['challenge', 'challenge', 'no-challenge', 'challenge']);

    // A page that loads now sees the monitor as it ended.
    const { monitor } = monitors.state();
    expect(monitor).toMatchObject({ monitorId: 'mon-00000001', running: false, ended: 'stopped', stats: { failed: 1 } });
    expect(monitor!.samples.filter((s) => s.result !== 'missed').map((s) => s.result).slice(0, 4)).toEqual(results.slice(0, 4));
    expect(monitor!.events.filter((e) => e.type === 'marker')).toHaveLength(1);
    // Replacing it (or the end of the host) removes its log file.
    await monitors.dispose();
    expect(existsSync(logDirs[0]!)).toBe(false);
    expect(monitors.state()).toEqual({ monitor: null });
  });

  it('exports the monitor into a bundle on its own (its own report) and beside a diagnosis (its probes added)', async () => {
    const server = await lab(['ok', 'drop', 'ok']);
    const { host: monitors, measured } = host();
    await monitors.start(start(`mail.contoso.test:${server.port}`, 'mon-00000002'));
    await until(() => measured('mon-00000002') >= 3);
    await monitors.stop({ monitorId: 'mon-00000002' });
    const report = sampleReport();
    const exporter = createBundleExporter({
      finishedRun: (runId) => (runId === 'run-0000001' ? { runId, report, artifacts: sampleArtifacts() } : undefined),
      monitor: (id) => monitors.exportable(id),
      localNames: () => ({ users: [], computers: [] }),
    });
    const base = { lang: 'de' as const, anonymize: false, answers: {} };

    expect(exporter.has({ monitorId: 'mon-00000002' })).toBe(true);
    expect(exporter.has({ monitorId: 'mon-99999999' })).toBe(false);
    expect(exporter.has({ runId: 'run-0000001', monitorId: 'mon-99999999' })).toBe(false);
    const preview = await exporter.preview({ ...base, monitorId: 'mon-00000002' });
    expect(preview.ok && preview.preview.entries.map((e) => e.name)).toEqual(expect.arrayContaining(['report.json', 'monitor.csv', 'report.html', 'manifest.json']));

    const alone = path.join(dir, 'monitor-only.zip');
    await expect(exporter.write(alone, { ...base, monitorId: 'mon-00000002' })).resolves.toMatchObject({ ok: true });
    const entries = await readZipEntries(alone);
    const csv = entries.get('monitor.csv')!.toString('utf8').trim().split('\n');
    expect(csv.length).toBeGreaterThanOrEqual(4);
    const own = reportSchema.parse(JSON.parse(entries.get('report.json')!.toString('utf8')));
    expect(own.probes[0]).toMatchObject({ id: 'monitor', kind: 'monitor' });
    expect(own.verdict).toBe('warning');
    expect(entries.get('report.html')!.toString('utf8')).toContain('Dauer');

    const both = path.join(dir, 'both.zip');
    await expect(exporter.write(both, { ...base, runId: 'run-0000001', monitorId: 'mon-00000002' })).resolves.toMatchObject({ ok: true });
    const combined = reportSchema.parse(JSON.parse((await readZipEntries(both)).get('report.json')!.toString('utf8')));
    expect(combined.verdict).toBe(report.verdict);
    expect(combined.findings).toEqual(report.findings);
    // The diagnosis's probes (as the bundle redacts them) come first, the monitor's after them.
    expect(combined.probes.slice(0, report.probes.length).map((p) => p.id)).toEqual(report.probes.map((p) => p.id));
    expect(combined.probes.find((p) => p.id === 'monitor')).toMatchObject({ kind: 'monitor', data: { stats: { failed: 1 } } });
  });

  it('refuses a second monitor while one runs, a replayed id, and input the command line refuses too', async () => {
    const server = await lab([]);
    const { host: monitors } = host();
    await expect(monitors.start(start('mail.contoso.test/owa', 'mon-00000003'))).resolves.toMatchObject({ ok: false, field: 'server', problem: 'host-has-path' });
    await expect(monitors.start(start('', 'mon-00000004'))).resolves.toMatchObject({ ok: false, field: 'server', problem: 'empty' });
    await expect(monitors.start({ ...start('mail.contoso.test', 'mon-00000005'), durationSeconds: 1e9 })).resolves.toMatchObject({ ok: false, field: 'duration' });
    await expect(monitors.start(start(`mail.contoso.test:${server.port}`, 'mon-00000006'))).resolves.toMatchObject({ ok: true });
    await expect(monitors.start(start(`mail.contoso.test:${server.port}`, 'mon-00000007'))).resolves.toMatchObject({ ok: false, field: 'form', problem: 'busy' });
    await monitors.stop({ monitorId: 'mon-00000006' });
    await expect(monitors.start(start(`mail.contoso.test:${server.port}`, 'mon-00000006'))).resolves.toMatchObject({ ok: false, problem: 'duplicate' });
    // After the end a new one starts and replaces the old one.
    await expect(monitors.start(start(`mail.contoso.test:${server.port}`, 'mon-00000008'))).resolves.toMatchObject({ ok: true });
    expect(monitors.exportable('mon-00000006')).toBeUndefined();
    expect(monitors.state().monitor?.monitorId).toBe('mon-00000008');
  });

  it('ends a monitor at its duration on its own', async () => {
    const server = await lab([]);
    const { host: monitors, events } = host();
    await monitors.start({ ...start(`mail.contoso.test:${server.port}`, 'mon-00000009'), durationSeconds: 1.2 });
    await until(() => events.some((e) => e.event.type === 'monitor-ended'));
    expect(events.at(-1)!.event).toMatchObject({ type: 'monitor-ended', reason: 'duration' });
    expect(monitors.isRunning()).toBe(false);
  });
});
