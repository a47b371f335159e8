import { groupByEndpoint, httpAnswers, isChallengeAnswer, listForText, schemesOf } from '../http-evidence';
import { defineRule } from '../rule';

/** Exchange's resource app id in every Bearer challenge of Exchange Online and hybrid modern auth (protocol-facts §7). */
const EXCHANGE_APP_ID = '00000002-0000-0ff1-ce00-000000000000';

/**
 * The server asks for OAuth (Bearer): Exchange Online or hybrid modern authentication.
 *
 * Outlook then signs in through a Microsoft sign-in window instead of Windows credentials; the
 * sign-in service must be reachable and the window must be able to open.
 */
export const authModernAuthRule = defineRule({
  id: 'auth.modern-auth',
  evaluate(evidence) {
    const hits = httpAnswers(evidence).filter(
      (a) => isChallengeAnswer(a.response) && schemesOf(a.response.challenges).includes('bearer'),
    );
    const first = hits[0];
    if (!first) return null;
    const bearer = first.response.challenges.find((c) => c.scheme.toLowerCase() === 'bearer')!;
    const authority = bearer.params.authorization_uri;
    return {
      evidence: hits.map((a) => a.id),
      args: {
        host: first.data.host,
        endpoints: listForText(groupByEndpoint(hits).map((g) => g.label)),
        ...(authority ? { authority } : {}),
        ...(bearer.params.client_id === EXCHANGE_APP_ID ? { resource: 'Exchange' } : {}),
      },
    };
  },
});
