import { defineRule } from '../rule';
import { LINK_DOWN, PORTAL } from '../causes';
import { withData } from '../evidence-queries';
import { combineHostHits, noteArg, type HostHit } from '../host-hits';
import { hostRoles, isOutlookRole } from '../host-roles';

/** IPv4 header (20) + ICMP header (8): a DF ping payload plus this is the packet size (MTU). */
const ICMP_V4_OVERHEAD = 28;
/** IPv6 header (40) + ICMPv6 header (8). */
const ICMP_V6_OVERHEAD = 48;
/** Ethernet's MTU: a sweep that passed at this size found no limit on the way its pings went. */
const FULL_PACKET_BYTES = 1500;

/**
 * `mtu.blackhole-suspected`: on the same path, a small exchange succeeds while a large one
 * stalls: full-size packets are dropped and the "packet too big" message that would make the
 * sender use smaller ones does not come back (MTU too small somewhere + ICMP blocked).
 *
 * The note names the direction: `upstream` when the large request stalls (its answer is
 * small), `downstream` when the small request's large answer does. A DF ping sweep that passes
 * at full size gives no path MTU: echo replies may be fragmented on the way back, where the
 * server's TCP packets ("don't fragment") may not (`sweep-full`, downstream only; with a large
 * request stalling too it says nothing).
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
      const { small, large, largeResponse, dfSweep } = r.data;
      const upstream = large.outcome === 'stalled';
      const downstream = largeResponse?.outcome === 'stalled';
      if (small.outcome !== 'ok' || (!upstream && !downstream)) continue;
      const passing = dfSweep?.largestPassingPayload;
      const overhead = r.data.family === 6 ? ICMP_V6_OVERHEAD : ICMP_V4_OVERHEAD;
      const sweepFull = typeof passing === 'number' && dfSweep?.smallestFailingPayload === undefined && passing + overhead >= FULL_PACKET_BYTES;
      // Full-size DF pings passing contradict a limit on the way there: no sweep note then.
      const sweepNote = typeof passing !== 'number' ? undefined : !sweepFull ? 'sweep' : upstream ? undefined : 'sweep-full';
      hits.push({
        host: r.data.host,
        role,
        evidence: [r.id],
        args: {
          host: r.data.host,
          address: r.data.address,
          ...(upstream ? { largeBytes: Math.max(large.requestBytes, large.responseBytes), receivedBytes: large.receivedBytes } : {}),
          ...(downstream && largeResponse ? { answerReceivedBytes: largeResponse.receivedBytes } : {}),
          ...(typeof passing === 'number' && !sweepFull ? { pathMtu: passing + overhead } : {}),
          ...noteArg([upstream && 'upstream', downstream && 'downstream', sweepNote, passing === null && 'icmp-blocked']),
        },
        severity: 'problem',
      });
    }
    return combineHostHits(hits);
  },
});
