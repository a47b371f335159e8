import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A throw-away MIT Kerberos realm with its KDC on 127.0.0.1, for the Kerberos ticket check.
 *
 * Database, configuration and credential caches live in a temp dir; the tools find them through
 * `KRB5_CONFIG`/`KRB5_KDC_PROFILE`/`KRB5CCNAME` (see `env`), so nothing of the machine's own
 * Kerberos setup is touched. Debian packages: krb5-kdc, krb5-admin-server, krb5-user.
 */

export interface LabKdc {
  realm: string;
  port: number;
  /** Environment for Kerberos tools of this realm, with `KRB5CCNAME` pointing at the test's cache. */
  env: Record<string, string>;
  /** Gets a ticket-granting ticket for a user of the realm into the test's cache. */
  kinit(user: string): void;
  /** Empties the test's credential cache (no TGT any more). */
  kdestroy(): void;
  addService(spn: string): void;
  stop(): Promise<void>;
  close(): Promise<void>;
}

const TOOLS = ['krb5kdc', 'kdb5_util', 'kadmin.local', 'kinit', 'kvno', 'klist', 'kdestroy'];
const SBIN = ['/usr/sbin', '/usr/bin', '/sbin', '/bin'];
/** Password of every lab user; the realm exists only for one test run. */
const USER_PASSWORD = 'lab-password-1';
const START_TIMEOUT_MS = 10_000;

function which(tool: string): string | null {
  for (const dir of SBIN) {
    const candidate = path.join(dir, tool);
    if (spawnSync('test', ['-x', candidate]).status === 0) return candidate;
  }
  return null;
}

/** Why the lab realm cannot run here, or null (tests print the reason when they skip). */
export function kdcUnavailable(): string | null {
  const missing = TOOLS.filter((t) => !which(t));
  return missing.length ? `MIT Kerberos tools missing: ${missing.join(', ')} (Debian packages krb5-kdc, krb5-admin-server, krb5-user; .ci/run installs them)` : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

export async function startKdc(options: { realm?: string; domain: string; users: string[]; services: string[] }): Promise<LabKdc> {
  const realm = options.realm ?? options.domain.toUpperCase();
  const dir = await mkdtemp(path.join(tmpdir(), 'od-kdc-'));
  const port = await freePort();
  const krb5 = path.join(dir, 'krb5.conf');
  const kdcConf = path.join(dir, 'kdc.conf');
  await writeFile(
    krb5,
    [
      '[libdefaults]',
      ` default_realm = ${realm}`,
      ' dns_lookup_kdc = false',
      ' dns_lookup_realm = false',
      ' rdns = false',
      '[realms]',
      ` ${realm} = {`,
      `  kdc = 127.0.0.1:${port}`,
      ' }',
      '[domain_realm]',
      ` .${options.domain} = ${realm}`,
      ` ${options.domain} = ${realm}`,
      '',
    ].join('\n'),
  );
  await writeFile(
    kdcConf,
    [
      '[kdcdefaults]',
      ` kdc_ports = ${port}`,
      ` kdc_tcp_ports = ${port}`,
      '[realms]',
      ` ${realm} = {`,
      `  database_name = ${path.join(dir, 'principal')}`,
      `  key_stash_file = ${path.join(dir, 'stash')}`,
      `  acl_file = ${path.join(dir, 'kadm5.acl')}`,
      ' }',
      '[logging]',
      ` kdc = FILE:${path.join(dir, 'kdc.log')}`,
      '',
    ].join('\n'),
  );
  const env = { KRB5_CONFIG: krb5, KRB5_KDC_PROFILE: kdcConf, KRB5CCNAME: `FILE:${path.join(dir, 'ccache')}` };
  const childEnv = { ...process.env, ...env, LC_ALL: 'C' };
  const run = (tool: string, args: string[], input?: string) => {
    const result = spawnSync(which(tool) ?? tool, args, { env: childEnv, input, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
  };
  run('kdb5_util', ['create', '-s', '-r', realm, '-P', 'lab-master-key']);
  for (const user of options.users) run('kadmin.local', ['-r', realm, '-q', `addprinc -pw ${USER_PASSWORD} ${user}`]);
  for (const spn of options.services) run('kadmin.local', ['-r', realm, '-q', `addprinc -randkey ${spn}`]);

  const child = spawn(which('krb5kdc')!, ['-n', '-r', realm], { env: childEnv, stdio: 'ignore' });
  const deadline = performance.now() + START_TIMEOUT_MS;
  for (;;) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (up) break;
    if (child.exitCode !== null || performance.now() > deadline) {
      child.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
      throw new Error('krb5kdc did not start');
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  return {
    realm,
    port,
    env,
    kinit: (user) => run('kinit', [user], `${USER_PASSWORD}\n`),
    kdestroy: () => run('kdestroy', []),
    addService: (spn) => run('kadmin.local', ['-r', realm, '-q', `addprinc -randkey ${spn}`]),
    stop,
    async close() {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
