import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startConnectivityServer, type ConnectivityServer } from '../e2e/lab/connectivity-server';
import { startDelayRelay, type DelayRelay } from '../e2e/lab/delay-relay';
import { startLabDnsServer, type LabDnsServer } from '../e2e/lab/dns-server';
import { startExchangeLab, type ExchangeLab } from '../e2e/lab/exchange-server';
import { refusedPort, startTcpBlackhole, type TcpBlackhole } from '../e2e/lab/tcp-blackhole';
import { requireBuiltCli, runDiagnose, type CliRun } from '../e2e/scenarios/run-cli';
import type { Report } from '../shared/report/report-schema';

/**
 * `npm run bench`: wall time of the built command line (process start to exit) against the
 * loopback lab, median of N runs (`BENCH_RUNS`, default 7), for
 *
 * 1. a healthy diagnosis: lab DNS server, a name with two addresses, TLS, the Exchange-like
 *    responder, the connectivity check;
 * 2. every address timing out: the name points at two loopback addresses whose accept queue is
 *    full (SYNs dropped, see e2e/lab/tcp-blackhole.ts), with `--timeout 2`;
 * 3. the healthy diagnosis over an artificial 20 ms round trip (`BENCH_RTT_MS`): every TCP byte to
 *    Exchange and to the connectivity check passes a relay that holds it 10 ms each way
 *    (e2e/lab/delay-relay.ts), and the DNS server answers after 20 ms. No netem here, so this is a userspace approximation:
 *    the kernel still completes each TCP handshake at loopback speed, so every new connection
 *    costs one round trip less than on a real network.
 *
 * For the healthy runs it also prints where the time goes on the critical path, from the
 * report's probe timings (end of the first DNS answer, first TCP connect, first and last HTTP
 * answer), in round trips for the 20 ms variant. Runs inside scripts/offline.sh (see package.json)
 * so nothing can leave loopback.
 */

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 7));
/**
 * The artificial round trip of variant 3 (`BENCH_RTT_MS`, default 20). A longer one (100) makes
 * the round-trip count stand out of the CPU noise of a busy machine.
 */
const RTT_MS = Math.max(2, Number(process.env.BENCH_RTT_MS ?? 20));
/** Short deadline for the all-timeouts case: shorter than the TCP connect timeout (3 s), so the deadline ends it. */
const FAULT_TIMEOUT_SECONDS = 2;
const HEALTHY_TIMEOUT_SECONDS = 10;

const HOST = 'mail.contoso.test';
const DEAD_HOST = 'dead.contoso.test';
const RTT_HOST = 'far.contoso.test';
const NCSI_HOST = 'www.msftconnecttest.test';
const NCSI_FAR_HOST = 'far.msftconnecttest.test';

interface Lab {
  dns: LabDnsServer;
  exchange: ExchangeLab;
  ncsi: ConnectivityServer;
  relay: DelayRelay;
  ncsiRelay: DelayRelay;
  blackholes: TcpBlackhole[];
  deadPort: number;
  caFile: string;
  hostsFile: string;
  dir: string;
}

async function startLab(): Promise<Lab> {
  const exchange = await startExchangeLab({
    addresses: { '127.77.0.2': {}, '127.77.0.3': {} },
    hostNames: [HOST, RTT_HOST, 'autodiscover.contoso.test', 'contoso.test'],
  });
  const ncsi = await startConnectivityServer({ address: '127.77.0.1' });
  const oneWay = RTT_MS / 2;
  const relay = await startDelayRelay({
    oneWayDelayMs: oneWay,
    routes: exchange.addresses.map((address) => ({ listen: address.replace('127.77.0.', '127.77.1.'), target: { address, port: exchange.port } })),
  });
  const ncsiRelay = await startDelayRelay({ oneWayDelayMs: oneWay, routes: [{ listen: '127.77.1.1', target: { address: ncsi.address, port: ncsi.port } }] });
  // Both blackholes on one port, as the addresses of one name share it.
  const deadPort = await refusedPort('127.77.2.2');
  const blackholes = [await startTcpBlackhole('127.77.2.2', deadPort), await startTcpBlackhole('127.77.2.3', deadPort)];
  const dns = await startLabDnsServer({
    zone: {
      [HOST]: exchange.addresses,
      [NCSI_HOST]: [ncsi.address],
      [DEAD_HOST]: blackholes.map((b) => b.address),
      [RTT_HOST]: { addresses: ['127.77.1.2', '127.77.1.3'], delayMs: RTT_MS },
      [NCSI_FAR_HOST]: { addresses: ['127.77.1.1'], delayMs: RTT_MS },
    },
  });
  const dir = await mkdtemp(path.join(os.tmpdir(), 'od-bench-'));
  const caFile = path.join(dir, 'ca.pem');
  const hostsFile = path.join(dir, 'hosts');
  await writeFile(caFile, exchange.ca.certPem);
  await writeFile(hostsFile, '127.0.0.1 localhost\n');
  return { dns, exchange, ncsi, relay, ncsiRelay, blackholes, deadPort, caFile, hostsFile, dir };
}

async function closeLab(lab: Lab): Promise<void> {
  await Promise.allSettled([lab.dns.close(), lab.exchange.close(), lab.ncsi.close(), lab.relay.close(), lab.ncsiRelay.close(), ...lab.blackholes.map((b) => b.close())]);
  await rm(lab.dir, { recursive: true, force: true });
}

function args(lab: Lab, host: string, port: number, ncsiUrl: string, timeoutSeconds: number): string[] {
  return [
    '--server',
    `https://${host}:${port}/`,
    '--dns-server',
    lab.dns.address,
    '--ca-file',
    lab.caFile,
    '--connectivity-url',
    ncsiUrl,
    '--hosts-file',
    lab.hostsFile,
    '--no-proxy',
    '--timeout',
    String(timeoutSeconds),
  ];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Milliseconds from the run's start to the end of each probe. */
function endsOf(report: Report, probe: string, host?: string): number[] {
  const start = Date.parse(report.startedAt);
  return report.probes
    .filter((p) => p.probe === probe && p.status === 'ok' && (host === undefined || p.target.includes(host)))
    .map((p) => Date.parse(p.startedAt) + p.durationMs - start);
}

interface CriticalPath {
  dns: number;
  tcp: number;
  firstHttp: number;
  lastHttp: number;
  run: number;
}

function criticalPath(report: Report, host: string): CriticalPath {
  const first = (values: number[]) => (values.length ? Math.min(...values) : NaN);
  return {
    dns: first([...endsOf(report, 'dns.system', host), ...endsOf(report, 'dns.direct', host)]),
    tcp: first(endsOf(report, 'tcp', host)),
    firstHttp: first(endsOf(report, 'http', host)),
    lastHttp: Math.max(...endsOf(report, 'http', host)),
    run: report.durationMs,
  };
}

/** Runs the command line RUNS times for each variant, interleaved so that both see the same machine load. */
async function runInterleaved(variants: string[][]): Promise<CliRun[][]> {
  const runs: CliRun[][] = variants.map(() => []);
  for (let i = 0; i < RUNS; i += 1) {
    for (const [index, argv] of variants.entries()) runs[index]!.push(await runDiagnose(argv));
  }
  return runs;
}

function printRuns(label: string, runs: CliRun[]): void {
  const walls = runs.map((r) => r.wallMs);
  const verdicts = [...new Set(runs.map((r) => `${r.report.verdict} (${r.report.findings.map((f) => f.id).join(', ') || 'no findings'})`))];
  console.log(`\n${label}`);
  console.log(`  wall time, process start to exit: median ${Math.round(median(walls))} ms (min ${Math.round(Math.min(...walls))}, max ${Math.round(Math.max(...walls))}) over ${RUNS} runs`);
  console.log(`  the run itself (report durationMs): median ${Math.round(median(runs.map((r) => r.report.durationMs)))} ms; verdict: ${verdicts.join(' | ')}`);
}

function printCriticalPath(runs: CliRun[], host: string): CriticalPath[] {
  const paths = runs.map((r) => criticalPath(r.report, host));
  const m = (key: keyof CriticalPath) => Math.round(median(paths.map((p) => p[key])));
  console.log(
    `  critical path (median ms after the run's start): first DNS answer ${m('dns')}, first TCP connect ${m('tcp')}, ` +
      `first HTTP answer ${m('firstHttp')}, last HTTP answer ${m('lastHttp')}, run done ${m('run')}`,
  );
  return paths;
}

/**
 * Round trips the network adds on the critical path: the median over run pairs of (time over
 * the delayed network − time on plain loopback) / RTT. The pairs ran back to back, so the CPU
 * time both spend (start-up, TLS contexts, certificate parsing) cancels out.
 */
function printRoundTrips(near: CriticalPath[], far: CriticalPath[]): void {
  const rounds = (key: keyof CriticalPath) => median(far.map((f, i) => (f[key] - near[i]![key]) / RTT_MS)).toFixed(1);
  console.log(
    `  round trips the ${RTT_MS} ms network adds (emulated; + 1 per new TCP connection, which the relay cannot delay): ` +
      `first DNS answer ${rounds('dns')}, first TCP connect ${rounds('tcp')}, first HTTP answer ${rounds('firstHttp')}, last HTTP answer ${rounds('lastHttp')}`,
  );
}

requireBuiltCli();
const lab = await startLab();
try {
  console.log(`outlook-doktor bench: node ${process.version}, ${os.cpus().length} CPU(s), load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, ${RUNS} runs each`);
  const [healthy, far] = await runInterleaved([
    args(lab, HOST, lab.exchange.port, lab.ncsi.urlFor(NCSI_HOST), HEALTHY_TIMEOUT_SECONDS),
    args(lab, RTT_HOST, lab.relay.port, `http://${NCSI_FAR_HOST}:${lab.ncsiRelay.port}/connecttest.txt`, HEALTHY_TIMEOUT_SECONDS),
  ]);
  printRuns('(a) healthy diagnosis (2 addresses, TLS, 401 challenges, connectivity check)', healthy!);
  const nearPaths = printCriticalPath(healthy!, HOST);
  const [dead] = await runInterleaved([args(lab, DEAD_HOST, lab.deadPort, lab.ncsi.urlFor(NCSI_HOST), FAULT_TIMEOUT_SECONDS)]);
  printRuns(`(b) every address times out (SYNs dropped), --timeout ${FAULT_TIMEOUT_SECONDS}`, dead!);
  printRuns(`(c) the healthy diagnosis over a ${RTT_MS} ms round trip (delay relay and DNS answers after ${RTT_MS} ms)`, far!);
  const farPaths = printCriticalPath(far!, RTT_HOST);
  printRoundTrips(nearPaths, farPaths);
} finally {
  await closeLab(lab);
}
