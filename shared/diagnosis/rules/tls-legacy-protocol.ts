import { defineRule } from '../rule';
import { PORTAL } from '../causes';
import { combineHostHits, noteArg, severityForRole, type HostHit } from '../host-hits';
import { outlookTlsResults, protocolLabel } from '../tls-queries';

const LEGACY = new Set(['SSLv3', 'TLSv1', 'TLSv1.1']);

/**
 * `tls.legacy-protocol`: the server (or a device in front of it) speaks only TLS 1.0/1.1: the
 * normal handshake failed and the retry allowing only those versions worked, or a handshake
 * settled on one of them.
 *
 * Current Windows and Microsoft 365 refuse these versions, so Outlook cannot connect although
 * the server is there.
 */
export const tlsLegacyProtocol = defineRule({
  id: 'tls.legacy-protocol',
  dependsOn: [...PORTAL],
  evaluate(evidence) {
    const hits: HostHit[] = [];
    for (const { result, role } of outlookTlsResults(evidence)) {
      const { data } = result;
      const negotiated = data.protocol !== undefined && LEGACY.has(data.protocol);
      const onlyLegacy = !data.protocol && data.legacy?.ok === true;
      if (!negotiated && !onlyLegacy) continue;
      hits.push({
        host: data.host,
        role,
        evidence: [result.id],
        args: { host: data.host, protocol: protocolLabel(onlyLegacy ? data.legacy?.protocol : data.protocol), ...noteArg([onlyLegacy ? 'only-legacy' : 'negotiated']) },
        ...severityForRole('tls.legacy-protocol', role),
      });
    }
    return combineHostHits(hits);
  },
});
