import type { SystemArtifact } from '../../shared/bundle/bundle-input';
import type { CommandRunInfo, ResolvedAddress } from '../../shared/model/probe-data';

/**
 * Raw output of one system command, for the bundle's `system/` folder: the bundle's
 * SystemArtifact, with what a collector always knows made required.
 *
 * Never part of report.json (it can be long and is for people); the bundle writer writes `text`
 * under `path` with the command line, exit code, start time and duration as a header.
 */
export interface RunArtifact extends SystemArtifact {
  outcome: CommandRunInfo['outcome'];
  startedAt: string;
  truncated: boolean;
}

/**
 * What probes of one run share: trust anchors, DNS configuration, HTTP connection pools.
 *
 * Created once per run from the engine options and closed when the run ends, so no socket or
 * timer outlives it.
 */
export interface RunServices {
  /** PEM root certificates: Node's, the system's where the runtime exposes them, and `--ca-file`. */
  readonly trustedCa: readonly string[];
  /** DNS servers as `ip` or `ip:port` (from `--dns-server`), empty = the operating system's. */
  readonly dnsServers: readonly string[];
  /** Path of the hosts file to read for pinned names. */
  readonly hostsFile: string;
  /**
   * Resolves a name the way the operating system would for Outlook (hosts file, cache), or,
   * with `--dns-server`, through those servers: for probes that only need an address (the
   * connectivity check, a proxy). Rejects with a DnsLookupError-like error on failure.
   */
  lookup(name: string, signal: AbortSignal): Promise<ResolvedAddress[]>;
  /** Epoch ms; a function so tests and the monitor agree on one clock. */
  now(): number;
  /** Keeps a collector's raw command output for the bundle (see RunArtifact). */
  addArtifact(artifact: RunArtifact): void;
  /** Registers a resource to close when the run ends (pools, sockets). */
  onClose(close: () => void | Promise<void>): void;
  /**
   * The optional credential test's user and password (`--user` with a password), in memory
   * only: a function, so printing the services object never shows the password. Undefined
   * without `--user` or without a password.
   */
  credentials(): { user: string; password: string } | undefined;
}
