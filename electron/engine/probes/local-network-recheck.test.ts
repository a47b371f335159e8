import { describe, expect, it } from 'vitest';
import type { LocalNetworkData } from '../../../shared/model/probe-data';
import type { ProbeResult } from '../../../shared/model/probe-result';
import { prepareRun } from '../engine-options';
import { defineProbe, type AnyProbeDefinition } from '../probe';
import { FINAL_PHASE_MIN_MS, runDiagnosis } from '../run-diagnosis';
import { DEADLINE_GRACE_MS } from '../runner';
import { FINAL_PROBES } from '.';
import { localNetworkProbe } from './local-network';
import { createLocalNetworkRecheckProbe, localNetworkRecheckProbe, type LocalNetworkSource } from './local-network-recheck';

/**
 * The second snapshot of the local network at the end of a run (`local.network-recheck`), in a
 * whole diagnosis: it runs after every other probe, even when the deadline came, and a changed
 * network raises `net.changed-during-run`. Only local state is read; no test here touches the
 * network (the DNS server and connectivity URL point at a discard port nobody asks).
 */

const prepare = (timeoutSeconds = 5) =>
  prepareRun({ server: 'mail.contoso.test', dnsServers: ['127.0.0.1:9'], connectivityUrl: 'http://127.0.0.1:9/', noProxy: true, timeoutSeconds });

/** A probe that takes `ms` (or never ends) and honours its signal, to stand for the rest of a run. */
function busyProbe(ms: number): AnyProbeDefinition {
  return defineProbe({
    id: 'tcp',
    kind: 'tcp',
    title: 'busy',
    timeoutMs: 60_000,
    plan: () => [{ key: 'busy', target: 'busy', input: undefined }],
    run: ({ signal }) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => resolve({ status: 'ok', summary: 'done', data: undefined as never }), ms);
        signal.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(signal.reason as Error);
        });
      }),
  });
}

/** The first snapshot with a WLAN adapter added: what undocking onto WLAN looks like. */
const joinedWlan: LocalNetworkSource = async ({ view }) => {
  const first = view.results.get('local.network:this-computer') as (ProbeResult & { data: LocalNetworkData }) | undefined;
  if (!first?.data) throw new Error('no first snapshot');
  return {
    ...first.data,
    interfaces: [
      ...first.data.interfaces,
      { name: 'wlan0', mac: '02:00:00:00:00:01', internal: false, medium: 'wireless', vpn: null, addresses: [{ address: '10.9.8.7', family: 4, cidr: '10.9.8.7/24', linkLocal: false }] },
    ],
  };
};

const endTime = (r: ProbeResult) => Date.parse(r.startedAt) + r.durationMs;

describe('local.network-recheck', () => {
  it('is the final probe of every run', () => {
    expect(FINAL_PROBES).toContain(localNetworkRecheckProbe);
  });

  it('reads the network again after every other probe and finds it unchanged', async () => {
    const { evidence, report } = await runDiagnosis(await prepare(), { probes: [localNetworkProbe, busyProbe(200)] });
    const recheck = evidence.probes.find((p) => p.probe === 'local.network-recheck');
    expect(recheck).toMatchObject({ id: 'local.network-recheck:end-of-run', status: 'ok', kind: 'system', after: ['local.network:this-computer'] });
    expect(recheck?.summary).toMatch(/^unchanged since the start/);
    // Timed like any probe, and started only when the slow probe was done.
    const busy = evidence.probes.find((p) => p.id === 'tcp:busy')!;
    expect(Date.parse(recheck!.startedAt)).toBeGreaterThanOrEqual(endTime(busy) - 1);
    expect(recheck!.durationMs).toBeGreaterThanOrEqual(0);
    expect(report.findings.map((f) => f.id)).not.toContain('net.changed-during-run');
    // The section is checked now, and fine.
    expect(report.sections.find((s) => s.id === 'network-change')?.status).toBe('ok');
  });

  it('raises net.changed-during-run when the second snapshot differs', async () => {
    const { report } = await runDiagnosis(await prepare(), {
      probes: [localNetworkProbe],
      finalProbes: [createLocalNetworkRecheckProbe(joinedWlan)],
    });
    const finding = report.findings.find((f) => f.id === 'net.changed-during-run');
    expect(finding?.evidence).toEqual(['local.network:this-computer', 'local.network-recheck:end-of-run']);
    expect(finding?.detail).toContain('wlan0');
    expect(report.sections.find((s) => s.id === 'network-change')).toMatchObject({ status: 'warning', findings: ['net.changed-during-run'] });
    expect(report.probes.find((p) => p.id === 'local.network-recheck:end-of-run')?.summary).toMatch(/^changed during the run: \+wlan0/);
  });

  it('still runs when the deadline ended the run, and the run stays within deadline + 1 s', async () => {
    const timeoutSeconds = 1;
    const started = performance.now();
    const outcome = await runDiagnosis(await prepare(timeoutSeconds), { probes: [localNetworkProbe, busyProbe(60_000)] });
    const elapsed = performance.now() - started;
    expect(outcome.endedEarly).toBe('deadline');
    expect(outcome.evidence.probes.find((p) => p.id === 'tcp:busy')?.status).toBe('timeout');
    expect(outcome.evidence.probes.find((p) => p.probe === 'local.network-recheck')?.status).toBe('ok');
    expect(elapsed).toBeLessThan(timeoutSeconds * 1000 + DEADLINE_GRACE_MS + FINAL_PHASE_MIN_MS + 500);
  });

  it('gives up at its own short deadline when the snapshot hangs after the run deadline', async () => {
    const hangs: LocalNetworkSource = () => new Promise(() => undefined);
    const started = performance.now();
    const outcome = await runDiagnosis(await prepare(1), { probes: [localNetworkProbe, busyProbe(60_000)], finalProbes: [createLocalNetworkRecheckProbe(hangs)] });
    expect(outcome.evidence.probes.find((p) => p.probe === 'local.network-recheck')?.status).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(1000 + DEADLINE_GRACE_MS + FINAL_PHASE_MIN_MS + DEADLINE_GRACE_MS + 400);
    expect(outcome.report.findings.map((f) => f.id)).not.toContain('net.changed-during-run');
  });

  it('is not planned without a first snapshot, and not run after a cancel', async () => {
    const failing = defineProbe({ ...localNetworkProbe, run: () => Promise.reject(new Error('no /proc')) });
    const noFirst = await runDiagnosis(await prepare(), { probes: [failing] });
    expect(noFirst.evidence.probes.map((p) => p.probe)).toEqual(['local.network']);
    expect(noFirst.report.sections.find((s) => s.id === 'network-change')?.status).toBe('not-checked');

    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const cancelled = await runDiagnosis(await prepare(), { probes: [localNetworkProbe, busyProbe(60_000)], signal: controller.signal });
    expect(cancelled.endedEarly).toBe('cancelled');
    expect(cancelled.evidence.probes.some((p) => p.probe === 'local.network-recheck')).toBe(false);
  });
});
