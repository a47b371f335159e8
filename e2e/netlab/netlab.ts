import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startDnsmasq } from './dnsmasq';
import { startInNamespace, type NsProcess } from './ns-process';
import { CLIENT, CONNECTIVITY_PORT, HTTPS_PORT, LAB_DOMAIN, LAB_NAMES, PROXY_PORT, ROUTER_LAN, SERVER } from './plan';
import { startTinyproxy } from './tinyproxy';
import { createTopology, type Topology } from './topology';

/**
 * The whole namespace lab: topology, dnsmasq and tinyproxy in the router, the Exchange-like
 * server and the connectivity check in the server namespace.
 *
 * `close()` stops the programs, deletes the namespaces and the temporary folder; a failed start
 * does the same before it throws, so nothing is left behind either way. Every program is
 * recorded for the teardown the moment its start resolves, before the next step can throw.
 */
export interface Netlab {
  topology: Topology;
  /** For `--dns-server`. */
  dnsServer: string;
  /** PEM of the test CA the server's certificate is issued by, for `--ca-file`. */
  caFile: string;
  connectivityUrl: string;
  proxyUrl: string;
  /** An empty hosts file, for `--hosts-file`: the machine's must not decide a lab name. */
  hostsFile: string;
  /** What tinyproxy logged so far (one line per request it handled). */
  proxyLog(): string;
  close(): Promise<void>;
}

/** The setup's steps, in order; the hook runs after each. */
export type NetlabStep = 'topology' | 'dnsmasq' | 'tinyproxy' | 'server';

/** What a setup has made so far: enough for a test to check that a failed setup removed it. */
export interface NetlabSetupState {
  /** Namespace prefix, once the topology exists. */
  prefix?: string;
  /** The lab's temporary folder; every lab program's command line names a file in it. */
  dir: string;
  /** Process ids of the programs started so far. */
  pids: number[];
}

export interface NetlabOptions {
  /** Test hook, awaited after each setup step: a throw fails the setup right there. */
  afterStep?: (step: NetlabStep, state: NetlabSetupState) => void | Promise<void>;
}

const SERVER_ENTRY = path.resolve(import.meta.dirname, 'server-main.ts');

export async function startNetlab(options: NetlabOptions = {}): Promise<Netlab> {
  const dir = await mkdtemp(path.join(tmpdir(), 'odlab-'));
  const processes: NsProcess[] = [];
  let topology: Topology | undefined;
  const close = async () => {
    try {
      await Promise.all(processes.map((p) => p.stop()));
      await topology?.destroy();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
  const step = async (name: NetlabStep) =>
    options.afterStep?.(name, { ...(topology ? { prefix: topology.prefix } : {}), dir, pids: processes.map((p) => p.pid) });
  try {
    topology = await createTopology();
    await step('topology');
    const hostsFile = path.join(dir, 'hosts');
    await writeFile(hostsFile, '');
    processes.push(await startDnsmasq({ namespace: topology.router, listenAddress: ROUTER_LAN.v4, domain: LAB_DOMAIN, records: Object.values(LAB_NAMES), dir }));
    await step('dnsmasq');
    const proxy = await startTinyproxy({ namespace: topology.router, listenAddress: ROUTER_LAN.v4, port: PROXY_PORT, allow: `${CLIENT.v4}/32`, connectPort: HTTPS_PORT, nameserver: ROUTER_LAN.v4, dir });
    processes.push(proxy);
    await step('tinyproxy');
    const serverConfig = {
      dir,
      hostNames: [...new Set([LAB_DOMAIN, ...Object.values(LAB_NAMES).map((n) => n.name)])],
      addresses: Object.values(SERVER).filter((a) => a !== SERVER.unreachable4 && a !== SERVER.blackholeDown4),
      httpsPort: HTTPS_PORT,
      connectivity: { address: SERVER.healthy4, port: CONNECTIVITY_PORT },
      compact: { address: SERVER.blackholeDown4, hostName: LAB_NAMES.blackholeDown.name },
    };
    const server = await startInNamespace(topology.server, process.execPath, ['--import', 'tsx', SERVER_ENTRY, JSON.stringify(serverConfig)], /^READY /);
    processes.push(server);
    await step('server');
    const ready = JSON.parse(server.readyLine.slice('READY '.length)) as { caFile: string; connectivityUrl: string };
    return {
      topology,
      dnsServer: ROUTER_LAN.v4,
      caFile: ready.caFile,
      connectivityUrl: ready.connectivityUrl,
      proxyUrl: `http://${ROUTER_LAN.v4}:${PROXY_PORT}`,
      hostsFile,
      proxyLog: () => proxy.output(),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
