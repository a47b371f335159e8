/**
 * The lab's address plan: what each address stands for and what the router does to it.
 *
 * Documentation ranges only (RFC 5737, RFC 3849): they exist nowhere outside the lab's
 * namespaces, so nothing can ever leave for a real host.
 *
 * ```
 *  client ns                 router ns                               server ns
 *  eth0 198.51.100.10 ─── lan 198.51.100.1  (dnsmasq :53, tinyproxy :8888)
 *       2001:db8:c::10        2001:db8:c::1
 *                             srv-a 203.0.113.1    ─── eth0 203.0.113.2 … (MTU 1500)
 *                                   2001:db8:a::1       2001:db8:a::2 …
 *                             srv-b 203.0.113.65   ─── eth1 203.0.113.66  (MTU 1400 link)
 *
 *  answers from 203.0.113.16/.17 (eth0) to the client: router route with MTU 1400 (downstream only)
 * ```
 */

export const CLIENT = { v4: '198.51.100.10', v6: '2001:db8:c::10' } as const;
export const ROUTER_LAN = { v4: '198.51.100.1', v6: '2001:db8:c::1' } as const;
export const ROUTER_SRV_A = { v4: '203.0.113.1', v6: '2001:db8:a::1' } as const;
export const ROUTER_SRV_B = { v4: '203.0.113.65' } as const;

/** The link to the MTU black hole address: smaller than Ethernet, and its "too big" ICMP is dropped. */
export const SMALL_LINK_MTU = 1400;
/**
 * The router's route from the downstream black hole address to the client network: as small as
 * the link, and its "too big" ICMP to the server is dropped the same way.
 */
export const DOWNSTREAM_ROUTE_MTU = 1400;

/** Server addresses, each with its fault. The Exchange-like server listens on every one. */
export const SERVER = {
  /** Healthy IPv4. */
  healthy4: '203.0.113.2',
  /** Healthy IPv6. */
  healthy6: '2001:db8:a::2',
  /** The router drops SYNs to it: a firewall that drops (connect times out). */
  dropped4: '203.0.113.12',
  /** The router answers SYNs to it with a TCP reset (REJECT with tcp-reset). */
  reset4: '203.0.113.13',
  /** The router answers with ICMP "administratively prohibited" (REJECT with icmp). */
  prohibited4: '203.0.113.14',
  /** The router has an `unreachable` route for it: ICMP host unreachable. */
  unreachable4: '203.0.113.30',
  /** The router has a `blackhole` route for it: IPv6 silently dropped. */
  dropped6: '2001:db8:a::66',
  /** The router answers SYNs to it with a TCP reset (IPv6). */
  reset6: '2001:db8:a::13',
  /** The router answers with ICMPv6 "administratively prohibited". */
  prohibited6: '2001:db8:a::14',
  /** Behind the 1400-byte link whose "fragmentation needed" is dropped: the MTU black hole. */
  blackhole4: '203.0.113.66',
  /**
   * On the full-size link, but its answers reach the client over a 1400-byte hop whose
   * "fragmentation needed" is dropped: the MTU black hole server → client only. Its server
   * presents a certificate whose handshake fits one small packet (see server-main.ts).
   */
  blackholeDown4: '203.0.113.16',
  /** The same downstream black hole, with the lab's usual certificate: its handshake is larger. */
  blackholeDownTls4: '203.0.113.17',
} as const;

/** Exchange-like HTTPS and the connectivity check listen on these ports in the server namespace. */
export const HTTPS_PORT = 443;
export const CONNECTIVITY_PORT = 80;
export const PROXY_PORT = 8888;

/** The lab's DNS zone (dnsmasq host records: A and AAAA per name). */
export const LAB_DOMAIN = 'contoso.test';
export const LAB_NAMES = {
  /** One healthy IPv4 and one healthy IPv6 address. */
  healthy: { name: `mail.${LAB_DOMAIN}`, addresses: [SERVER.healthy4, SERVER.healthy6] },
  /** Only the address behind the black hole link. */
  blackhole: { name: `mtu.${LAB_DOMAIN}`, addresses: [SERVER.blackhole4] },
  /** Only the address whose answers cross the small hop: large answers die, large requests pass. */
  blackholeDown: { name: `mtu-down.${LAB_DOMAIN}`, addresses: [SERVER.blackholeDown4] },
  /** Answers cross the small hop, and the server's certificate flight is one of them. */
  blackholeDownTls: { name: `mtu-down-tls.${LAB_DOMAIN}`, addresses: [SERVER.blackholeDownTls4] },
  /** IPv4 fine, its AAAA points at the dropped IPv6 address. */
  ipv6Dropped: { name: `v6.${LAB_DOMAIN}`, addresses: [SERVER.healthy4, SERVER.dropped6] },
  /** Two IPv4 addresses, one of them dropped: a load balancer leftover. */
  oneDead: { name: `lb.${LAB_DOMAIN}`, addresses: [SERVER.healthy4, SERVER.dropped4] },
  /** Everything dropped, IPv4 and IPv6. */
  allDropped: { name: `dead.${LAB_DOMAIN}`, addresses: [SERVER.dropped4, SERVER.dropped6] },
  /** One address per way a connect can fail, for the TCP classification. */
  faults: { name: `faults.${LAB_DOMAIN}`, addresses: [SERVER.dropped4, SERVER.reset4, SERVER.prohibited4, SERVER.unreachable4, SERVER.dropped6, SERVER.reset6, SERVER.prohibited6] },
} as const;

/** Addresses the server namespace carries on its MTU-1500 link (all but the black hole one). */
export const SERVER_LINK_A_ADDRESSES = [SERVER.healthy4, SERVER.dropped4, SERVER.reset4, SERVER.prohibited4, SERVER.blackholeDown4, SERVER.blackholeDownTls4] as const;
export const SERVER_LINK_A_ADDRESSES6 = [SERVER.healthy6, SERVER.dropped6, SERVER.reset6, SERVER.prohibited6] as const;
