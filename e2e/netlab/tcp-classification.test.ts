import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TcpData } from '../../shared/model/probe-data';
import { startNetlab, type Netlab } from './netlab';
import { LAB_NAMES, SERVER } from './plan';
import { assertCliBuilt, runCliInLab } from './run-cli';
import { netlabSkipReason } from './support';

/**
 * The TCP probe against every way a real firewall or router says no, per address of one name:
 * a dropped SYN must read `timeout`, a TCP reset `refused`, ICMP "administratively prohibited"
 * or "host unreachable" `unreachable` — the evidence `tcp.unreachable`, `lb.dead-address` and
 * `ipv6.unreachable` tell drops from refusals by.
 */

const skipReason = await netlabSkipReason('netlab TCP classification');

/** The TCP probe's connect deadline is 3 s; answers from a router come back within milliseconds. */
const FAST_ANSWER_MS = 1_500;
const DROP_AT_LEAST_MS = 2_500;

describe.skipIf(skipReason !== null)('TCP connect failures on a real path', () => {
  let lab: Netlab;
  beforeAll(async () => {
    assertCliBuilt();
    lab = await startNetlab();
  }, 60_000);
  afterAll(async () => {
    await lab?.close();
  });

  it('tells a drop from a reset and from an ICMP error, IPv4 and IPv6', async () => {
    const { report } = await runCliInLab(lab, LAB_NAMES.faults.name, { timeoutSeconds: 10 });
    const tcp = report.probes.filter((p) => p.probe === 'tcp').map((p) => ({ ...p, data: p.data as unknown as TcpData }));
    const byAddress = Object.fromEntries(tcp.map((p) => [p.data.address, p]));
    const kinds = Object.fromEntries(tcp.map((p) => [p.data.address, `${p.data.error?.kind} ${p.data.error?.code ?? '-'}`]));
    expect(kinds).toEqual({
      [SERVER.dropped4]: 'timeout -',
      [SERVER.reset4]: 'refused ECONNREFUSED',
      [SERVER.prohibited4]: 'unreachable EHOSTUNREACH',
      [SERVER.unreachable4]: 'unreachable EHOSTUNREACH',
      [SERVER.dropped6]: 'timeout -',
      [SERVER.reset6]: 'refused ECONNREFUSED',
      // Linux reports ICMPv6 "administratively prohibited" as EACCES, like a local packet filter.
      [SERVER.prohibited6]: 'unreachable EACCES',
    });
    for (const address of [SERVER.reset4, SERVER.prohibited4, SERVER.unreachable4, SERVER.reset6, SERVER.prohibited6]) {
      expect(byAddress[address]!.durationMs, address).toBeLessThan(FAST_ANSWER_MS);
      expect(byAddress[address]!.status).toBe('fail');
    }
    for (const address of [SERVER.dropped4, SERVER.dropped6]) {
      expect(byAddress[address]!.durationMs, address).toBeGreaterThanOrEqual(DROP_AT_LEAST_MS);
      expect(byAddress[address]!.status).toBe('timeout');
    }
    // Mixed causes: the finding names every address and claims neither "refused" nor "timed out".
    expect(report.findings.map((f) => f.id)).toEqual(['tcp.unreachable']);
    expect(report.findings[0]!.evidence.sort()).toEqual(tcp.map((p) => p.id).sort());
    expect(report.findings[0]!.args?.note).toBeUndefined();
  });
});
