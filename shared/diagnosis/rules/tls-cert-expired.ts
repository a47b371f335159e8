import { defineRule } from '../rule';
import { PORTAL } from '../causes';
import { certTime, daysBetween } from '../evidence-queries';
import { combineHostHits, noteArg, severityForRole, type HostHit } from '../host-hits';
import { certLabel, outlookTlsResults, trustCode } from '../tls-queries';

/**
 * `tls.cert-expired`: the server's certificate (or an intermediate CA certificate it sends, when
 * verification failed because of it) has expired.
 *
 * A wrong local clock makes valid certificates look expired: `auth.clock-skew` explains this
 * finding when it fired.
 */
export const tlsCertExpired = defineRule({
  id: 'tls.cert-expired',
  dependsOn: [...PORTAL, 'auth.clock-skew'],
  evaluate(evidence) {
    const hits: HostHit[] = [];
    for (const { result, role } of outlookTlsResults(evidence)) {
      const [leaf, ...rest] = result.data.chain;
      if (!leaf) continue;
      const leafExpired = certTime(leaf.validTo) < evidence.now;
      const intermediate = trustCode(result) === 'CERT_HAS_EXPIRED' ? rest.find((c) => !c.selfSigned && certTime(c.validTo) < evidence.now) : undefined;
      const expired = leafExpired ? leaf : intermediate;
      if (!expired) continue;
      const validTo = certTime(expired.validTo);
      hits.push({
        host: result.data.host,
        role,
        evidence: [result.id],
        args: {
          host: result.data.host,
          validTo,
          days: daysBetween(validTo, evidence.now),
          ...(leafExpired ? {} : { certificate: certLabel(expired) }),
          ...noteArg([!leafExpired && 'intermediate']),
        },
        ...severityForRole('tls.cert-expired', role),
      });
    }
    return combineHostHits(hits);
  },
});
