import { defineRule } from '../rule';
import { PORTAL } from '../causes';
import { combineHostHits, listArg, type HostHit } from '../host-hits';
import { certificateNames, nameMatches, outlookTlsResults } from '../tls-queries';

/**
 * `tls.cert-name-mismatch`: the certificate of the Exchange host does not name it.
 *
 * Outlook then shows a certificate warning or refuses to connect. Only the Exchange host:
 * a wrong certificate on an Autodiscover name is `autodiscover.cert-mismatch` (part B). An
 * intercepting proxy or a portal presents its own certificate; those findings explain this one.
 */
export const tlsCertNameMismatch = defineRule({
  id: 'tls.cert-name-mismatch',
  dependsOn: [...PORTAL, 'tls.intercepted'],
  evaluate(evidence) {
    const hits: HostHit[] = [];
    for (const { result, role } of outlookTlsResults(evidence)) {
      const leaf = result.data.chain[0];
      if (role !== 'exchange' || !leaf) continue;
      const names = certificateNames(leaf);
      const matches = result.data.nameMatches ?? nameMatches(names, result.data.servername || result.data.host);
      if (matches) continue;
      hits.push({
        host: result.data.host,
        role,
        evidence: [result.id],
        args: { host: result.data.host, names: listArg(names) || '—', address: result.data.address },
        severity: 'problem',
      });
    }
    return combineHostHits(hits);
  },
});
