import { defineRule } from '../rule';
import { PORTAL } from '../causes';
import { certTime, daysBetween } from '../evidence-queries';
import { combineHostHits, severityForRole, type HostHit } from '../host-hits';
import { outlookTlsResults } from '../tls-queries';

/** The catalog's warning window: two weeks leave time to order, install and bind a new certificate. */
export const CERT_EXPIRING_DAYS = 14;

/**
 * `tls.cert-expiring`: the server's certificate is still valid but expires within 14 days.
 */
export const tlsCertExpiring = defineRule({
  id: 'tls.cert-expiring',
  dependsOn: [...PORTAL],
  evaluate(evidence) {
    const hits: HostHit[] = [];
    for (const { result, role } of outlookTlsResults(evidence)) {
      const leaf = result.data.chain[0];
      if (!leaf) continue;
      const validTo = certTime(leaf.validTo);
      if (validTo < evidence.now || validTo - evidence.now > CERT_EXPIRING_DAYS * 86_400_000) continue;
      hits.push({
        host: result.data.host,
        role,
        evidence: [result.id],
        args: { host: result.data.host, validTo, days: daysBetween(evidence.now, validTo) },
        ...severityForRole('tls.cert-expiring', role),
      });
    }
    return combineHostHits(hits);
  },
});
