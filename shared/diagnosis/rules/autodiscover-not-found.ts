import { candidatesBeforeWinner, describeCandidate } from '../autodiscover-evidence';
import { listForText, withData } from '../http-evidence';
import { defineRule } from '../rule';

/**
 * No Autodiscover candidate answers like Exchange: Outlook cannot find its settings.
 *
 * New profiles cannot be set up, existing ones cannot refresh theirs. When the machine has no
 * network, no DNS server, a portal or a proxy in the way, that is the cause and this only its
 * echo.
 */
export const autodiscoverNotFoundRule = defineRule({
  id: 'autodiscover.not-found',
  dependsOn: [
    'net.no-interface',
    'net.apipa-only',
    'net.no-gateway',
    'dns.no-server',
    'dns.timeout',
    'portal.detected',
    'proxy.auth-required',
    'proxy.connect-blocked',
  ],
  evaluate(evidence) {
    for (const r of withData(evidence, 'autodiscover')) {
      if (r.data.winner !== undefined) continue;
      const tried = candidatesBeforeWinner(r.data);
      if (tried.length === 0) continue;
      return {
        evidence: [r.id],
        args: {
          domain: r.data.domain,
          candidates: listForText(tried.map(({ candidate }) => `${candidate.url} (${describeCandidate(candidate)})`)),
        },
      };
    }
    return null;
  },
});
