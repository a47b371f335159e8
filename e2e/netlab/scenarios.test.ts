import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpEndpointData, MtuData, ProxyConnectData, TcpData } from '../../shared/model/probe-data';
import { reportSchema, type Report } from '../../shared/report/report-schema';
import { startNetlab, type Netlab } from './netlab';
import { DOWNSTREAM_ROUTE_MTU, HTTPS_PORT, LAB_NAMES, SERVER } from './plan';
import { assertCliBuilt, runCliInLab, type CliRun } from './run-cli';
import { netlabSkipReason } from './support';

/**
 * Real network faults, found by the built command line running in the lab's client namespace.
 *
 * Each scenario asks for one name of the lab whose addresses sit behind one fault (plan.ts) and
 * asserts the exact findings: the fault's own, plus `auth.methods` (information) wherever the
 * server answers, and nothing else.
 */

const skipReason = await netlabSkipReason('netlab scenarios');

/** Generous for runs that end by themselves in 0.5–5 s; the deadline scenario sets its own. */
const RUN_TIMEOUT_SECONDS = 10;
/** Below the TCP probe's own 3 s connect deadline: the run's deadline must cut it and still tell. */
const SHORT_TIMEOUT_SECONDS = 2;
/** IPv4 (20) + TCP (20) + TCP timestamps (12): what a packet adds to the TLS bytes it carries. */
const TCP_IP_HEADER_BYTES = 52;
/** Starting Node and the CLI in the namespace, on a loaded two-core machine. */
const PROCESS_START_MARGIN_MS = 4_000;

function findingIds(report: Report): string[] {
  return report.findings.map((f) => f.id).sort();
}

/** What a failed expectation should show: each finding with its detail, and the slowest probes. */
function explain(report: Report): string {
  const findings = report.findings.map((f) => `${f.id} (${f.severity}): ${f.detail}`);
  const slowest = [...report.probes].sort((a, b) => b.durationMs - a.durationMs).slice(0, 5).map((p) => `${p.id} ${p.status} ${p.durationMs} ms: ${p.summary}`);
  return ['findings:', ...findings, 'slowest probes:', ...slowest].join('\n');
}

function probeData<T>(report: Report, probe: string): { id: string; status: string; durationMs: number; data: T }[] {
  return report.probes.filter((p) => p.probe === probe).map((p) => ({ id: p.id, status: p.status, durationMs: p.durationMs, data: p.data as T }));
}

function sectionStatus(report: Report, id: string): string | undefined {
  return report.sections.find((s) => s.id === id)?.status;
}

function tcpErrorsByAddress(report: Report): Record<string, string> {
  return Object.fromEntries(probeData<TcpData>(report, 'tcp').map((p) => [p.data.address, p.data.error?.kind ?? 'ok']));
}

describe.skipIf(skipReason !== null)('network faults in a namespace lab', () => {
  let lab: Netlab;
  const runs: Record<string, CliRun> = {};
  const run = async (scenario: keyof typeof LAB_NAMES, timeoutSeconds = RUN_TIMEOUT_SECONDS, options: { label?: string; extraArgs?: string[] } = {}) => {
    const result = await runCliInLab(lab, LAB_NAMES[scenario].name, { timeoutSeconds, ...(options.extraArgs ? { extraArgs: options.extraArgs } : {}) });
    reportSchema.parse(result.report);
    runs[options.label ?? scenario] = result;
    return result;
  };

  beforeAll(async () => {
    assertCliBuilt();
    lab = await startNetlab();
  }, 60_000);
  afterAll(async () => {
    await lab?.close();
    // The measured durations, for whoever reads the test log.
    console.info(Object.entries(runs).map(([name, r]) => `netlab ${name}: report ${r.report.durationMs} ms, process ${r.wallMs} ms`).join('\n'));
  });

  it('healthy: verdict ok, both addresses pass the small exchange, the large request and the large answer', async () => {
    const { report, exitCode } = await run('healthy');
    expect(findingIds(report), explain(report)).toEqual(['auth.methods']);
    expect(report.verdict).toBe('ok');
    expect(exitCode).toBe(0);
    expect(sectionStatus(report, 'mtu')).toBe('ok');
    expect(report.sections.filter((s) => s.status === 'warning' || s.status === 'problem')).toEqual([]);
    const mtu = probeData<MtuData>(report, 'mtu');
    expect(mtu.map((p) => p.data.address).sort()).toEqual([SERVER.healthy4, SERVER.healthy6].sort());
    for (const { data } of mtu) {
      expect(data.small.outcome).toBe('ok');
      expect(data.large.outcome).toBe('ok');
      expect(data.large.requestBytes).toBeGreaterThan(4 * 1500);
      expect(data.largeResponse).toMatchObject({ outcome: 'ok', status: 200, path: '/owa/auth/logon.aspx' });
      expect(data.largeResponse!.responseBytes).toBeGreaterThan(8 * 1024);
      // A healthy path needs no ping sweep.
      expect(data.dfSweep).toBeUndefined();
    }
  });

  it('healthy through the router\'s proxy: no proxy problem, and the requests went through tinyproxy', async () => {
    const logBefore = lab.proxyLog().length;
    const { report, exitCode } = await run('healthy', RUN_TIMEOUT_SECONDS, { label: 'healthy via proxy', extraArgs: ['--proxy', lab.proxyUrl] });
    // proxy.configured is information: it names the proxy the other checks went through.
    expect(findingIds(report), explain(report)).toEqual(['auth.methods', 'proxy.configured']);
    expect(report.findings.find((f) => f.id === 'proxy.configured')?.args).toMatchObject({ proxy: new URL(lab.proxyUrl).host });
    expect(report.verdict).toBe('ok');
    expect(exitCode).toBe(0);
    expect(sectionStatus(report, 'proxy')).toBe('ok');

    const tunnels = probeData<ProxyConnectData>(report, 'proxy.connect');
    expect(tunnels.length).toBeGreaterThan(0);
    for (const { data } of tunnels) {
      expect(data).toMatchObject({ host: LAB_NAMES.healthy.name, port: HTTPS_PORT, outcome: 'tunnel', tls: { trusted: true } });
      expect(data.tls?.error).toBeUndefined();
    }
    // Besides each address directly, the engine asks the Exchange endpoints through the proxy, the way Outlook goes.
    const proxied = probeData<HttpEndpointData>(report, 'http').filter((p) => p.data.via !== undefined);
    expect(proxied.map((p) => p.data.endpoint).sort()).toEqual(['autodiscover', 'ews', 'mapi', 'rpc', 'rpc-in-data']);
    for (const { id, status, data } of proxied) {
      expect(status, id).toBe('ok');
      expect(data.via, id).toMatchObject({ host: new URL(lab.proxyUrl).hostname, port: Number(new URL(lab.proxyUrl).port) });
    }

    // The proxy's own log, CONNECTs to the Exchange host by name: the tunnel checks' own, and at
    // least one more for the requests through it (they may share a tunnel).
    const connects = lab.proxyLog().slice(logBefore).match(new RegExp(`Request \\(file descriptor \\d+\\): CONNECT ${LAB_NAMES.healthy.name.replaceAll('.', '\\.')}:${HTTPS_PORT} `, 'g')) ?? [];
    expect(connects.length).toBeGreaterThanOrEqual(tunnels.length + 1);
  });

  it('MTU black hole: the small exchange passes, the large one stalls, the DF ping sweep finds 1400', async () => {
    const { report, exitCode } = await run('blackhole');
    expect(findingIds(report), explain(report)).toEqual(['auth.methods', 'mtu.blackhole-suspected']);
    expect(exitCode).toBe(2);
    expect(sectionStatus(report, 'mtu')).toBe('problem');
    const [mtu, ...more] = probeData<MtuData>(report, 'mtu');
    expect(more).toEqual([]);
    expect(mtu!.data.address).toBe(SERVER.blackhole4);
    expect(mtu!.data.small).toMatchObject({ outcome: 'ok' });
    expect(mtu!.data.large).toMatchObject({ outcome: 'stalled', receivedBytes: 0 });
    // The server sends over its own 1400-byte link in packets that fit: the large answer arrives.
    expect(mtu!.data.largeResponse).toMatchObject({ outcome: 'ok', status: 200 });
    // 1400-byte link: 1372 bytes of ping payload + 28 bytes of headers.
    expect(mtu!.data.dfSweep).toEqual({ largestPassingPayload: 1372, smallestFailingPayload: 1373 });
    const finding = report.findings.find((f) => f.id === 'mtu.blackhole-suspected')!;
    expect(finding.evidence).toEqual([mtu!.id]);
    expect(finding.args).toMatchObject({ pathMtu: 1400, note: 'upstream,sweep', address: SERVER.blackhole4 });
    // Everything small on the same path works: the TLS handshake and the anonymous requests.
    expect(probeData(report, 'tls').map((p) => p.status)).toEqual(['ok']);
    expect(probeData(report, 'http').every((p) => p.status === 'ok')).toBe(true);
  });

  it('MTU black hole server → client: small exchange and large request pass, the large answer stalls', async () => {
    const { report, exitCode } = await run('blackholeDown');
    expect(findingIds(report), explain(report)).toEqual(['auth.methods', 'mtu.blackhole-suspected']);
    expect(exitCode).toBe(2);
    expect(sectionStatus(report, 'mtu')).toBe('problem');
    const [mtu, ...more] = probeData<MtuData>(report, 'mtu');
    expect(more).toEqual([]);
    expect(mtu!.data.address).toBe(SERVER.blackholeDown4);
    expect(mtu!.data.small).toMatchObject({ outcome: 'ok' });
    expect(mtu!.data.large).toMatchObject({ outcome: 'ok' });
    expect(mtu!.data.largeResponse).toMatchObject({ outcome: 'stalled' });
    expect(mtu!.data.largeResponse!.receivedBytes).toBeLessThan(DOWNSTREAM_ROUTE_MTU);
    // The compact certificate: the whole handshake came in one packet that fits the small hop.
    expect(mtu!.data.small.handshakeBytes).toBeLessThan(DOWNSTREAM_ROUTE_MTU - TCP_IP_HEADER_BYTES);
    const finding = report.findings.find((f) => f.id === 'mtu.blackhole-suspected')!;
    expect(finding.evidence).toEqual([mtu!.id]);
    // Linux answers pings without "don't fragment": the router splits full-size replies, so the
    // DF sweep passes at full size and the finding gives no path MTU.
    expect(mtu!.data.dfSweep).toEqual({ largestPassingPayload: 1472 });
    expect(finding.args).toEqual({ host: LAB_NAMES.blackholeDown.name, address: SERVER.blackholeDown4, answerReceivedBytes: mtu!.data.largeResponse!.receivedBytes, note: 'downstream,sweep-full' });
    // The server's small answers on the same path arrive: the TLS handshake and the anonymous requests.
    expect(probeData(report, 'tls').map((p) => p.status)).toEqual(['ok']);
    expect(probeData(report, 'http').every((p) => p.status === 'ok')).toBe(true);
  });

  it('MTU black hole server → client with a certificate flight above the hop: every handshake stalls → tls.handshake-failed', async () => {
    // What the MTU probe cannot tell from a server that never answers (see mtu.ts): the TLS finding names large packets.
    const { report } = await run('blackholeDownTls');
    expect(findingIds(report), explain(report)).toEqual(['tls.handshake-failed']);
    expect(report.findings[0]?.args).toMatchObject({ address: SERVER.blackholeDownTls4, note: 'stalled' });
    const [mtu] = probeData<MtuData>(report, 'mtu');
    for (const exchange of [mtu!.data.small, mtu!.data.large, mtu!.data.largeResponse!]) expect(exchange).toMatchObject({ outcome: 'stalled', receivedBytes: 0 });
    expect(mtu!.data.dfSweep).toBeUndefined();
  });

  it('IPv6 dropped: AAAA present, IPv4 fine → ipv6.unreachable, not lb.dead-address', async () => {
    const { report } = await run('ipv6Dropped');
    expect(findingIds(report), explain(report)).toEqual(['auth.methods', 'ipv6.unreachable']);
    expect(tcpErrorsByAddress(report)).toEqual({ [SERVER.healthy4]: 'ok', [SERVER.dropped6]: 'timeout' });
    // A silent drop makes Windows wait on every connection: the full severity.
    expect(report.findings.find((f) => f.id === 'ipv6.unreachable')?.severity).toBe('problem');
  });

  it('one of two IPv4 addresses dropped → lb.dead-address', async () => {
    const { report } = await run('oneDead');
    expect(findingIds(report), explain(report)).toEqual(['auth.methods', 'lb.dead-address']);
    expect(tcpErrorsByAddress(report)).toEqual({ [SERVER.healthy4]: 'ok', [SERVER.dropped4]: 'timeout' });
    expect(report.findings.find((f) => f.id === 'lb.dead-address')?.args).toMatchObject({ dead: SERVER.dropped4, note: 'timeout' });
  });

  it('everything dropped → tcp.unreachable, and the verdict comes within the deadline', async () => {
    const { report, wallMs, exitCode } = await run('allDropped', SHORT_TIMEOUT_SECONDS);
    expect(findingIds(report), explain(report)).toEqual(['tcp.unreachable']);
    expect(exitCode).toBe(2);
    expect(tcpErrorsByAddress(report)).toEqual({ [SERVER.dropped4]: 'timeout', [SERVER.dropped6]: 'timeout' });
    expect(report.findings[0]?.args).toMatchObject({ note: 'timeout' });
    expect(report.durationMs).toBeLessThan(SHORT_TIMEOUT_SECONDS * 1000 + 1000);
    expect(wallMs).toBeLessThan(SHORT_TIMEOUT_SECONDS * 1000 + 1000 + PROCESS_START_MARGIN_MS);
  });
});
