import { describe, expect, it } from 'vitest';
import { okProbesOf, probesOf } from '../../../shared/model/evidence';
import { prepareRun } from '../engine-options';
import { runDiagnosis } from '../run-diagnosis';

/**
 * The Linux collectors for real, inside `scripts/offline.sh` (loopback and a dead `eth0`
 * 192.0.2.10/24 with a default route to 192.0.2.1): commands run, outputs land in the run's
 * artifacts, parsed data in the evidence, and local tools that are missing stay harmless.
 */
describe.runIf(process.platform === 'linux')('Linux collectors in a diagnosis run', () => {
  it('runs ip addr, ip route, resolv.conf, resolvectl and klist and records their raw output', async () => {
    const prepared = await prepareRun({ server: 'mail.example.test', dnsServers: ['127.0.0.1:9'], connectivityUrl: 'http://127.0.0.1:9/', timeoutSeconds: 10 });
    const outcome = await runDiagnosis(prepared);
    const evidence = outcome.evidence;
    const collectors = evidence.probes.filter((p) => p.kind === 'collector');
    expect(collectors.map((p) => p.probe).sort()).toEqual(['collector.ip-addr', 'collector.ip-route', 'collector.klist', 'collector.resolv-conf', 'collector.resolvectl']);

    const paths = outcome.artifacts.map((a) => a.path).sort();
    expect(paths).toEqual(['system/ip-addr.json', 'system/ip-route-4.json', 'system/ip-route-6.json', 'system/klist.txt', 'system/resolv.conf.txt', 'system/resolvectl-status.txt']);
    const ipAddr = outcome.artifacts.find((a) => a.path === 'system/ip-addr.json')!;
    expect(ipAddr).toMatchObject({ outcome: 'ok', exitCode: 0, commandLine: expect.stringMatching(/ip -j addr$/) as string });
    // Raw output is for the bundle only, never in the report.
    expect(JSON.stringify(outcome.report)).not.toContain('"addr_info"');

    const addr = okProbesOf(evidence, 'collector.ip-addr')[0]!.data.parsed!;
    const route = okProbesOf(evidence, 'collector.ip-route')[0]!.data.parsed!;
    expect(addr.interfaces.some((i) => i.name === 'lo')).toBe(true);
    if (process.env.OUTLOOK_DOKTOR_OFFLINE === '1') {
      expect(addr.interfaces.find((i) => i.name === 'eth0')!.addresses.map((a) => a.address)).toContain('192.0.2.10');
      expect(route.defaultRoutes).toContainEqual({ family: 4, destination: '0.0.0.0/0', gateway: '192.0.2.1', interface: 'eth0', metric: null });
    } else {
      console.log('linux-collectors: not inside scripts/offline.sh, so the eth0/default route checks are skipped');
    }

    // Tools this machine may lack give a clean "not available", never a broken run.
    for (const id of ['collector.klist', 'collector.resolvectl'] as const) {
      const result = probesOf(evidence, id)[0]!;
      if (result.status === 'ok') continue;
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(/not available on this system|failed|exit code/);
    }
    const klist = probesOf(evidence, 'collector.klist')[0]!;
    if (klist.status === 'ok') expect(klist.data!.parsed!.format).toBe('mit');
    else console.log(`linux-collectors: klist here: ${klist.summary}`);
  });
});
