import { heldBackCandidates } from '../autodiscover-evidence';
import { groupByEndpoint, httpAnswers, isChallengeAnswer, listForText, schemeLabel, schemesOf, withData, withoutQuery } from '../http-evidence';
import { defineRule } from '../rule';

/**
 * The sign-in methods each endpoint offers (information for IT support: what Outlook can choose
 * from, e.g. "Nego"/"NTLM" in its connection status).
 *
 * With the credential test, an Autodiscover host the password was held back from (outside the
 * mail domain, `needs-confirmation`) is listed with its challenge and named in the note
 * `held-back`: the user asked for a sign-in test that did not happen there, and Outlook would ask
 * before signing in there too.
 */
export const authMethodsRule = defineRule({
  id: 'auth.methods',
  evaluate(evidence) {
    const challenged = httpAnswers(evidence).filter((a) => isChallengeAnswer(a.response));
    const walk = withData(evidence, 'autodiscover')[0];
    const held = walk ? heldBackCandidates(walk.data) : [];
    if (challenged.length === 0 && held.length === 0) return null;
    // The held-back hosts first: the list is capped, and they are what the note is about.
    const lines = held
      .filter((c) => c.http?.challenges.length)
      .map((c) => `${withoutQuery(c.url).replace(/^https?:\/\//i, '')}: ${schemesOf(c.http!.challenges).map(schemeLabel).join(', ')}`);
    for (const g of groupByEndpoint(challenged)) lines.push(`${g.label}: ${schemesOf(g.first.response.challenges).map(schemeLabel).join(', ')}`);
    return {
      evidence: [...challenged.map((a) => a.id), ...(held.length && walk ? [walk.id] : [])],
      args: {
        methods: listForText(lines, '; '),
        ...(held.length && walk ? { note: 'held-back', heldBackHosts: listForText(held.map((c) => c.host), ', '), domain: walk.data.domain } : {}),
      },
    };
  },
});
