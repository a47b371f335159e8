import { defineRule } from '../rule';
import { LINK_DOWN, NAME_UNRESOLVED, PORTAL } from '../causes';
import { reachByHost, withData } from '../evidence-queries';
import { combineHostHits, listArg, noteArg, severityForRole, type HostHit } from '../host-hits';
import { hostRoles } from '../host-roles';
import { normalizeHost } from '../ip-address';

/**
 * `tcp.unreachable`: no address of a name accepts a TCP connection on the HTTPS port.
 *
 * The note tells refused (something answered "closed": a firewall rule or no service) from timed
 * out (packets silently dropped: a firewall, a security product on this PC, or a dead route).
 * Lowered for Autodiscover names, and when an HTTP request to the same host got an answer by
 * another way (a proxy): then the direct path is closed but Outlook's path is not.
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
    return combineHostHits(hits);
  },
});
