import { candidatesBeforeWinner } from '../autodiscover-evidence';
import { hostRoles } from '../host-roles';
import { withData } from '../http-evidence';
import { defineRule } from '../rule';

/** Certificate names shown in a text; a SAN list can hold hundreds of names. */
const MAX_NAMES = 4;

/**
 * An Autodiscover candidate Outlook tries answers with a certificate for another name.
 *
 * Typically https://<domain>/autodiscover/… on the company's web site. Outlook 2016 and newer
 * pass over the root-domain step silently (protocol-facts §1.1, step 6): when a later candidate
 * wins, only older versions show a certificate warning, so the severity is lowered. On
 * autodiscover.<domain> Outlook shows the warning. The Exchange host's own certificate is
 * `tls.cert-name-mismatch`; it is not repeated here.
 */
export const autodiscoverCertMismatchRule = defineRule({
  id: 'autodiscover.cert-mismatch',
  dependsOn: ['portal.detected', 'tls.intercepted'],
  evaluate(evidence) {
    // Only the Exchange host's own mismatch is tls.cert-name-mismatch's; the TLS probe also
    // checks <domain> and autodiscover.<domain>, whose mismatch stays this finding's.
    const roles = hostRoles(evidence);
    const exchangeHostMismatch = new Set(
      withData(evidence, 'tls')
        .filter((r) => r.data.nameMatches === false && roles.roleOf(r.data.host) === 'exchange')
        .map((r) => r.data.host.toLowerCase()),
    );
    for (const r of withData(evidence, 'autodiscover')) {
      const hits = candidatesBeforeWinner(r.data).filter(
        ({ candidate }) => candidate.tls?.nameMatches === false && !exchangeHostMismatch.has(candidate.host.toLowerCase()),
      );
      const first = hits[0]?.candidate;
      if (!first) continue;
      const names = first.tls?.leaf?.subjectAltNames ?? [];
      const certNames = names.length
        ? names.slice(0, MAX_NAMES).join(', ') + (names.length > MAX_NAMES ? ', …' : '')
        : (first.tls?.leaf?.subject ?? '–');
      const winner = r.data.winner !== undefined ? r.data.candidates[r.data.winner] : undefined;
      const silent = winner !== undefined && hits.every(({ candidate }) => candidate.method === 'root-domain');
      return {
        evidence: [r.id],
        args: {
          url: first.url,
          host: first.host,
          certNames,
          ...(silent ? { lowered: 'root-domain-skipped', winnerUrl: winner.url } : {}),
        },
        ...(silent ? { severity: 'info' as const } : {}),
      };
    }
    return null;
  },
});
