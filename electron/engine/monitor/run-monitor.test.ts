import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MONITOR_CSV_COLUMNS } from '../../../shared/monitor/monitor-csv';
import type { MonitorEvent, MonitorSample } from '../../../shared/monitor/monitor-types';
import { startLabDnsServer, type LabDnsServer } from '../../../e2e/lab/dns-server';
import { startExchangeLab, type ExchangeLab } from '../../../e2e/lab/exchange-server';
import { startFlappingExchange, type FlapStep, type FlappingLab } from '../../../e2e/lab/flapping-exchange';
import { prepareMonitor, type MonitorOptions } from './monitor-options';
import { startMonitor, type MonitorHooks, type MonitorSession } from './run-monitor';

/**
 * The monitor against loopback servers: a lab DNS server names `mail.contoso.test`, Exchange-like
 * servers answer (or flap on a pattern). Short intervals keep the tests fast; assertions are on
 * counts and order, and on times only with wide margins.
 */
let dns: LabDnsServer;
let dir: string;
const cleanups: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  dns = await startLabDnsServer({ zone: {} });
});
afterAll(async () => {
  await dns.close();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function monitor(options: MonitorOptions, hooks: MonitorHooks & { until?: (measured: MonitorSample[]) => boolean } = {}) {
  const prepared = await prepareMonitor({ dnsServers: dns.servers, hostsFile: '/nonexistent/hosts', ...options });
  const events: MonitorEvent[] = [];
  const measured: MonitorSample[] = [];
  const holder: { session?: MonitorSession } = {};
  const session = await startMonitor(prepared, {
    ...hooks,
    onEvent: (event) => {
      events.push(event);
      hooks.onEvent?.(event);
      if (event.type === 'monitor-sample' && event.sample.result !== 'missed') {
        measured.push(event.sample);
        if (hooks.until?.(measured)) void holder.session?.stop();
      }
    },
  });
  holder.session = session;
  cleanups.push(() => session.stop());
  return { session, events, measured, samples: () => events.flatMap((e) => (e.type === 'monitor-sample' ? [e.sample] : [])) };
}

async function flapping(pattern: FlapStep[]): Promise<FlappingLab> {
  const lab = await startFlappingExchange({ pattern });
  cleanups.push(() => lab.close());
  dns.set('mail.contoso.test', ['127.0.0.1']);
  return lab;
}

describe('the monitor against a server that flaps on a known pattern', () => {
  // Four outages: 2 samples (login page), 1 (dropped connection), 3 (no answer), 1 (503).
  const PATTERN: FlapStep[] = ['ok', 'ok', 'ok', 'no-challenge', 'no-challenge', 'ok', 'ok', 'drop', 'ok', 'silent', 'silent', 'silent', 'ok', 'ok', '503', 'ok', 'ok', 'ok'];

  it('counts the outages, their lengths and the success ratio exactly', async () => {
    const lab = await flapping(PATTERN);
    const run = await monitor({ server: `mail.contoso.test:${lab.port}`, intervalSeconds: 0.25 }, { until: (m) => m.length === PATTERN.length });
    const outcome = await run.session.done;

    expect(outcome.reason).toBe('stopped');
    expect(lab.served.slice(0, PATTERN.length)).toEqual(PATTERN);
    expect(run.measured.map((s) => s.result)).toEqual(
      PATTERN.map((step) => (step === 'ok' ? 'challenge' : step === 'no-challenge' || step === '503' ? 'no-challenge' : 'error')),
    );
    const stats = outcome.stats;
    expect(stats).toMatchObject({ measured: 18, ok: 11, failed: 7, noChallenge: 3, errors: 4 });
    expect(stats.successRatio).toBeCloseTo(11 / 18, 10);
    expect(stats.outages.count).toBe(4);
    expect(stats.outages.recent.map((o) => o.samples)).toEqual([2, 1, 3, 1]);
    expect(stats.outages.longest?.samples).toBe(3);
    expect(stats.outages.current).toBeNull();
    // Each outage lasts from its first failed sample to the next success: its samples × 250 ms, give or take the machine's load.
    for (const outage of stats.outages.recent) {
      expect(outage.endMs).not.toBeNull();
      expect(outage.durationMs).toBeGreaterThanOrEqual(outage.samples * 250 - 100);
      expect(outage.durationMs).toBeLessThan(outage.samples * 250 + 1_000);
    }
    expect(stats.failuresByKind).toEqual({ 'no-challenge': 3, reset: 1, timeout: 3 });
    expect(stats.statuses).toEqual({ 401: 11, 200: 2, 503: 1 });
    expect(stats.methods).toMatchObject({ current: ['Negotiate', 'NTLM'], changes: 0 });
    expect(stats.addresses).toEqual([expect.objectContaining({ address: '127.0.0.1', samples: 18, ok: 11, failed: 7 })]);
    expect(stats.latency.count).toBe(11);
    expect(stats.latency.p50Ms).toBeGreaterThan(0);
    expect(stats.latency.p99Ms).toBeGreaterThanOrEqual(stats.latency.p50Ms!);
    // Figures stream at most about once a second; the last event carries the final ones.
    const streamed = run.events.filter((e) => e.type === 'monitor-stats');
    expect(streamed.length).toBeGreaterThanOrEqual(2);
    expect(streamed.length).toBeLessThanOrEqual(Math.ceil((outcome.endedAtMs - run.session.info.startedAtMs) / 1000) + 1);
    expect(run.events.at(-1)).toEqual({ type: 'monitor-ended', reason: 'stopped', stats });
  });

  it('sends Outlook’s anonymous MAPI request with a dummy Bearer header and no token, a fresh connection each time', async () => {
    const lab = await flapping([]);
    const run = await monitor({ server: `mail.contoso.test:${lab.port}`, intervalSeconds: 0.25 }, { until: (m) => m.length === 4 });
    await run.session.done;
    const request = lab.requests[0]!;
    expect(request.method).toBe('POST');
    expect(request.target).toBe('/mapi/emsmdb/?MailboxId=00000000-0000-0000-0000-000000000000@contoso.test');
    const header = (name: string) => request.headers.filter(([n]) => n.toLowerCase() === name).map(([, v]) => v);
    expect(header('authorization')).toEqual(['Bearer']);
    expect(header('x-requesttype')).toEqual(['Connect']);
    expect(header('connection')).toEqual(['close']);
    expect(request.servername).toBe('mail.contoso.test');
    expect(lab.requests.slice(0, 4).map((r) => /:(\d+)$/.exec(r.headers.find(([n]) => n === 'X-RequestId')![1])![1])).toEqual(['1', '2', '3', '4']);
    expect(run.measured.map((s) => s.connection)).toEqual(['new', 'new', 'new', 'new']);
    const anyNumber = expect.any(Number) as number;
    expect(run.measured[0]!.timings).toMatchObject({ dnsMs: anyNumber, connectMs: anyNumber, tlsMs: anyNumber, ttfbMs: anyNumber });
    // Resolved once: the later samples did not ask DNS again.
    expect(run.measured.slice(1).every((s) => s.timings?.dnsMs === undefined)).toBe(true);
    expect(run.events.filter((e) => e.type === 'monitor-timeline').map((e) => e.type === 'monitor-timeline' && e.event)).toEqual([
      expect.objectContaining({ type: 'resolved', addresses: ['127.0.0.1'], previous: null }),
    ]);
  });

  it('with --url asks that URL with GET and the same dummy header', async () => {
    const lab = await flapping([]);
    const run = await monitor({ url: `https://mail.contoso.test:${lab.port}/EWS/Exchange.asmx`, intervalSeconds: 0.25 }, { until: (m) => m.length === 2 });
    await run.session.done;
    expect(run.session.info).toMatchObject({ method: 'GET', host: 'mail.contoso.test', port: lab.port });
    expect(lab.requests[0]).toMatchObject({ method: 'GET', target: '/EWS/Exchange.asmx' });
    expect(lab.requests[0]!.headers.find(([n]) => n.toLowerCase() === 'authorization')?.[1]).toBe('Bearer');
    expect(run.measured.map((s) => s.result)).toEqual(['challenge', 'challenge']);
  });

  it('with keep-alive reuses one connection, as Outlook does', async () => {
    const lab = await flapping([]);
    const run = await monitor({ server: `mail.contoso.test:${lab.port}`, intervalSeconds: 0.3, keepAlive: true }, { until: (m) => m.length === 4 });
    await run.session.done;
    expect(run.session.info.connection).toBe('keep-alive');
    expect(run.measured.map((s) => s.connection)).toEqual(['new', 'reused', 'reused', 'reused']);
  });
});

describe('addresses and name resolution', () => {
  let lab: ExchangeLab;
  beforeAll(async () => {
    lab = await startExchangeLab({ addresses: { '127.0.0.2': {}, '127.0.0.3': {} } });
  });
  afterAll(async () => {
    await lab.close();
  });

  it('takes the addresses in turn and tells which one failed', async () => {
    lab.setBehaviour('127.0.0.3', { status: 503 });
    dns.set('mail.contoso.test', ['127.0.0.2', '127.0.0.3']);
    const run = await monitor({ server: `mail.contoso.test:${lab.port}`, intervalSeconds: 0.25 }, { until: (m) => m.length === 6 });
    const { stats } = await run.session.done;
    lab.setBehaviour('127.0.0.3', {});
    expect(run.measured.map((s) => s.address)).toEqual(['127.0.0.2', '127.0.0.3', '127.0.0.2', '127.0.0.3', '127.0.0.2', '127.0.0.3']);
    expect(stats.addresses).toEqual([
      expect.objectContaining({ address: '127.0.0.2', samples: 3, ok: 3, failed: 0 }),
      expect.objectContaining({ address: '127.0.0.3', samples: 3, ok: 0, failed: 3, lastErrorKind: 'no-challenge' }),
    ]);
  });

  it('with --resolve-each asks every time and puts a changed answer on the timeline', async () => {
    dns.set('mail.contoso.test', ['127.0.0.2']);
    const run = await monitor(
      { server: `mail.contoso.test:${lab.port}`, intervalSeconds: 0.25, resolveEach: true },
      {
        until: (m) => {
          if (m.length === 3) dns.set('mail.contoso.test', ['127.0.0.3']);
          return m.length === 6;
        },
      },
    );
    await run.session.done;
    expect(run.measured.every((s) => typeof s.timings?.dnsMs === 'number')).toBe(true);
    expect(run.measured.at(-1)!.address).toBe('127.0.0.3');
    const resolved = run.events.flatMap((e) => (e.type === 'monitor-timeline' && e.event.type === 'resolved' ? [e.event] : []));
    expect(resolved.map((r) => [r.previous, r.addresses])).toEqual([
      [null, ['127.0.0.2']],
      [['127.0.0.2'], ['127.0.0.3']],
    ]);
  });

  it('records a name that does not resolve as a DNS error, and resolves again after the failure', async () => {
    dns.set('gone.contoso.test', { rcode: 'NXDOMAIN' });
    const run = await monitor({ server: `gone.contoso.test:${lab.port}`, intervalSeconds: 0.1 }, { until: (m) => m.length === 3 });
    const { stats } = await run.session.done;
    expect(run.measured.map((s) => [s.result, s.error?.kind])).toEqual([
      ['error', 'dns'],
      ['error', 'dns'],
      ['error', 'dns'],
    ]);
    expect(run.measured.every((s) => s.timings?.dnsMs !== undefined)).toBe(true);
    expect(stats).toMatchObject({ measured: 3, ok: 0, failed: 3, failuresByKind: { dns: 3 } });
  });

  it('records a refused connection per address', async () => {
    dns.set('mail.contoso.test', ['127.0.0.4']);
    const run = await monitor({ server: `mail.contoso.test:${lab.port}`, intervalSeconds: 0.25 }, { until: (m) => m.length === 2 });
    const { stats } = await run.session.done;
    expect(run.measured.map((s) => s.error?.kind)).toEqual(['refused', 'refused']);
    expect(stats.addresses[0]).toMatchObject({ address: '127.0.0.4', failed: 2, lastErrorKind: 'refused' });
  });
});

describe('network changes and sleep, with a played clock and adapter history', () => {
  const nic = (address: string) => ({ address, netmask: '255.255.255.0', family: 'IPv4' as const, mac: '00:15:5d:01:02:03', internal: false, cidr: `${address}/24` });
  const DOCKED = { Ethernet: [nic('10.1.2.30')] };
  const WLAN = { WLAN: [nic('192.168.178.23')] };

  it('puts adapter changes and a sleep on the timeline; the sleep ends the outage going on', async () => {
    // Requests 4 and 5 fail, then the computer sleeps an hour, then request 6 fails and 7 answers: two outages.
    const lab = await flapping(['ok', 'ok', 'ok', 'ok', 'no-challenge', 'no-challenge', 'no-challenge', 'ok', 'ok']);
    let offset = 0;
    let adapters: Record<string, ReturnType<typeof nic>[]> = DOCKED;
    const run = await monitor({ server: `mail.contoso.test:${lab.port}`, intervalSeconds: 0.25 }, {
      clock: { wall: () => Date.now() + offset, mono: () => performance.now() },
      readInterfaces: () => adapters,
      until: (m) => {
        if (m.length === 1) adapters = WLAN; // undocked (seen at the first look after a second)
        if (m.length === 6) offset += 3_600_000; // the wall clock jumps, the monotonic one does not: Linux/macOS sleep
        return m.length === 9;
      },
    });
    const { stats } = await run.session.done;
    const timeline = run.events.flatMap((e) => (e.type === 'monitor-timeline' ? [e.event] : []));
    expect(timeline.map((e) => e.type)).toEqual(['resolved', 'network', 'gap']);
    expect(timeline[1]).toMatchObject({
      type: 'network',
      changes: [
        { name: 'Ethernet', change: 'removed', removed: ['10.1.2.30'] },
        { name: 'WLAN', change: 'added', added: ['192.168.178.23'] },
      ],
    });
    const gap = timeline[2]!;
    expect(gap).toMatchObject({ type: 'gap', cause: 'sleep', detectedBy: 'clock-jump' });
    expect(gap.type === 'gap' && gap.gapMs).toBeGreaterThan(3_599_000);
    expect(stats).toMatchObject({ networkChanges: 1, gaps: { count: 1 }, measured: 9, failed: 3 });
    expect(stats.outages.recent.map((o) => o.samples)).toEqual([2, 1]);
    // The outage cut by the sleep ends one interval after its last failed request, not an hour later.
    expect(stats.outages.recent[0]!.durationMs).toBeLessThan(2_000);
    // After the network changed, the name was resolved again.
    const afterChange = run.samples().filter((s) => s.atMs > timeline[1]!.atMs && s.result !== 'missed');
    expect(afterChange[0]?.timings?.dnsMs).toEqual(expect.any(Number));
  });
});

describe('the end of a run', () => {
  it('ends after --duration with one sample per interval, waiting for the last one', async () => {
    const lab = await flapping([]);
    const run = await monitor({ server: `mail.contoso.test:${lab.port}`, intervalSeconds: 0.1, durationSeconds: 0.5 });
    const outcome = await run.session.done;
    expect(outcome.reason).toBe('duration');
    expect(outcome.stats.ticks).toBe(5);
    expect(run.samples().map((s) => s.seq)).toEqual([0, 1, 2, 3, 4]);
    expect(run.events.at(-1)).toMatchObject({ type: 'monitor-ended', reason: 'duration' });
  });

  it('ends at once on the abort signal and drops the request under way', async () => {
    const lab = await flapping(['silent']);
    const controller = new AbortController();
    const run = await monitor({ server: `mail.contoso.test:${lab.port}`, intervalSeconds: 2 }, { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(lab.served).toEqual(['silent']);
    const started = performance.now();
    controller.abort();
    const outcome = await run.session.done;
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(outcome.reason).toBe('aborted');
    expect(outcome.stats.measured).toBe(0); // the unanswered request was dropped, not counted
    expect(run.session.mark('too late')).toBeNull();
  });
});

describe('the log', () => {
  it('streams every sample and marker to the CSV file and hands the bundle the same log with statistics', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'od-monitor-'));
    const file = path.join(dir, 'monitor.csv');
    const lab = await flapping(['ok', 'no-challenge', 'ok', 'ok']);
    const holder: { session?: MonitorSession } = {};
    const run = await monitor({ server: `mail.contoso.test:${lab.port}`, intervalSeconds: 0.25, csvFile: file }, {
      until: (m) => {
        if (m.length === 2) holder.session?.mark('=HYPERLINK("x") Outlook zeigt „Getrennt“');
        return m.length === 4;
      },
    });
    holder.session = run.session;
    const outcome = await run.session.done;
    expect(outcome.csvError).toBeNull();
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(MONITOR_CSV_COLUMNS.join(','));
    expect(lines[0]).not.toMatch(/\d/);
    // A loaded machine may let a tick pass unused (a `missed` line); that is not what is tested here.
    const rows = lines.slice(1).map((l) => l.split(',')).filter((r) => r[3] !== 'missed');
    expect(rows.map((r) => r[2])).toEqual(['resolved', 'sample', 'sample', 'marker', 'sample', 'sample']);
    expect(rows.filter((r) => r[2] === 'sample').map((r) => r[3])).toEqual(['challenge', 'no-challenge', 'challenge', 'challenge']);
    expect(lines.find((l) => l.includes(',marker,'))).toContain(`"'=HYPERLINK(""x"") Outlook zeigt „Getrennt“"`);
    expect(rows[1]![0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/);
    expect(rows[1]![6]).toBe('Negotiate NTLM');

    const bundle = await run.session.bundleData();
    expect(bundle.csv).toBe(text);
    expect(bundle.statistics).toMatchObject({ requests: 4, ok: 3, failed: 1, outages: 1, markers: 1, logSource: 'file', connection: 'fresh' });
  });

  it('without a CSV file exports the ring in memory, events in time order', async () => {
    const lab = await flapping([]);
    const holder: { session?: MonitorSession } = {};
    const run = await monitor({ server: `mail.contoso.test:${lab.port}`, intervalSeconds: 0.1 }, {
      until: (m) => {
        if (m.length === 1) holder.session?.mark();
        return m.length === 3;
      },
    });
    holder.session = run.session;
    await run.session.done;
    const bundle = await run.session.bundleData();
    const rows = bundle.csv.split('\r\n').filter(Boolean).slice(1).map((l) => l.split(','));
    expect(rows.filter((r) => r[3] !== 'missed').map((r) => r[2])).toEqual(['resolved', 'sample', 'marker', 'sample', 'sample']);
    expect(bundle.statistics).toMatchObject({ logSource: 'memory', requests: 3 });
    expect(run.session.recent(2).samples).toEqual(run.samples().slice(-2));
  });

  it('refuses a CSV path that cannot be written before measuring anything', async () => {
    const prepared = await prepareMonitor({ server: 'mail.contoso.test', csvFile: '/nonexistent/folder/monitor.csv', dnsServers: dns.servers });
    await expect(startMonitor(prepared)).rejects.toThrow(/ENOENT/);
  });
});
