import { HTTPS_PORT, SERVER } from './plan';

/**
 * The router's nftables ruleset: the firewall faults of the lab.
 *
 * - "fragmentation needed" (IPv4) and "packet too big" (IPv6) that the router itself sends are
 *   dropped: a sender of too-large packets never learns it, the classic MTU black hole.
 * - SYNs to one address are dropped (connect times out), to another answered with a TCP reset,
 *   to a third with ICMP "administratively prohibited": the three ways a firewall says no.
 */
export function routerRuleset(): string {
  return `
table inet odlab {
  chain output {
    type filter hook output priority 0; policy accept;
    icmp type destination-unreachable icmp code frag-needed drop
    icmpv6 type packet-too-big drop
  }
  chain forward {
    type filter hook forward priority 0; policy accept;
    ip daddr ${SERVER.dropped4} tcp flags & (syn | ack) == syn drop
    ip daddr ${SERVER.reset4} tcp dport ${HTTPS_PORT} reject with tcp reset
    ip6 daddr ${SERVER.reset6} tcp dport ${HTTPS_PORT} reject with tcp reset
    ip daddr ${SERVER.prohibited4} tcp dport ${HTTPS_PORT} reject with icmp type admin-prohibited
    ip6 daddr ${SERVER.prohibited6} tcp dport ${HTTPS_PORT} reject with icmpv6 type admin-prohibited
  }
}
`;
}
