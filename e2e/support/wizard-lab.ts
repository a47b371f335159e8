import { createSocket } from 'node:dgram';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { closeServer, listen } from '../lab/listen';
import { createCa, days, issueCert, type TestCa } from '../lab/pki';
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
  close(): Promise<void>;
}

export const CONNECT_TEST_BODY = 'Microsoft Connect Test';

/** Exchange's answer to the anonymous first request (after the real 2019 sample in e2e/fixtures). */
const EXCHANGE_401_HEADERS = {
  'cache-control': 'private',
  server: 'Microsoft-IIS/10.0',
  'request-id': 'e379a219-4853-478b-ab37-842e5e5915b9',
  'x-feserver': 'EX01',
  'x-owa-version': '15.2.986.14',
  'x-powered-by': 'ASP.NET',
  'www-authenticate': ['Negotiate', 'NTLM'],
};

const EXCHANGE_VDIRS = ['/mapi/', '/rpc/', '/ews/', '/autodiscover/', '/owa/', '/oab/', '/microsoft-server-activesync'];

export async function createWizardLab(connectivity: 'ok' | 'portal' = 'ok'): Promise<WizardLab> {
  const dir = await mkdtemp(path.join(tmpdir(), 'od-wizard-lab-'));
  const ca = await createCa();
  const caFile = path.join(dir, 'ca.pem');
  const hostsFile = path.join(dir, 'hosts');
  await writeFile(caFile, ca.certPem);
  await writeFile(hostsFile, '127.0.0.1 localhost\n::1 localhost\n');
  const servers: Server[] = [];

  const connectivityServer = createHttpServer((req, res) => {
    if (connectivity === 'portal') {
      // A hotel portal: every request is sent to its sign-in page on a foreign host.
      res.writeHead(302, { location: 'http://portal.hotel.test/login?continue=connecttest' }).end();
      return;
    }
    if (req.url === '/connecttest.txt') res.writeHead(200, { 'content-type': 'text/plain' }).end(CONNECT_TEST_BODY);
    else res.writeHead(404).end();
  });
  servers.push(connectivityServer);
  const connectivityPort = await listen(connectivityServer, '127.0.0.1', 0);
  const deadDnsPort = await deadUdpPort();

  const lab: WizardLab = {
    ca,
    caFile,
    hostsFile,
    deadDnsServer: `127.0.0.1:${deadDnsPort}`,
    connectivityUrl: `http://127.0.0.1:${connectivityPort}/connecttest.txt`,
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
    close: async () => {
      await Promise.all(servers.map((s) => closeServer(s)));
      await rm(dir, { recursive: true, force: true });
    },
  };
  return lab;
}

/**
 * An Exchange-like HTTPS front end on 127.0.0.1: the anonymous request to every Outlook
 * endpoint gets 401 with Negotiate and NTLM, health checks answer 200. `expired` serves a
 * certificate that ran out yesterday.
 */
export async function startExchange(lab: WizardLab, options: { certificate?: 'valid' | 'expired' } = {}): Promise<{ target: string; port: number }> {
  const expired = options.certificate === 'expired';
  const cert = await issueCert(lab.ca, {
    names: ['127.0.0.1'],
    ...(expired ? { notBefore: days(-60), notAfter: days(-1) } : {}),
  });
  const server = createHttpsServer({ key: cert.keyPem, cert: cert.chainPem }, exchangeHandler);
  lab.track(server);
  const port = await listen(server, '127.0.0.1', 0);
  return { target: `127.0.0.1:${port}`, port };
}

function exchangeHandler(req: IncomingMessage, res: ServerResponse): void {
  const url = (req.url ?? '/').toLowerCase();
  const date = new Date().toUTCString();
  if (url.endsWith('/healthcheck.htm')) {
    res.writeHead(200, { 'content-type': 'text/html', server: 'Microsoft-IIS/10.0', date }).end('200 OK<br/>EX01.contoso.test');
    return;
  }
  if (EXCHANGE_VDIRS.some((vdir) => url.startsWith(vdir))) {
    req.resume();
    res.writeHead(401, { ...EXCHANGE_401_HEADERS, date, 'content-length': '0' }).end();
    return;
  }
  res.writeHead(url === '/' ? 302 : 404, { server: 'Microsoft-IIS/10.0', date, ...(url === '/' ? { location: '/owa/' } : {}) }).end();
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
  const server = createTcpServer((socket) => socket.on('error', () => undefined));
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
