import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLabDnsServer, type LabDnsServer } from '../../../e2e/lab/dns-server';
import type { DnsSystemData } from '../../../shared/model/probe-data';
import { SystemResolver } from './system-resolver';

/**
 * The operating system's view of names (`dns.lookup`, method `os-lookup`): what the run sees
 * without `--dns-server`, i.e. what Outlook sees.
 *
 * `localhost` comes from the hosts file, so no question leaves the process. Names that need DNS
 * are looked up in a child process with a mount namespace of its own, where /etc/resolv.conf
 * names the lab DNS server on a loopback address (port 53: getaddrinfo knows no other) and
 * /etc/nsswitch.conf says `files dns`: the OS resolver asks only the lab, whatever this machine
 * is configured with, and the rest of the machine is untouched. That needs root and unshare
 * (scripts/offline.sh, CI); elsewhere it skips with the reason.
 */

const HOSTS = '/etc/hosts';
/** A loopback address of its own, so the OS's stub resolvers (127.0.0.53, 127.0.0.1) are never in the way. */
const LAB_DNS_HOST = '127.53.0.1';
/** The lab answers this name's NXDOMAIN late, so the lookup's own timing shows. */
const LATE_NAME = 'late.outlook-doktor.invalid';
const LATE_MS = 300;
/** A lookup in the child takes well under a second; a hang must fail the test, not stall it. */
const CHILD_LIMIT_MS = 15_000;

const never = new AbortController().signal;

/** What the hosts file says about a name: its addresses, as a resolver reads the file. */
function hostsAddresses(name: string): string[] {
  const found: string[] = [];
  for (const raw of readFileSync(HOSTS, 'utf8').split('\n')) {
    const [address, ...names] = raw.replace(/#.*/, '').trim().split(/\s+/);
    if (address && names.some((n) => n.toLowerCase() === name)) found.push(address.toLowerCase());
  }
  return [...new Set(found)];
}

describe.runIf(process.platform === 'linux')('SystemResolver without servers (the OS lookup)', () => {
  it('resolves localhost to what the hosts file gives, timed, with the hosts-file lines as evidence', async () => {
    const expected = hostsAddresses('localhost');
    if (expected.length === 0) {
      console.log(`system-resolver-os: ${HOSTS} has no localhost line here; the OS answers it some other way`);
    }
    const result = await new SystemResolver({ dnsServers: [], hostsFile: HOSTS }).resolve('LocalHost.', never);
    expect(result).toMatchObject({ name: 'localhost', method: 'os-lookup' });
    // The OS lookup does not say where the answer came from, and asks no servers of ours.
    expect(result.servers).toBeUndefined();
    expect(result.source).toBeUndefined();
    expect(result.error).toBeUndefined();
    const addresses = result.addresses.map((a) => a.address);
    if (expected.length > 0) expect([...new Set(addresses)].sort()).toEqual([...expected].sort());
    for (const a of result.addresses) expect(a.family).toBe(a.address.includes(':') ? 6 : 4);
    expect(result.hostsFile.path).toBe(HOSTS);
    expect(result.hostsFile.entries.map((e) => e.address).sort()).toEqual([...expected].sort());
    expect(Number.isInteger(result.durationMs) && result.durationMs >= 0).toBe(true);
  });
});

/** Why the namespaced OS lookups cannot run here, or null. */
function namespaceProblem(): string | null {
  if (process.platform !== 'linux') return 'not Linux';
  if (process.getuid?.() !== 0) return 'needs root (mount namespace, port 53): run inside scripts/offline.sh';
  if (spawnSync('unshare', ['--version']).status !== 0) return 'unshare (util-linux) is missing';
  for (const file of ['/etc/resolv.conf', '/etc/nsswitch.conf']) if (!existsSync(file)) return `${file} does not exist to bind over`;
  return null;
}

const skipReason = namespaceProblem();
if (skipReason && process.env.CI === 'true') throw new Error(`system-resolver-os: ${skipReason}; CI runs the tests inside scripts/offline.sh as root and must be able to`);

describe.skipIf(skipReason !== null)('SystemResolver without servers, with DNS, in a mount namespace', () => {
  let lab: LabDnsServer;
  let dir: string;

  beforeAll(async () => {
    lab = await startLabDnsServer({
      host: LAB_DNS_HOST,
      port: 53,
      zone: { 'mail.contoso.test': ['127.0.0.2'], [LATE_NAME]: { rcode: 'NXDOMAIN', delayMs: LATE_MS } },
    });
    dir = await mkdtemp(path.join(tmpdir(), 'od-os-lookup-'));
    // One try, short wait: a lost answer fails the test quickly instead of retrying for seconds.
    await writeFile(path.join(dir, 'resolv.conf'), `nameserver ${LAB_DNS_HOST}\noptions attempts:1 timeout:3\n`);
    await writeFile(path.join(dir, 'nsswitch.conf'), 'hosts: files dns\n');
  });
  afterAll(async () => {
    await lab?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** `SystemResolver.resolve` for each name, in a child whose resolver configuration is the lab's. */
  async function resolveInNamespace(names: string[]): Promise<Record<string, DnsSystemData>> {
    const moduleUrl = new URL('./system-resolver.ts', import.meta.url).href;
    const code = [
      `const { SystemResolver } = await import(${JSON.stringify(moduleUrl)});`,
      `const resolver = new SystemResolver({ dnsServers: [], hostsFile: ${JSON.stringify(HOSTS)} });`,
      'const out = {};',
      `for (const name of ${JSON.stringify(names)}) out[name] = await resolver.resolve(name, AbortSignal.timeout(5000));`,
      'process.stdout.write(JSON.stringify(out));',
    ].join('\n');
    const script = 'mount --bind "$1" /etc/resolv.conf && mount --bind "$2" /etc/nsswitch.conf && exec "$3" --import tsx --input-type=module -e "$4"';
    const child = spawn('unshare', ['-m', 'sh', '-c', script, 'sh', path.join(dir, 'resolv.conf'), path.join(dir, 'nsswitch.conf'), process.execPath, code], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const killer = setTimeout(() => child.kill('SIGKILL'), CHILD_LIMIT_MS);
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', resolve);
    }).finally(() => clearTimeout(killer));
    if (exitCode !== 0) throw new Error(`the namespaced lookup exited ${exitCode}: ${stderr.slice(0, 2000)}`);
    return JSON.parse(stdout) as Record<string, DnsSystemData>;
  }

  it('a name DNS knows, and a .invalid name that does not exist (nxdomain), each with the lookup’s time', async () => {
    const missing = 'nothing-here.outlook-doktor.invalid';
    const results = await resolveInNamespace(['mail.contoso.test', missing, LATE_NAME]);

    expect(results['mail.contoso.test']).toMatchObject({ method: 'os-lookup', addresses: [{ address: '127.0.0.2', family: 4 }] });
    expect(results['mail.contoso.test']!.error).toBeUndefined();

    for (const name of [missing, LATE_NAME]) {
      const result = results[name]!;
      expect(result, name).toMatchObject({ name, method: 'os-lookup', addresses: [], error: { kind: 'nxdomain', code: 'ENOTFOUND' } });
      expect(result.servers).toBeUndefined();
      expect(result.hostsFile.entries).toEqual([]);
    }
    // The time is the lookup's own: the late answer takes the lab's delay, the prompt one does not.
    expect(results[LATE_NAME]!.durationMs).toBeGreaterThanOrEqual(LATE_MS - 20);
    expect(results[LATE_NAME]!.durationMs).toBeLessThan(LATE_MS + 2_000);
    expect(results[missing]!.durationMs).toBeLessThan(LATE_MS);

    // getaddrinfo asked the lab (the name as given, no search domain), so the answers were the lab's and nothing left the machine.
    const asked = new Set(lab.queries.map((q) => q.name));
    expect(asked).toContain(missing);
    expect(asked).toContain(LATE_NAME);
    expect(asked).toContain('mail.contoso.test');
  });
});
