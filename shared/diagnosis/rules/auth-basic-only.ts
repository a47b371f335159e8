import { CHALLENGING_ENDPOINTS, groupByEndpoint, httpAnswers, isChallengeAnswer, listForText, schemesOf } from '../http-evidence';
import { defineRule } from '../rule';

/**
 * Only Basic is offered where a challenge exists: no Windows-integrated sign-in, so Outlook asks
 * for the password (and stores it), and modern authentication is not available either.
 */
export const authBasicOnlyRule = defineRule({
  id: 'auth.basic-only',
  dependsOn: ['portal.detected'],
  evaluate(evidence) {
    const hits = httpAnswers(evidence).filter((a) => {
      if (!CHALLENGING_ENDPOINTS.has(a.data.endpoint) || !isChallengeAnswer(a.response)) return false;
      const schemes = schemesOf(a.response.challenges);
      return schemes.length === 1 && schemes[0] === 'basic';
    });
    if (hits.length === 0) return null;
    return {
      evidence: hits.map((h) => h.id),
      args: { host: hits[0]!.data.host, endpoints: listForText(groupByEndpoint(hits).map((g) => g.label)) },
    };
  },
});
