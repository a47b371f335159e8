import { createSocket } from 'node:dgram';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer as createTcpServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { closeServer, listen } from '../lab/listen';
import { NCSI_TEXT, startConnectivityServer } from '../lab/connectivity-server';
import { startExchangeLab } from '../lab/exchange-server';
import { createCa, days, type TestCa } from '../lab/pki';
import type { BridgeEngineOptions } from './bridge';

/**
 * Loopback servers for the wizard's browser tests, and the bridge options that point a run at
 * them and nowhere else.
 *
 * A scenario is: start what the case needs here, start the bridge with `lab.bridgeOptions()`,
 * drive the wizard. Everything binds 127.0.0.1; DNS goes to a loopback port where nobody
 * answers (targets are addresses, so no lookup is needed), the hosts file is a temporary copy.
 */
export interface WizardLab {
  ca: TestCa;
  caFile: string;
  hostsFile: string;
  /** A loopback UDP port with no listener: queries there fail at once. */
  deadDnsServer: string;
  connectivityUrl: string;
  connectivityExpect: string;
  bridgeOptions(extra?: Partial<BridgeEngineOptions>): BridgeEngineOptions;
  /** Registers a server to close with the lab. */
  track(server: Server): void;
  /** Registers something else to close with the lab (a lab server with its own close). */
  onClose(close: () => Promise<void>): void;
  close(): Promise<void>;
}

export const CONNECT_TEST_BODY = NCSI_TEXT;

export async function createWizardLab(connectivity: 'ok' | 'portal' = 'ok'): Promise<WizardLab> {
  const dir = await mkdtemp(path.join(tmpdir(), 'od-wizard-lab-'));
  const ca = await createCa();
  const caFile = path.join(dir, 'ca.pem');
  const hostsFile = path.join(dir, 'hosts');
  await writeFile(caFile, ca.certPem);
  await writeFile(hostsFile, '127.0.0.1 localhost\n::1 localhost\n');
  const servers: Server[] = [];
  const closers: (() => Promise<void>)[] = [];

  // A hotel portal sends every request to its sign-in page on a foreign host.
  const check = await startConnectivityServer({ variant: connectivity === 'portal' ? 'redirect' : 'ok' });
  closers.push(() => check.close());
  const deadDnsPort = await deadUdpPort();

  const lab: WizardLab = {
    ca,
    caFile,
    hostsFile,
    deadDnsServer: `127.0.0.1:${deadDnsPort}`,
    connectivityUrl: check.url,
    connectivityExpect: CONNECT_TEST_BODY,
    bridgeOptions: (extra = {}) => ({
      dnsServers: [lab.deadDnsServer],
      connectivityUrl: lab.connectivityUrl,
      connectivityExpect: lab.connectivityExpect,
      caFiles: [caFile],
      hostsFile,
      ...extra,
    }),
    track: (server) => servers.push(server),
    onClose: (close) => closers.push(close),
    close: async () => {
      await Promise.all([...servers.map((s) => closeServer(s)), ...closers.map((c) => c())]);
      await rm(dir, { recursive: true, force: true });
    },
  };
  return lab;
}

/**
 * The lab's Exchange-like HTTPS front end (`e2e/lab/exchange-server.ts`) on 127.0.0.1, with a
 * certificate for that address: the anonymous request to every Outlook endpoint gets 401 with
 * Negotiate and NTLM, health checks answer 200. `expired` serves a certificate that ran out
 * yesterday.
 */
export async function startExchange(lab: WizardLab, options: { certificate?: 'valid' | 'expired' } = {}): Promise<{ target: string; port: number }> {
  const exchange = await startExchangeLab({
    hostNames: ['127.0.0.1'],
    addresses: { '127.0.0.1': {} },
    ca: lab.ca,
    ...(options.certificate === 'expired' ? { validity: { notBefore: days(-60), notAfter: days(-1) } } : {}),
  });
  lab.onClose(() => exchange.close());
  return { target: `127.0.0.1:${exchange.port}`, port: exchange.port };
}

/** A TCP port on 127.0.0.1 nobody listens on: connects are refused at once ("dead address"). */
export async function deadTcpPort(): Promise<number> {
  const server = createTcpServer();
  const port = await listen(server, '127.0.0.1', 0);
  await closeServer(server);
  return port;
}

/**
 * A loopback TCP server that accepts and then says nothing: a TLS handshake against it waits
 * until its deadline, which gives a test time to cancel.
 */
export async function startSilentServer(lab: WizardLab): Promise<{ target: string }> {
  // Reads and drops what comes (never answers): a socket nobody reads never sees the client's FIN,
  // and the lab could not close.
  const server = createTcpServer((socket) => socket.on('error', () => undefined).resume());
  lab.track(server);
  const port = await listen(server, '127.0.0.1', 0);
  return { target: `127.0.0.1:${port}` };
}

async function deadUdpPort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}
