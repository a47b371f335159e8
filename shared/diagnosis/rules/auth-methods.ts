import { groupByEndpoint, httpAnswers, isChallengeAnswer, KERBEROS_SCHEMES, listForText, schemeLabel, schemesOf } from '../http-evidence';
import { noteArg } from '../host-hits';
import { defineRule } from '../rule';
import { zoneLogonNote } from '../zone-logon';

/** Methods Windows signs in with using the logged-on account, without asking (when the zone allows). */
const INTEGRATED = (scheme: string) => KERBEROS_SCHEMES.has(scheme) || scheme === 'ntlm';

/**
 * The sign-in methods each endpoint offers (information for IT support: what Outlook can choose
 * from, e.g. "Nego"/"NTLM" in its connection status).
 *
 * Where Negotiate or NTLM is offered but the Internet zone settings keep Windows from using the
 * Windows account by itself (the host in the Internet zone, or a zone whose Logon setting
 * prompts), a note says so: that is why Outlook asks for a password although the server offers
 * the Windows sign-in.
 */
export const authMethodsRule = defineRule({
  id: 'auth.methods',
  evaluate(evidence) {
    const challenged = httpAnswers(evidence).filter((a) => isChallengeAnswer(a.response));
    if (challenged.length === 0) return null;
    const groups = groupByEndpoint(challenged);
    const lines = groups.map((g) => `${g.label}: ${schemesOf(g.first.response.challenges).map(schemeLabel).join(', ')}`);
    const integratedHosts = challenged.filter((a) => schemesOf(a.response.challenges).some(INTEGRATED)).map((a) => a.data.host);
    const server = evidence.input.server?.host;
    // The Exchange host Outlook talks to first, then Autodiscover names and the rest.
    const zone = zoneLogonNote(evidence, server && integratedHosts.includes(server) ? [server, ...integratedHosts] : integratedHosts);
    return {
      evidence: [...challenged.map((a) => a.id), ...(zone ? [zone.id] : [])],
      args: { methods: listForText(lines, '; '), ...(zone ? { ...noteArg([zone.note]), zoneHost: zone.zoneHost } : {}) },
    };
  },
});
