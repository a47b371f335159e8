import tls from 'node:tls';
import { platform } from 'node:os';
import type { RunInput } from '../../shared/model/run-input';
import { systemResolverOf } from './net/system-resolver';
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

export function createRunServices(
  input: Pick<RunInput, 'dnsServers' | 'user'>,
  options: {
    extraCa: readonly string[];
    hostsFile?: string;
    password?: string;
    /** Wall clock; the monitor's tests play one. */
    now?: () => number;
  },
): ClosableRunServices {
  // Held in this closure only; the run's input never has it.
  const password = options.password;
  const credentials = input.user !== undefined && password !== undefined && password !== '' ? { user: input.user, password } : undefined;
  const closers: (() => void | Promise<void>)[] = [];
  const artifacts: RunArtifact[] = [];
  const services: ClosableRunServices = {
    trustedCa: trustAnchors(options.extraCa),
    dnsServers: input.dnsServers,
    hostsFile: options.hostsFile ?? defaultHostsFile(),
    // The system view of the DNS probes: hosts file and OS cache, or the `--dns-server` servers.
    lookup: (name, signal) => systemResolverOf(services).lookup(name, signal),
    now: options.now ?? (() => Date.now()),
    addArtifact(artifact) {
      artifacts.push(artifact);
    },
    artifacts: () => [...artifacts],
    onClose(close) {
      closers.push(close);
    },
    credentials: () => (credentials ? { ...credentials } : undefined),
    async close() {
      await Promise.allSettled(closers.splice(0).map(async (c) => c()));
    },
  };
  return services;
}
