import { inNamespace, ipIn, run } from './commands';
import { deleteNamespaces, deleteOrphanedNamespaces, newLabPrefix } from './namespaces';
import { CLIENT, DOWNSTREAM_ROUTE_MTU, ROUTER_LAN, ROUTER_SRV_A, ROUTER_SRV_B, SERVER, SERVER_LINK_A_ADDRESSES, SERVER_LINK_A_ADDRESSES6, SMALL_LINK_MTU } from './plan';
import { routerRuleset } from './router-firewall';

/**
 * Three network namespaces wired as client — router — server, with the faults of plan.ts.
 *
 * Interface names live inside each namespace, so they can be plain (`eth0` on the client, as a
 * real PC has) without colliding with another lab. Everything is removed by `destroy()`, and a
 * failed setup removes what it had made before it throws.
 */

export interface Topology {
  prefix: string;
  client: string;
  router: string;
  server: string;
  destroy(): Promise<void>;
}

/** Table in the server namespace for answers from the black hole address (see below). */
const BLACKHOLE_TABLE = '100';
/** Table in the router for answers from the downstream black hole address (see below). */
const DOWNSTREAM_TABLE = '101';
/** The client network, where the router's downstream route leads. */
const CLIENT_NETWORK = `${CLIENT.v4.split('.').slice(0, 3).join('.')}.0/24`;
/** What a 1500-byte Ethernet path lets TCP carry; the black hole address pretends to have it. */
const ETHERNET_ADVMSS = '1460';

export async function createTopology(): Promise<Topology> {
  await deleteOrphanedNamespaces();
  const prefix = newLabPrefix();
  const client = `${prefix}client`;
  const router = `${prefix}router`;
  const server = `${prefix}server`;
  const topology: Topology = { prefix, client, router, server, destroy: () => deleteNamespaces(prefix) };
  try {
    for (const ns of [client, router, server]) {
      await run('ip', ['netns', 'add', ns]);
      // Link-local addresses in duplicate detection stall neighbour discovery for a second: the
      // first IPv6 connect would look slow. The lab has no duplicates to detect.
      await inNamespace(ns, 'sysctl', ['-q', '-w', 'net.ipv6.conf.all.accept_dad=0', 'net.ipv6.conf.default.accept_dad=0']);
      await ipIn(ns, 'link', 'set', 'lo', 'up');
    }
    await ipIn(client, 'link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', 'lan', 'netns', router);
    await ipIn(router, 'link', 'add', 'srv-a', 'type', 'veth', 'peer', 'name', 'eth0', 'netns', server);
    await ipIn(router, 'link', 'add', 'srv-b', 'type', 'veth', 'peer', 'name', 'eth1', 'netns', server);
    await ipIn(router, 'link', 'set', 'srv-b', 'mtu', String(SMALL_LINK_MTU));
    await ipIn(server, 'link', 'set', 'eth1', 'mtu', String(SMALL_LINK_MTU));

    // nodad: an address still in duplicate detection cannot be bound for a second or two.
    const add = (ns: string, dev: string, address: string, bits: number) =>
      ipIn(ns, 'addr', 'add', `${address}/${bits}`, 'dev', dev, ...(address.includes(':') ? ['nodad'] : []));
    await add(client, 'eth0', CLIENT.v4, 24);
    await add(client, 'eth0', CLIENT.v6, 64);
    await add(router, 'lan', ROUTER_LAN.v4, 24);
    await add(router, 'lan', ROUTER_LAN.v6, 64);
    await add(router, 'srv-a', ROUTER_SRV_A.v4, 26);
    await add(router, 'srv-a', ROUTER_SRV_A.v6, 64);
    await add(router, 'srv-b', ROUTER_SRV_B.v4, 26);
    for (const address of SERVER_LINK_A_ADDRESSES) await add(server, 'eth0', address, 26);
    for (const address of SERVER_LINK_A_ADDRESSES6) await add(server, 'eth0', address, 64);
    await add(server, 'eth1', SERVER.blackhole4, 26);

    for (const [ns, dev] of [[client, 'eth0'], [router, 'lan'], [router, 'srv-a'], [router, 'srv-b'], [server, 'eth0'], [server, 'eth1']] as const) {
      await ipIn(ns, 'link', 'set', dev, 'up');
    }

    await ipIn(client, 'route', 'add', 'default', 'via', ROUTER_LAN.v4);
    await ipIn(client, '-6', 'route', 'add', 'default', 'via', ROUTER_LAN.v6);
    await ipIn(server, 'route', 'add', 'default', 'via', ROUTER_SRV_A.v4);
    await ipIn(server, '-6', 'route', 'add', 'default', 'via', ROUTER_SRV_A.v6);
    // The black hole address answers over the small link but announces a full Ethernet MSS, as a
    // server behind a smaller WAN hop does: clients then send 1500-byte packets the router cannot
    // forward, and its "fragmentation needed" is dropped below.
    await ipIn(server, 'route', 'add', 'default', 'via', ROUTER_SRV_B.v4, 'table', BLACKHOLE_TABLE, 'advmss', ETHERNET_ADVMSS);
    await ipIn(server, 'rule', 'add', 'from', `${SERVER.blackhole4}/32`, 'lookup', BLACKHOLE_TABLE);

    // The downstream black hole: the router forwards answers from that address to the client over a
    // route of a smaller MTU (a forwarding route's MTU counts as the link's would). The server
    // sends full-size packets (both ends announced 1460), the router drops them, and its
    // "fragmentation needed" back to the server is dropped below. Requests take the normal route.
    await ipIn(router, 'route', 'add', CLIENT_NETWORK, 'dev', 'lan', 'mtu', String(DOWNSTREAM_ROUTE_MTU), 'table', DOWNSTREAM_TABLE);
    for (const address of [SERVER.blackholeDown4, SERVER.blackholeDownTls4]) await ipIn(router, 'rule', 'add', 'from', `${address}/32`, 'iif', 'srv-a', 'lookup', DOWNSTREAM_TABLE);

    // Route faults: ICMP host unreachable for one IPv4 address, silence for one IPv6 address.
    await ipIn(router, 'route', 'add', 'unreachable', `${SERVER.unreachable4}/32`);
    await ipIn(router, '-6', 'route', 'add', 'blackhole', `${SERVER.dropped6}/128`);

    await inNamespace(router, 'sysctl', ['-q', '-w', 'net.ipv4.ip_forward=1', 'net.ipv6.conf.all.forwarding=1']);
    await inNamespace(router, '/usr/sbin/nft', ['-f', '-'], routerRuleset());
    return topology;
  } catch (error) {
    await topology.destroy();
    throw error;
  }
}
