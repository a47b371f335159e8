import { defineRule } from '../rule';
import { LINK_DOWN, PORTAL } from '../causes';
import { withData } from '../evidence-queries';
import { combineHostHits, noteArg, type HostHit } from '../host-hits';
import { hostRoles, isOutlookRole } from '../host-roles';

/** IPv4 header (20) + ICMP header (8): a DF ping payload plus this is the packet size (MTU). */
const ICMP_V4_OVERHEAD = 28;
/** IPv6 header (40) + ICMPv6 header (8). */
const ICMP_V6_OVERHEAD = 48;

/**
 * `mtu.blackhole-suspected`: on the same path, a small exchange succeeds while a large one
 * stalls: full-size packets are dropped and the "packet too big" message that would make the
 * sender use smaller ones does not come back (MTU too small somewhere + ICMP blocked).
 *
 * Not lowered for Autodiscover names: the packet size limit belongs to the path (VPN, WAN
 * link), which Outlook's connections to the Exchange host take too.
 */
export const mtuBlackholeSuspected = defineRule({
  id: 'mtu.blackhole-suspected',
  dependsOn: [...LINK_DOWN, ...PORTAL],
  evaluate(evidence) {
    const roles = hostRoles(evidence);
    const hits: HostHit[] = [];
    for (const r of withData(evidence, 'mtu')) {
      const role = roles.roleOf(r.data.host);
      if (!isOutlookRole(role)) continue;
      const { small, large, dfSweep } = r.data;
      if (small.outcome !== 'ok' || large.outcome !== 'stalled') continue;
      const passing = dfSweep?.largestPassingPayload;
      const overhead = r.data.family === 6 ? ICMP_V6_OVERHEAD : ICMP_V4_OVERHEAD;
      hits.push({
        host: r.data.host,
        role,
        evidence: [r.id],
        args: {
          host: r.data.host,
          address: r.data.address,
          largeBytes: Math.max(large.requestBytes, large.responseBytes),
          receivedBytes: large.receivedBytes,
          ...(typeof passing === 'number' ? { pathMtu: passing + overhead } : {}),
          ...noteArg([typeof passing === 'number' && 'sweep', passing === null && 'icmp-blocked']),
        },
        severity: 'problem',
      });
    }
    return combineHostHits(hits);
  },
});
