import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { okProbesOf, probesOf } from '../../../shared/model/evidence';
import type { RunInput } from '../../../shared/model/run-input';
import { closeServer, listenOnAddresses } from '../../../e2e/lab/listen';
import { staticDnsProbe } from '../../../e2e/lab/static-dns';
import { refusedPort, startTcpBlackhole, type TcpBlackhole } from '../../../e2e/lab/tcp-blackhole';
import { createRunServices } from '../create-run-services';
import type { AnyProbeDefinition } from '../probe';
import { DEADLINE_GRACE_MS, runProbes } from '../runner';
import { TCP_CONNECT_TIMEOUT_MS, tcpProbe } from './tcp';

/** Slack for a loaded two-core machine on top of a deadline. */
const MARGIN_MS = 1_500;

function input(server: { host: string; port: number }, extra: Partial<RunInput> = {}): RunInput {
  return { server, dnsServers: [], connectivityUrl: 'http://127.0.0.1:9/', connectivityExpect: 'x', proxy: { mode: 'none' }, timeoutMs: 10_000, ...extra };
}

async function run(runInput: RunInput, definitions: AnyProbeDefinition[], deadlineMs = 10_000) {
  const services = createRunServices(runInput, { extraCa: [] });
  const started = performance.now();
  try {
    const results = await runProbes({ definitions, input: runInput, services, deadlineMs });
    return { results, elapsed: performance.now() - started };
  } finally {
    await services.close();
  }
}

describe('tcp probe', () => {
  const listeners = [createServer((s) => s.destroy()), createServer((s) => s.destroy())];
  let port = 0;
  beforeAll(async () => {
    port = await listenOnAddresses([
      { address: '127.0.0.2', server: listeners[0]! },
      { address: '::1', server: listeners[1]! },
    ]);
  });
  afterAll(async () => {
    await Promise.all(listeners.map(closeServer));
  });

  it('connects to every address of a name, IPv4 and IPv6, after the DNS answer', async () => {
    const runInput = input({ host: 'mail.contoso.test', port });
    const { results } = await run(runInput, [staticDnsProbe({ 'mail.contoso.test': ['127.0.0.2', '::1'] }), tcpProbe]);
    const tcp = okProbesOf({ probes: results }, 'tcp');
    expect(tcp.map((r) => r.id)).toEqual([`tcp:mail.contoso.test@127.0.0.2:${port}`, `tcp:mail.contoso.test@[::1]:${port}`]);
    expect(tcp[0]).toMatchObject({ after: ['dns.system:mail.contoso.test'], data: { host: 'mail.contoso.test', address: '127.0.0.2', family: 4, port } });
    expect(tcp[1]!.data).toMatchObject({ address: '::1', family: 6, localAddress: '::1' });
    expect(tcp[0]!.data.localAddress).toMatch(/^127\./);
    for (const r of tcp) {
      expect(r.data.error).toBeUndefined();
      expect(r.data.connectMs).toBeGreaterThanOrEqual(0);
      expect(r.data.connectMs).toBeLessThan(TCP_CONNECT_TIMEOUT_MS);
    }
  });

  it.each(['127.0.0.3', '::1'])('tells a refused connect on %s', async (address) => {
    const refused = await refusedPort(address);
    const { results } = await run(input({ host: address, port: refused }), [tcpProbe]);
    const [tcp] = probesOf({ probes: results }, 'tcp');
    expect(tcp).toMatchObject({ status: 'fail', data: { address, port: refused, error: { kind: 'refused', code: 'ECONNREFUSED' } } });
    expect(tcp!.data!.connectMs).toBeUndefined();
  });

  describe('when SYNs are dropped', () => {
    let blackholes: TcpBlackhole[] = [];
    beforeAll(async () => {
      blackholes = await Promise.all([startTcpBlackhole('127.0.0.4'), startTcpBlackhole('::1')]);
    });
    afterAll(async () => {
      await Promise.all(blackholes.map((b) => b.close()));
    });

    it('reports a timeout after its connect deadline, IPv4 and IPv6', async () => {
      const runs = await Promise.all(blackholes.map((b) => run(input({ host: b.address, port: b.port }), [tcpProbe])));
      for (const [i, { results, elapsed }] of runs.entries()) {
        const [tcp] = probesOf({ probes: results }, 'tcp');
        expect(tcp).toMatchObject({ status: 'timeout', data: { address: blackholes[i]!.address, error: { kind: 'timeout' } } });
        expect(tcp!.data!.error!.message).toContain(`within ${TCP_CONNECT_TIMEOUT_MS} ms`);
        expect(elapsed).toBeGreaterThanOrEqual(TCP_CONNECT_TIMEOUT_MS - 50);
        expect(elapsed).toBeLessThan(TCP_CONNECT_TIMEOUT_MS + MARGIN_MS);
      }
    });

    it('hands in its evidence when the run deadline comes first', async () => {
      const b = blackholes[0]!;
      const deadlineMs = 500;
      const { results, elapsed } = await run(input({ host: b.address, port: b.port }), [tcpProbe], deadlineMs);
      const [tcp] = probesOf({ probes: results }, 'tcp');
      expect(tcp).toMatchObject({ status: 'timeout', data: { error: { kind: 'timeout' } } });
      expect(tcp!.data!.error!.message).toContain('run deadline');
      expect(elapsed).toBeLessThan(deadlineMs + DEADLINE_GRACE_MS + MARGIN_MS);
    });
  });
});
