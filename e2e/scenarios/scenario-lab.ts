import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startConnectivityServer, type ConnectivityServer, type ConnectivityVariant } from '../lab/connectivity-server';
import { startLabDnsServer, type LabDnsServer, type LabDnsZone } from '../lab/dns-server';
import { startExchangeLab, type ExchangeBehaviour, type ExchangeLab } from '../lab/exchange-server';
import { createCa, type IssuedCert, type TestCa } from '../lab/pki';
import { runDiagnose, type CliRun } from './run-cli';

/**
 * One scenario of the matrix: a small company network on loopback, made for one test.
 *
 * A lab DNS server stands in for the company's (`--dns-server`), an Exchange-like responder
 * listens on the scenario's own 127.x.y.z addresses, a connectivity server answers Windows'
 * check by name (`--connectivity-url`), the test CA is trusted through `--ca-file`, and the hosts
 * file is a temporary one (`--hosts-file`). `--no-proxy` keeps the system's proxy out. Every
 * default that points at a real host is overridden, so a run never leaves loopback.
 */

/** The Exchange host of every scenario. */
export const HOST = 'mail.contoso.test';
/** The connectivity check's host name, resolved by the lab DNS server like Windows' real one. */
export const NCSI_HOST = 'www.msftconnecttest.test';
/** Names on the lab certificate: Exchange host, Autodiscover name and mail domain. */
export const LAB_NAMES = [HOST, 'autodiscover.contoso.test', 'contoso.test'];

let sharedCa: Promise<TestCa> | undefined;

/** One CA per test process: issuing from it is cheap, creating it is not needed per scenario. */
export function labCa(): Promise<TestCa> {
  sharedCa ??= createCa();
  return sharedCa;
}

/**
 * Loopback addresses of one scenario: `127.<file>.<scenario>.<n>`.
 *
 * Scenarios of a file run in parallel and files in parallel workers; their own addresses keep
 * them apart even where a port is fixed (443), and make every report readable on its own.
 */
export function addressesOf(file: number, scenario: number) {
  return (n: number) => `127.${file}.${scenario}.${n}`;
}

export interface ScenarioSpec {
  /** Exchange-like responders by address (all on one port); none for scenarios without a server. */
  exchange?: Record<string, ExchangeBehaviour>;
  /** The certificate the responders present (default: issued by the lab CA for LAB_NAMES). */
  certificate?: IssuedCert;
  tlsProtocol?: 'modern' | 'tls1.0-only';
  /** Port when there is no responder (a refused or blackholed port), or a fixed one (443). */
  port?: number;
  /**
   * Zone entries on top of the default (HOST → the responders' addresses, NCSI_HOST → the
   * connectivity server); `undefined` removes a default name (NXDOMAIN).
   */
  zone?: Record<string, LabDnsZone[string] | undefined>;
  connectivity?: ConnectivityVariant;
  /** Content of the hosts file the run reads (default: only localhost). */
  hostsFile?: string;
  /** Pass the lab CA with --ca-file (default true; false = private CA not deployed). */
  trustCa?: boolean;
}

export interface Scenario {
  port: number;
  dns: LabDnsServer;
  ncsi: ConnectivityServer;
  exchange: ExchangeLab | undefined;
  /** Temporary folder of the scenario (CA file, hosts file, reports). */
  dir: string;
  /** The overridden defaults and `--server https://HOST:port/`; `extra` comes last. */
  args(extra?: readonly string[]): string[];
  /** Runs the built command line with `args(extra)`. */
  diagnose(extra?: readonly string[], options?: { jsonPath?: string }): Promise<CliRun>;
  /** Closes something the test started for this scenario together with the lab. */
  track(close: () => Promise<void>): void;
  close(): Promise<void>;
}

export async function startScenario(spec: ScenarioSpec): Promise<Scenario> {
  const closers: (() => Promise<void>)[] = [];
  const close = async () => {
    await Promise.allSettled(closers.splice(0).reverse().map((c) => c()));
  };
  try {
    const ca = await labCa();
    const dir = await mkdtemp(path.join(tmpdir(), 'od-scenario-'));
    closers.push(() => rm(dir, { recursive: true, force: true }));

    let exchange: ExchangeLab | undefined;
    if (spec.exchange) {
      exchange = await startExchangeLab({
        addresses: spec.exchange,
        hostNames: LAB_NAMES,
        ca,
        ...(spec.certificate ? { certificate: spec.certificate } : {}),
        ...(spec.tlsProtocol ? { tlsProtocol: spec.tlsProtocol } : {}),
        ...(spec.port !== undefined ? { port: spec.port } : {}),
      });
      closers.push(() => exchange!.close());
    }
    const port = exchange?.port ?? spec.port;
    if (port === undefined) throw new Error('a scenario without a responder needs a port');

    const ncsi = await startConnectivityServer({ variant: spec.connectivity ?? 'ok' });
    closers.push(() => ncsi.close());

    const zone: LabDnsZone = { [NCSI_HOST]: [ncsi.address], ...(exchange ? { [HOST]: exchange.addresses } : {}) };
    for (const [name, entry] of Object.entries(spec.zone ?? {})) {
      if (entry === undefined) delete zone[name];
      else zone[name] = entry;
    }
    const dns = await startLabDnsServer({ zone });
    closers.push(() => dns.close());

    const caFile = path.join(dir, 'ca.pem');
    const hostsFile = path.join(dir, 'hosts');
    await writeFile(caFile, ca.certPem);
    await writeFile(hostsFile, spec.hostsFile ?? '127.0.0.1 localhost\n::1 localhost\n');

    const args = (extra: readonly string[] = []) => [
      '--server',
      `https://${HOST}:${port}/`,
      '--dns-server',
      dns.address,
      ...(spec.trustCa === false ? [] : ['--ca-file', caFile]),
      '--connectivity-url',
      ncsi.urlFor(NCSI_HOST),
      '--hosts-file',
      hostsFile,
      '--no-proxy',
      ...extra,
    ];
    return {
      port,
      dns,
      ncsi,
      exchange,
      dir,
      args,
      diagnose: (extra, options) => runDiagnose(args(extra), options),
      track: (c) => closers.push(c),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
