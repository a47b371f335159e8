import { defineRule } from '../rule';
import { PORTAL } from '../causes';
import { combineHostHits, noteArg, severityForRole, type HostHit } from '../host-hits';
import { commonName, DATE_ERRORS, NAME_ERRORS, outlookTlsResults, trustCode } from '../tls-queries';

/** Codes meaning the chain could not be completed up to a root. */
const ISSUER_MISSING = new Set(['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT']);

/**
 * `tls.cert-untrusted`: the certificate chain does not lead to a trusted root: self-signed, a
 * company CA whose root is not installed here, or a server that does not send its intermediate
 * certificate.
 *
 * Date and name errors are left to their own findings. Lowered when the verification could not
 * consult the operating system's store (Node 20 cannot read Windows' store): a company root
 * deployed by group policy would make Windows, and Outlook, trust it. An intercepting proxy or a
 * portal explains it.
 */
export const tlsCertUntrusted = defineRule({
  id: 'tls.cert-untrusted',
  dependsOn: [...PORTAL, 'tls.intercepted'],
  evaluate(evidence) {
    const hits: HostHit[] = [];
    for (const { result, role } of outlookTlsResults(evidence)) {
      const { data } = result;
      const leaf = data.chain[0];
      if (!leaf || data.trusted !== false) continue;
      const code = trustCode(result);
      if (code && (DATE_ERRORS.has(code) || NAME_ERRORS.has(code))) continue;
      const top = data.chain[data.chain.length - 1]!;
      const kind =
        code === 'DEPTH_ZERO_SELF_SIGNED_CERT' || (data.chain.length === 1 && leaf.selfSigned)
          ? 'self-signed'
          : code !== undefined && ISSUER_MISSING.has(code) && data.chain.length === 1
            ? 'incomplete-chain'
            : 'unknown-ca';
      const systemStoreUnread = data.trustSources !== undefined && !data.trustSources.includes('system');
      const byRole = severityForRole('tls.cert-untrusted', role);
      hits.push({
        host: data.host,
        role,
        evidence: [result.id],
        args: {
          host: data.host,
          issuer: commonName(kind === 'unknown-ca' ? (top.selfSigned ? top.subject : top.issuer) : leaf.issuer) ?? leaf.issuer,
          error: code ?? data.trustError?.message ?? '—',
          ...noteArg([kind]),
        },
        ...(systemStoreUnread && byRole.severity === 'problem' ? { severity: 'warning' as const, lowered: 'no-system-store' } : byRole),
      });
    }
    return combineHostHits(hits);
  },
});
