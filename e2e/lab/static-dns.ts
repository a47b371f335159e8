import { defineProbe } from '../../electron/engine/probe';
import type { DnsSystemData, IpFamily } from '../../shared/model/probe-data';

const familyOf = (address: string): IpFamily => (address.includes(':') ? 6 : 4);

/**
 * A stand-in for the `dns.system` probe with fixed answers, for tests of the probes after DNS.
 *
 * TCP, TLS and HTTP plan from DNS answers; their tests need names that resolve to lab
 * addresses (127.0.0.x, ::1) without a resolver. The answer has the real probe's data shape, so
 * the planning under test is the real one. `delayMs` lets a test check that a later probe waits.
 */
export function staticDnsProbe(answers: Record<string, string[]>, options: { delayMs?: number } = {}) {
  return defineProbe({
    id: 'dns.system',
    kind: 'dns',
    title: 'DNS (static test answers)',
    timeoutMs: 1_000,
    plan: () => Object.keys(answers).map((name) => ({ key: name, target: name, input: name })),
    async run({ input: name, signal }) {
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs).unref());
      signal.throwIfAborted();
      const data: DnsSystemData = {
        name,
        method: 'resolver',
        addresses: (answers[name] ?? []).map((address) => ({ address, family: familyOf(address) })),
        durationMs: options.delayMs ?? 0,
        hostsFile: { path: '(test)', entries: [] },
      };
      return { status: 'ok', summary: `${name}: ${data.addresses.length} address(es)`, data };
    },
  });
}
