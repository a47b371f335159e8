import { candidatesBeforeWinner, describeCandidate } from '../autodiscover-evidence';
import { withData } from '../http-evidence';
import { defineRule } from '../rule';

/**
 * An Autodiscover candidate Outlook tries answers with something that is not an Autodiscover
 * response (a web page, other XML or JSON, a body the hardened parser refused).
 *
 * Outlook may take such an answer for the server's and fail, or wait and move on; either way the
 * name answers for Exchange without being Exchange. Candidates after the winner are never asked
 * by Outlook and do not count.
 */
export const autodiscoverInvalidResponseRule = defineRule({
  id: 'autodiscover.invalid-response',
  dependsOn: ['portal.detected', 'proxy.auth-required', 'proxy.connect-blocked'],
  evaluate(evidence) {
    for (const r of withData(evidence, 'autodiscover')) {
      const first = candidatesBeforeWinner(r.data).find(({ candidate }) => candidate.response === 'invalid')?.candidate;
      if (!first) continue;
      return { evidence: [r.id], args: { url: first.url, answer: describeCandidate(first) } };
    }
    return null;
  },
});
