import { groupByEndpoint, httpAnswers, isChallengeAnswer, listForText, schemeLabel, schemesOf } from '../http-evidence';
import { defineRule } from '../rule';

/**
 * The sign-in methods each endpoint offers (information for IT support: what Outlook can choose
 * from, e.g. "Nego"/"NTLM" in its connection status).
 */
export const authMethodsRule = defineRule({
  id: 'auth.methods',
  evaluate(evidence) {
    const challenged = httpAnswers(evidence).filter((a) => isChallengeAnswer(a.response));
    if (challenged.length === 0) return null;
    const groups = groupByEndpoint(challenged);
    const lines = groups.map((g) => `${g.label}: ${schemesOf(g.first.response.challenges).map(schemeLabel).join(', ')}`);
    return { evidence: challenged.map((a) => a.id), args: { methods: listForText(lines, '; ') } };
  },
});
