import { beforeAll, describe, expect, it } from 'vitest';
import type { ConnectivityVariant } from '../lab/connectivity-server';
import type { ExchangeBehaviour } from '../lab/exchange-server';
import { expectFindings } from './expect-findings';
import { probeDigest, requireBuiltCli } from './run-cli';
import { addressesOf, startScenario } from './scenario-lab';

/**
 * What answers the anonymous first request: portals, the connectivity check, the offered
 * sign-in methods, the server's clock and Exchange's own error answers. Both addresses of the
 * name behave alike, so no load-balancer finding is due.
 */

const at = (scenario: number) => addressesOf(43, scenario);

interface AnswerScenario {
  name: string;
  behaviour: ExchangeBehaviour;
  connectivity?: ConnectivityVariant;
  expected: string[];
}

const TEN_MINUTES_MS = 10 * 60_000;

const SCENARIOS: AnswerScenario[] = [
  {
    name: 'a captive portal (check redirected, Exchange answered by the portal)',
    behaviour: { auth: 'redirect' },
    connectivity: 'redirect',
    expected: ['portal.detected'],
  },
  {
    name: "a wrong answer to Windows' connectivity check without a portal",
    behaviour: {},
    connectivity: 'wrong-text',
    expected: ['portal.ncsi-unreachable', 'auth.methods'],
  },
  {
    name: 'a login page instead of the 401 challenge (pre-authentication)',
    behaviour: { auth: 'none' },
    expected: ['auth.no-challenge'],
  },
  { name: 'only Basic offered', behaviour: { auth: 'basic-only' }, expected: ['auth.basic-only', 'auth.methods'] },
  { name: 'a Bearer challenge like Exchange Online', behaviour: { auth: 'exchange-online' }, expected: ['auth.modern-auth', 'auth.methods'] },
  { name: "the server's clock 10 minutes ahead", behaviour: { clockOffsetMs: TEN_MINUTES_MS }, expected: ['auth.clock-skew', 'auth.methods'] },
  // The front end still serves its health checks: only the endpoints fail.
  { name: 'a back end answering 500 behind green health checks', behaviour: { status: 500, healthchecksOk: true }, expected: ['server.backend-error'] },
  // Health checks failing too take the server out of a load balancer's pool: a second, own finding.
  { name: '500 on every path, health checks included', behaviour: { status: 500 }, expected: ['server.backend-error', 'server.unavailable'] },
  { name: 'an application pool answering 503', behaviour: { status: 503 }, expected: ['server.unavailable'] },
  { name: 'a gateway answering 502', behaviour: { status: 502 }, expected: ['server.unavailable'] },
  { name: 'MAPI over HTTP missing (404)', behaviour: { mapiMissing: true }, expected: ['server.protocol-missing', 'auth.methods'] },
  { name: 'RPC_IN_DATA rejected with 405', behaviour: { rpcMethods: 405 }, expected: ['server.rpc-methods-blocked', 'auth.methods'] },
  { name: 'RPC_IN_DATA rejected with 501', behaviour: { rpcMethods: 501 }, expected: ['server.rpc-methods-blocked', 'auth.methods'] },
];

beforeAll(() => requireBuiltCli());

describe('a front end that completes TLS and then never answers', () => {
  it('is server.unavailable with the no-answer note; sign-in was not checked, not found ok', async () => {
    const a = at(SCENARIOS.length + 1);
    const scenario = await startScenario({ exchange: { [a(2)]: { fault: 'silent' }, [a(3)]: { fault: 'silent' } } });
    try {
      const run = await scenario.diagnose(['--timeout', '3']);
      expectFindings(run, ['server.unavailable']);
      const finding = run.report.findings[0]!;
      expect(finding, probeDigest(run.report)).toMatchObject({ severity: 'problem', args: { note: 'no-answer' } });
      expect(finding.detail).toContain('blieb es still');
      const sections = Object.fromEntries(run.report.sections.map((s) => [s.id, s.status]));
      expect(sections).toMatchObject({ tls: 'ok', 'desktop-firewall': 'ok', server: 'problem', auth: 'not-checked' });
      // Every request went out over a finished handshake and waited in silence until the deadline.
      const http = run.report.probes.filter((p) => p.probe === 'http');
      expect(http.length).toBeGreaterThan(0);
      expect(http.every((p) => p.status === 'timeout' && (p.data as { response?: unknown }).response === undefined)).toBe(true);
      expect(scenario.exchange!.requests.length).toBeGreaterThan(0);
    } finally {
      await scenario.close();
    }
  });
});

describe.concurrent('scenarios of the first HTTP answers', () => {
  it.each(SCENARIOS.map((s, i) => ({ ...s, index: i + 1 })))('$name', async ({ behaviour, connectivity, expected, index }) => {
    const a = at(index);
    const scenario = await startScenario({ exchange: { [a(2)]: behaviour, [a(3)]: behaviour }, ...(connectivity ? { connectivity } : {}) });
    try {
      expectFindings(await scenario.diagnose(['--timeout', '3']), expected);
    } finally {
      await scenario.close();
    }
  });
});
