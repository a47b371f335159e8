import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A real HTTP proxy from Debian (tinyproxy) on loopback, for the healthy CONNECT path.
 *
 * tinyproxy resolves CONNECT targets with the system resolver, which knows none of the lab's
 * names. It therefore runs in a mount namespace of its own (`unshare -m`, or `-rm` without root)
 * where a hosts file of the test is bound over /etc/hosts: the lab names resolve for the proxy
 * and nothing changes for the rest of the machine. Config, hosts file and log live in a temp dir.
 */

export interface Tinyproxy {
  address: string;
  port: number;
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** tinyproxy's log so far (connects and requests). */
  log(): Promise<string>;
  close(): Promise<void>;
}

/** Where Debian installs it; PATH as a fallback. */
const CANDIDATES = ['/usr/bin/tinyproxy', '/usr/sbin/tinyproxy'];
/** Start-up takes a few milliseconds; a loaded CI machine may need longer. */
const START_TIMEOUT_MS = 10_000;

function findTinyproxy(): string | null {
  for (const candidate of CANDIDATES) if (existsSync(candidate)) return candidate;
  const which = spawnSync('which', ['tinyproxy'], { encoding: 'utf8' });
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : null;
}

/** Why the real proxy cannot run here, or null when it can (tests print the reason when they skip). */
export function tinyproxyUnavailable(): string | null {
  if (!findTinyproxy()) return 'tinyproxy is not installed (Debian package tinyproxy; .ci/run installs it)';
  if (spawnSync('unshare', ['--version']).status !== 0) return 'unshare (util-linux) is missing';
  return null;
}

async function freePort(address: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, address, () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(address: string, port: number, child: ChildProcess, deadline: number): Promise<void> {
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`tinyproxy exited with code ${child.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: address, port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('tinyproxy did not start listening in time');
}

/** Starts tinyproxy on 127.0.0.1 with `hosts` (name → address) as its /etc/hosts. */
export async function startTinyproxy(hosts: Record<string, string>): Promise<Tinyproxy> {
  const binary = findTinyproxy();
  if (!binary) throw new Error('tinyproxy is not installed');
  const dir = await mkdtemp(path.join(tmpdir(), 'od-tinyproxy-'));
  const address = '127.0.0.1';
  const logFile = path.join(dir, 'tinyproxy.log');
  // As root tinyproxy writes its log as `nobody`: the folder and the file must let it.
  await chmod(dir, 0o755);
  await writeFile(logFile, '');
  await chmod(logFile, 0o666);
  const hostsFile = path.join(dir, 'hosts');
  await writeFile(hostsFile, ['127.0.0.1 localhost', ...Object.entries(hosts).map(([name, ip]) => `${ip} ${name}`), ''].join('\n'));
  const root = process.getuid?.() === 0;
  const port = await freePort(address);
  const config = [
    // As root tinyproxy drops to an unprivileged user; in a user namespace it cannot switch users.
    ...(root ? ['User nobody', 'Group nogroup'] : []),
    `Port ${port}`,
    `Listen ${address}`,
    'Timeout 30',
    'MaxClients 50',
    'LogLevel Connect',
    `LogFile "${logFile}"`,
    `Allow ${address}`,
    '',
  ].join('\n');
  const configFile = path.join(dir, 'tinyproxy.conf');
  await writeFile(configFile, config);
  const script = `mount --bind "$1" /etc/hosts && exec "$2" -d -c "$3"`;
  const child = spawn('unshare', [root ? '-m' : '-rm', 'sh', '-c', script, 'sh', hostsFile, binary, configFile], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  try {
    await waitForPort(address, port, child, performance.now() + START_TIMEOUT_MS);
  } catch (error) {
    child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
    throw new Error(`${(error as Error).message}: ${stderr.slice(0, 500)}`);
  }
  return {
    address,
    port,
    url: `http://${address}:${port}`,
    log: () => readFile(logFile, 'utf8').catch(() => ''),
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
