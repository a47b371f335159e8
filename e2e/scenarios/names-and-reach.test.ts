import { beforeAll, describe, expect, it } from 'vitest';
import { startBrokenTlsServer } from '../lab/tls-server';
import { refusedPort, startTcpBlackhole } from '../lab/tcp-blackhole';
import { expectFindings } from './expect-findings';
import { requireBuiltCli, type CliRun } from './run-cli';
import { addressesOf, HOST, startScenario, type Scenario, type ScenarioSpec } from './scenario-lab';

/**
 * Name resolution, reachability and load-balancer faults: DNS errors and delays, hosts-file
 * pins, dead addresses (refused, timed out, IPv6), a refused port, a stalled TLS server, and
 * addresses that answer differently.
 */

const at = (scenario: number) => addressesOf(42, scenario);

interface ReachScenario {
  name: string;
  /** The scenario's spec from its addresses `a(n)`. */
  spec: (a: (n: number) => string) => ScenarioSpec | Promise<ScenarioSpec>;
  /** Runs after the lab is up (servers that need the lab's port, switches). */
  setup?: (scenario: Scenario, a: (n: number) => string) => Promise<void>;
  /** `--timeout` in seconds: short, but longer than the probe timeout the fault runs into. */
  timeout: number;
  expected: string[];
  /** More assertions on the run. */
  check?: (run: CliRun, a: (n: number) => string) => void;
}

const SCENARIOS: ReachScenario[] = [
  {
    name: 'a dead address beside a live one (refused)',
    spec: (a) => ({ exchange: { [a(2)]: {} }, zone: { [HOST]: [a(2), a(3)] } }),
    timeout: 3,
    expected: ['lb.dead-address', 'auth.methods'],
  },
  {
    name: 'a dead address beside a live one (TCP timeout)',
    spec: (a) => ({ exchange: { [a(2)]: {} }, zone: { [HOST]: [a(2), a(3)] } }),
    setup: async (s, a) => {
      const blackhole = await startTcpBlackhole(a(3), s.port);
      s.track(() => blackhole.close());
    },
    // The TCP connect timeout (3 s) must pass before the address counts as dead.
    timeout: 5,
    expected: ['lb.dead-address', 'auth.methods'],
  },
  {
    name: 'an IPv6 address (::1 in AAAA) where nothing listens',
    spec: (a) => ({ exchange: { [a(2)]: {} }, zone: { [HOST]: [a(2), '::1'] } }),
    timeout: 3,
    expected: ['ipv6.unreachable', 'auth.methods'],
  },
  {
    name: 'a name that does not exist (NXDOMAIN)',
    spec: (a) => ({ exchange: { [a(2)]: {} }, zone: { [HOST]: undefined } }),
    timeout: 3,
    expected: ['dns.nxdomain'],
  },
  {
    name: 'a DNS server that never answers',
    spec: (a) => ({ exchange: { [a(2)]: {} } }),
    setup: async (s) => s.dns.setSilent(true),
    // The DNS probes give up after 4 s.
    timeout: 5,
    expected: ['dns.timeout'],
  },
  {
    name: 'a DNS server answering SERVFAIL',
    spec: (a) => ({ exchange: { [a(2)]: {} }, zone: { [HOST]: { rcode: 'SERVFAIL' } } }),
    timeout: 3,
    expected: ['dns.servfail'],
  },
  {
    // The A answer comes at once, the lookup still waits for the AAAA question to time out.
    name: 'AAAA questions dropped (a firewall that only passes A)',
    spec: (a) => ({ exchange: { [a(2)]: {}, [a(3)]: {} }, zone: { [HOST]: { addresses: [a(2), a(3)], silent: ['AAAA'] } } }),
    timeout: 5,
    expected: ['dns.slow', 'auth.methods'],
  },
  {
    // Over the 1 s threshold, well within the resolvers' 2 s per try.
    name: 'a slow DNS server (1.3 s)',
    spec: (a) => ({ exchange: { [a(2)]: {}, [a(3)]: {} }, zone: { [HOST]: { addresses: [a(2), a(3)], delayMs: 1_300 } } }),
    timeout: 4,
    expected: ['dns.slow', 'auth.methods'],
  },
  {
    name: 'a refused port on every address',
    spec: async (a) => ({ port: await refusedPort(a(2)), zone: { [HOST]: [a(2), a(3)] } }),
    timeout: 3,
    expected: ['tcp.unreachable'],
  },
  {
    name: 'a TLS server that never answers the ClientHello',
    spec: async (a) => ({ port: await refusedPort(a(2)), zone: { [HOST]: [a(2), a(3)] } }),
    setup: async (s, a) => {
      const stalled = await startBrokenTlsServer({ addresses: [a(2), a(3)], behaviour: 'stall', port: s.port });
      s.track(() => stalled.close());
    },
    // The TLS handshake gives up after 4 s.
    timeout: 5,
    expected: ['tls.handshake-failed'],
  },
  {
    name: 'a middlebox resetting every TLS handshake',
    spec: async (a) => ({ port: await refusedPort(a(2)), zone: { [HOST]: [a(2), a(3)] } }),
    setup: async (s, a) => {
      const resetting = await startBrokenTlsServer({ addresses: [a(2), a(3)], behaviour: 'reset', port: s.port });
      s.track(() => resetting.close());
    },
    timeout: 3,
    expected: ['tls.handshake-failed'],
  },
  {
    name: 'the name pinned in the hosts file to the address DNS gives',
    spec: (a) => ({ exchange: { [a(2)]: {} }, hostsFile: `127.0.0.1 localhost\n${a(2)}  ${HOST}\n` }),
    timeout: 3,
    expected: ['dns.hosts-override', 'auth.methods'],
  },
  {
    // The system view (hosts file) and a fresh query disagree. The pin is the cause, so the
    // hosts-file finding says so (note "differs" with the DNS answer) and dns.system-mismatch,
    // which depends on it, stays quiet.
    name: 'the hosts file pinning an address DNS does not give',
    spec: (a) => ({ exchange: { [a(2)]: {}, [a(3)]: {} }, zone: { [HOST]: [a(2)] }, hostsFile: `127.0.0.1 localhost\n${a(3)} ${HOST}\n` }),
    timeout: 3,
    expected: ['dns.hosts-override', 'auth.methods'],
    check: (run, a) => {
      const finding = run.report.findings.find((f) => f.id === 'dns.hosts-override');
      expect(finding?.detail).toContain(a(2));
      expect(finding?.detail).toContain(a(3));
    },
  },
  {
    name: 'two addresses offering different sign-in methods',
    spec: (a) => ({ exchange: { [a(2)]: {}, [a(3)]: { basicRealm: HOST } } }),
    timeout: 3,
    expected: ['lb.inconsistent', 'auth.methods'],
  },
];

beforeAll(() => requireBuiltCli());

describe.concurrent('name resolution and reachability scenarios', () => {
  it.each(SCENARIOS.map((s, i) => ({ ...s, index: i + 1 })))('$name', async ({ spec, setup, timeout, expected, check, index }) => {
    const a = at(index);
    const scenario = await startScenario(await spec(a));
    try {
      await setup?.(scenario, a);
      const run = await scenario.diagnose(['--timeout', String(timeout)]);
      expectFindings(run, expected);
      check?.(run, a);
    } finally {
      await scenario.close();
    }
  });
});
