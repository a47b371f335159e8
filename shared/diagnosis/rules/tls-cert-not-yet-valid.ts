import { defineRule } from '../rule';
import { PORTAL } from '../causes';
import { certTime, daysBetween } from '../evidence-queries';
import { combineHostHits, noteArg, severityForRole, type HostHit } from '../host-hits';
import { certLabel, outlookTlsResults, trustCode } from '../tls-queries';

/**
 * `tls.cert-not-yet-valid`: by this computer's clock, the server's certificate (or an
 * intermediate's, when verification failed because of it) is not valid yet.
 *
 * Either a certificate was installed before its start date, or — more often — this computer's
 * clock is wrong (then `auth.clock-skew` explains it, when it fired).
 */
export const tlsCertNotYetValid = defineRule({
  id: 'tls.cert-not-yet-valid',
  dependsOn: [...PORTAL, 'auth.clock-skew'],
  evaluate(evidence) {
    const hits: HostHit[] = [];
    for (const { result, role } of outlookTlsResults(evidence)) {
      const [leaf, ...rest] = result.data.chain;
      if (!leaf) continue;
      const leafEarly = certTime(leaf.validFrom) > evidence.now;
      const intermediate = trustCode(result) === 'CERT_NOT_YET_VALID' ? rest.find((c) => certTime(c.validFrom) > evidence.now) : undefined;
      const early = leafEarly ? leaf : intermediate;
      if (!early) continue;
      const validFrom = certTime(early.validFrom);
      hits.push({
        host: result.data.host,
        role,
        evidence: [result.id],
        args: {
          host: result.data.host,
          validFrom,
          days: Math.max(1, daysBetween(evidence.now, validFrom)),
          ...(leafEarly ? {} : { certificate: certLabel(early) }),
          ...noteArg([!leafEarly && 'intermediate']),
        },
        ...severityForRole('tls.cert-not-yet-valid', role),
      });
    }
    return combineHostHits(hits);
  },
});
