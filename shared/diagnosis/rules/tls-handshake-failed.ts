import type { TlsErrorKind } from '../../model/probe-data';
import { defineRule } from '../rule';
import { LINK_DOWN, PORTAL } from '../causes';
import { reachByHost } from '../evidence-queries';
import { combineHostHits, noteArg, severityForRole, type HostHit } from '../host-hits';
import { normalizeHost } from '../ip-address';
import { outlookTlsResults } from '../tls-queries';

/** Which explanation fits how the handshake ended. */
const NOTE: Partial<Record<TlsErrorKind, string>> = { reset: 'cut', closed: 'cut', timeout: 'stalled', alert: 'rejected', protocol: 'rejected' };
/** Errors that can only happen once TCP is connected, so they are handshake failures even without a TCP result. */
const AFTER_CONNECT = new Set<TlsErrorKind>(['alert', 'protocol', 'reset', 'closed']);

/**
 * `tls.handshake-failed`: TCP to the address works, but no TLS session comes up (no common
 * protocol or cipher, reset or silence from a device in the path).
 *
 * Not raised where the legacy retry succeeded (that is `tls.legacy-protocol`), nor where TCP
 * itself did not connect (that is `tcp.unreachable`). A stalled handshake is the classic echo of
 * an MTU black hole (the server's certificate needs full-size packets), hence the dependency.
 */
export const tlsHandshakeFailed = defineRule({
  id: 'tls.handshake-failed',
  dependsOn: [...LINK_DOWN, 'mtu.blackhole-suspected', ...PORTAL],
  evaluate(evidence) {
    const reach = reachByHost(evidence);
    const hits: HostHit[] = [];
    for (const { result, role } of outlookTlsResults(evidence)) {
      const { data } = result;
      if (data.protocol || data.legacy?.ok) continue;
      if (!data.error && result.status === 'ok') continue;
      const kind: TlsErrorKind = data.error?.kind ?? (result.status === 'timeout' ? 'timeout' : 'other');
      const tcp = reach.get(normalizeHost(data.host))?.find((a) => a.address === data.address);
      if (tcp ? !tcp.ok : !AFTER_CONNECT.has(kind)) continue;
      hits.push({
        host: data.host,
        role,
        evidence: [result.id, ...(tcp?.evidence ?? [])],
        args: { host: data.host, address: data.address, error: data.error?.message ?? kind, ...noteArg([NOTE[kind]]) },
        ...severityForRole('tls.handshake-failed', role),
      });
    }
    return combineHostHits(hits);
  },
});
