import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inNamespace, run } from './commands';
import { deleteOrphanedNamespaces, LAB_NAMESPACE_PREFIX, listNamespaces } from './namespaces';
import { startNetlab, type Netlab, type NetlabSetupState, type NetlabStep } from './netlab';
import { HTTPS_PORT, LAB_NAMES, SERVER } from './plan';
import { netlabSkipReason } from './support';

/**
 * The lab itself: its proxy and DNS behave like the real programs they are, and it leaves
 * nothing behind.
 */

const skipReason = await netlabSkipReason('netlab');

/**
 * Asks tinyproxy for a CONNECT from the client namespace and prints the status line it answers.
 * The script gets the proxy and the target as arguments; nothing is built from strings at run time.
 */
const CONNECT_SCRIPT = `
const http = require('node:http');
const [proxyHost, proxyPort, target] = process.argv.slice(1);
const req = http.request({ host: proxyHost, port: Number(proxyPort), method: 'CONNECT', path: target, timeout: 5000 });
req.on('connect', (res, socket) => { console.log(res.statusCode); socket.destroy(); });
req.on('response', (res) => { console.log(res.statusCode); res.resume(); });
req.on('timeout', () => { console.log('timeout'); req.destroy(); });
req.on('error', (e) => console.log('error ' + e.code));
req.end();
`;

/** Resolves a name with the lab's DNS server from the client namespace; prints the addresses. */
const RESOLVE_SCRIPT = `
const { Resolver } = require('node:dns').promises;
const [server, name] = process.argv.slice(1);
const r = new Resolver({ timeout: 2000, tries: 1 });
r.setServers([server]);
Promise.all([r.resolve4(name).catch((e) => [e.code]), r.resolve6(name).catch((e) => [e.code])]).then(([a, aaaa]) => console.log(JSON.stringify({ a: a.sort(), aaaa })));
`;

describe.skipIf(skipReason !== null)('the namespace lab', () => {
  let lab: Netlab;
  beforeAll(async () => {
    lab = await startNetlab();
  }, 60_000);
  afterAll(async () => {
    await lab?.close();
  });

  it('has a real proxy in the router that allows CONNECT to 443 only', async () => {
    const { proxyUrl, topology } = lab;
    const proxy = new URL(proxyUrl);
    const connect = (target: string) => inNamespace(topology.client, process.execPath, ['-e', CONNECT_SCRIPT, proxy.hostname, proxy.port, target]);
    expect((await connect(`${SERVER.healthy4}:${HTTPS_PORT}`)).trim()).toBe('200');
    expect((await connect(`${SERVER.healthy4}:80`)).trim()).toBe('403');
    // Target names resolve with the lab's DNS server, as a company proxy uses the company's.
    expect((await connect(`${LAB_NAMES.healthy.name}:${HTTPS_PORT}`)).trim()).toBe('200');
    expect(lab.proxyLog()).toMatch(new RegExp(`CONNECT ${LAB_NAMES.healthy.name.replaceAll('.', '\\.')}:${HTTPS_PORT} `));
  });

  it('answers the lab names from real dnsmasq: several A records, AAAA, NXDOMAIN for unknown names', async () => {
    const resolve = async (name: string) => JSON.parse(await inNamespace(lab.topology.client, process.execPath, ['-e', RESOLVE_SCRIPT, lab.dnsServer, name])) as { a: string[]; aaaa: string[] };
    expect(await resolve(LAB_NAMES.oneDead.name)).toEqual({ a: [SERVER.healthy4, SERVER.dropped4].sort(), aaaa: ['ENODATA'] });
    expect(await resolve(LAB_NAMES.healthy.name)).toEqual({ a: [SERVER.healthy4], aaaa: [SERVER.healthy6] });
    expect(await resolve('nothing.contoso.test')).toEqual({ a: ['ENOTFOUND'], aaaa: ['ENOTFOUND'] });
  });

  it('removes its namespaces on close, and those a killed run left behind', async () => {
    const mine = (await listNamespaces()).filter((n) => n.startsWith(lab.topology.prefix));
    expect(mine.sort()).toEqual([lab.topology.client, lab.topology.router, lab.topology.server].sort());

    // A process id above the kernel's maximum (2^22) never runs: its namespace is an orphan.
    const orphan = `${LAB_NAMESPACE_PREFIX}99999999-dead00-client`;
    await run('ip', ['netns', 'add', orphan]);
    expect(await deleteOrphanedNamespaces()).toContain(orphan);

    await lab.close();
    const left = (await listNamespaces()).filter((n) => n.startsWith(lab.topology.prefix) || n === orphan);
    expect(left).toEqual([]);
  });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Command lines of the running processes that name `text` (the lab's folder: dnsmasq's hosts file, tinyproxy's configuration, the server's arguments). */
async function processesNaming(text: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    // A process may end while we read: then it is gone, which is what we look for.
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes(text)) found.push(`${entry}: ${cmdline.replaceAll('\0', ' ')}`);
  }
  return found;
}

describe.skipIf(skipReason !== null)('a lab whose setup fails late', () => {
  // After dnsmasq: as when tinyproxy cannot start. After the server: the last step, everything is up.
  it.each<NetlabStep>(['dnsmasq', 'server'])('leaves no namespace and no lab program behind when the setup fails after %s', async (failAt) => {
    let state: NetlabSetupState | undefined;
    let runningAtFailure: string[] = [];
    const setup = startNetlab({
      afterStep: async (step, now) => {
        if (step !== failAt) return;
        state = now;
        runningAtFailure = await processesNaming(now.dir);
        throw new Error(`injected failure after ${step}`);
      },
    });
    try {
      await expect(setup).rejects.toThrow(`injected failure after ${failAt}`);
      // What the failure had to clean up: the namespaces, dnsmasq (and more), all found by the checks below.
      expect(state?.prefix).toMatch(new RegExp(`^${LAB_NAMESPACE_PREFIX}`));
      expect(state!.pids).toHaveLength(failAt === 'dnsmasq' ? 1 : 3);
      expect(runningAtFailure.some((line) => line.includes('/usr/sbin/dnsmasq'))).toBe(true);
      if (failAt === 'server') expect(runningAtFailure.some((line) => line.includes('/usr/bin/tinyproxy'))).toBe(true);

      expect((await listNamespaces()).filter((name) => name.startsWith(state!.prefix!))).toEqual([]);
      expect(state!.pids.filter(alive)).toEqual([]);
      expect(await processesNaming(state!.dir)).toEqual([]);
      expect(existsSync(state!.dir)).toBe(false);
    } finally {
      // When this test fails, the programs its lab leaked must not outlive the run.
      for (const pid of state?.pids.filter(alive) ?? []) process.kill(pid, 'SIGKILL');
    }
  }, 60_000);
});
