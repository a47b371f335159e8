import { defineRule } from '../rule';
import { LINK_DOWN, NAME_UNRESOLVED, PORTAL } from '../causes';
import { netAdaptersOf } from '../adapter-facts';
import { connectedInterfaces, localNetworkOf, reachByHost, withData } from '../evidence-queries';
import { combineHostHits, listArg, noteArg, severityForRole, type HostHit } from '../host-hits';
import { hostRoles } from '../host-roles';
import { normalizeHost } from '../ip-address';

/**
 * `tcp.unreachable`: no address of a name accepts a TCP connection on the HTTPS port.
 *
 * The note tells refused (something answered "closed": a firewall rule or no service) from timed
 * out (packets silently dropped: a firewall, a security product on this PC, or a dead route).
 * Lowered for Autodiscover names, and when an HTTP request to the same host got an answer by
 * another way (a proxy): then the direct path is closed but Outlook's path is not. On Windows a
 * note names networks Windows classifies as Public (Get-NetConnectionProfile): the firewall's
 * public profile applies there, not rules made for the domain or private network.
 */
export const tcpUnreachable = defineRule({
  id: 'tcp.unreachable',
  dependsOn: [...LINK_DOWN, ...NAME_UNRESOLVED, ...PORTAL],
  evaluate(evidence) {
    const roles = hostRoles(evidence);
    const answered = withData(evidence, 'http').filter((r) => r.data.response);
    const hits: HostHit[] = [];
    for (const [host, reach] of reachByHost(evidence)) {
      const role = roles.roleOf(host);
      if (role === 'other' || reach.length === 0 || reach.some((a) => a.ok)) continue;
      const errors = reach.flatMap((a) => a.errors);
      const viaOtherPath = answered.filter((r) => normalizeHost(r.data.host) === host);
      const note = errors.every((e) => e === 'refused') ? 'refused' : errors.every((e) => e === 'timeout') ? 'timeout' : errors.every((e) => e === 'unreachable') ? 'no-route' : undefined;
      const severity = severityForRole('tcp.unreachable', role);
      hits.push({
        host,
        role,
        evidence: [...reach.flatMap((a) => a.evidence), ...viaOtherPath.map((r) => r.id)],
        args: { host, port: reach[0]!.port, addresses: listArg(reach.map((a) => a.address)), ...noteArg([note]) },
        ...(viaOtherPath.length && severity.severity === 'problem' ? { severity: 'warning' as const, lowered: 'other-path' } : severity),
      });
    }
    const hit = combineHostHits(hits);
    if (!hit) return null;
    const net = localNetworkOf(evidence);
    const adapters = netAdaptersOf(evidence);
    const publicNetworks = net && adapters ? connectedInterfaces(net.data).filter((i) => !i.vpn && i.network?.category.toLowerCase() === 'public') : [];
    if (!net || !adapters || publicNetworks.length === 0) return hit;
    const note = typeof hit.args?.note === 'string' ? hit.args.note : undefined;
    return {
      ...hit,
      evidence: [...hit.evidence, net.id, adapters.id],
      args: { ...hit.args, ...noteArg([note, 'public-network']), publicNetworks: listArg(publicNetworks.map((i) => `${i.network!.name} (${i.name})`)) },
    };
  },
});
