import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inNamespace, run } from './commands';
import { deleteOrphanedNamespaces, LAB_NAMESPACE_PREFIX, listNamespaces } from './namespaces';
import { startNetlab, type Netlab } from './netlab';
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
