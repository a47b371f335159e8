import { lookup as osLookup } from 'node:dns';
import { Resolver } from 'node:dns/promises';
import tls from 'node:tls';
import { platform } from 'node:os';
import type { ResolvedAddress } from '../../shared/model/probe-data';
import type { RunInput } from '../../shared/model/run-input';
import type { RunArtifact, RunServices } from './run-services';

export interface ClosableRunServices extends RunServices {
  close(): Promise<void>;
  /** The raw command outputs the collectors added, in the order they finished. */
  artifacts(): RunArtifact[];
}

/** Hosts file of the platform. */
export function defaultHostsFile(): string {
  if (platform() === 'win32') {
    return `${process.env.SystemRoot ?? 'C:\\Windows'}\\System32\\drivers\\etc\\hosts`;
  }
  return '/etc/hosts';
}

/**
 * Trust anchors: Node's bundled roots, the operating system's store where the runtime can read
 * it (Node 22.15+/Electron: `tls.getCACertificates('system')`; Outlook trusts the Windows store,
 * so a private company CA must count), and `--ca-file`.
 */
export function trustAnchors(extraCa: readonly string[]): string[] {
  const roots = new Set<string>(tls.rootCertificates);
  const getCACertificates = (tls as unknown as { getCACertificates?: (type: string) => string[] }).getCACertificates;
  if (typeof getCACertificates === 'function') {
    try {
      for (const pem of getCACertificates('system')) roots.add(pem);
    } catch {
      // The system store is a bonus; Node's roots still apply.
    }
  }
  for (const pem of extraCa) roots.add(pem);
  return [...roots];
}

export function createRunServices(input: RunInput, options: { extraCa: readonly string[]; hostsFile?: string }): ClosableRunServices {
  const closers: (() => void | Promise<void>)[] = [];
  const artifacts: RunArtifact[] = [];
  return {
    trustedCa: trustAnchors(options.extraCa),
    dnsServers: input.dnsServers,
    hostsFile: options.hostsFile ?? defaultHostsFile(),
    lookup: (name, signal) => simpleLookup(name, input.dnsServers, signal),
    now: () => Date.now(),
    addArtifact(artifact) {
      artifacts.push(artifact);
    },
    artifacts: () => [...artifacts],
    onClose(close) {
      closers.push(close);
    },
    async close() {
      await Promise.allSettled(closers.splice(0).map(async (c) => c()));
    },
  };
}

/**
 * Name to addresses for probes that only need an address.
 *
 * A first version: the DNS probes' resolver replaces it with one that also honours the hosts
 * file in `--dns-server` mode.
 */
async function simpleLookup(name: string, dnsServers: readonly string[], signal: AbortSignal): Promise<ResolvedAddress[]> {
  signal.throwIfAborted();
  const abort = new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true }));
  if (dnsServers.length === 0) {
    const found = new Promise<ResolvedAddress[]>((resolve, reject) =>
      osLookup(name, { all: true }, (error, addresses) =>
        error ? reject(error) : resolve(addresses.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }))),
      ),
    );
    return Promise.race([found, abort]);
  }
  const resolver = new Resolver({ timeout: 2000, tries: 1 });
  resolver.setServers([...dnsServers]);
  signal.addEventListener('abort', () => resolver.cancel(), { once: true });
  const settled = await Promise.race([
    Promise.allSettled([resolver.resolve4(name), resolver.resolve6(name)]),
    abort,
  ]);
  const [v4, v6] = settled;
  const addresses: ResolvedAddress[] = [
    ...(v4.status === 'fulfilled' ? v4.value.map((address) => ({ address, family: 4 as const })) : []),
    ...(v6.status === 'fulfilled' ? v6.value.map((address) => ({ address, family: 6 as const })) : []),
  ];
  if (addresses.length === 0) throw v4.status === 'rejected' ? (v4.reason as Error) : new Error(`${name}: no addresses`);
  return addresses;
}
