import { heldBackCandidates } from '../autodiscover-evidence';
import { groupByEndpoint, httpAnswers, isChallengeAnswer, KERBEROS_SCHEMES, listForText, schemeLabel, schemesOf, withData, withoutQuery } from '../http-evidence';
import { noteArg } from '../host-hits';
import { defineRule } from '../rule';
import { zoneLogonNote } from '../zone-logon';

/** Methods Windows signs in with using the logged-on account, without asking (when the zone allows). */
const INTEGRATED = (scheme: string) => KERBEROS_SCHEMES.has(scheme) || scheme === 'ntlm';

/**
 * The sign-in methods each endpoint offers (information for IT support: what Outlook can choose
 * from, e.g. "Nego"/"NTLM" in its connection status).
 *
 * With the credential test, an Autodiscover host the password was held back from (outside the
 * mail domain, `needs-confirmation`) is listed with its challenge and named in the note
 * `held-back`: the user asked for a sign-in test that did not happen there, and Outlook would ask
 * before signing in there too.
 *
 * Likewise an /EWS or /mapi URL Autodiscover handed out on a host outside the mail domain
 * (`held-back-endpoint`): asked anonymously, the password not sent.
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
    const walk = withData(evidence, 'autodiscover')[0];
    const held = walk ? heldBackCandidates(walk.data) : [];
    // Endpoints Autodiscover named outside the mail domain: asked anonymously, the password held back.
    const heldEndpoints = withData(evidence, 'auth.credentials').filter((r) => r.data.heldBack);
    const endpointHosts = [...new Set(heldEndpoints.map((r) => r.data.host))];
    if (challenged.length === 0 && held.length === 0) return null;
    // The held-back hosts first: the list is capped, and they are what the note is about.
    const lines = held
      .filter((c) => c.http?.challenges.length)
      .map((c) => `${withoutQuery(c.url).replace(/^https?:\/\//i, '')}: ${schemesOf(c.http!.challenges).map(schemeLabel).join(', ')}`);
    for (const g of groupByEndpoint(challenged)) lines.push(`${g.label}: ${schemesOf(g.first.response.challenges).map(schemeLabel).join(', ')}`);
    const integratedHosts = challenged.filter((a) => schemesOf(a.response.challenges).some(INTEGRATED)).map((a) => a.data.host);
    const server = evidence.input.server?.host;
    // The Exchange host Outlook talks to first, then Autodiscover names and the rest.
    const zone = zoneLogonNote(evidence, server && integratedHosts.includes(server) ? [server, ...integratedHosts] : integratedHosts);
    const heldBack = held.length > 0 && walk !== undefined;
    const heldEndpoint = endpointHosts.length > 0 ? walk : undefined;
    return {
      evidence: [...challenged.map((a) => a.id), ...(heldBack ? [walk.id] : []), ...heldEndpoints.map((r) => r.id), ...(zone ? [zone.id] : [])],
      args: {
        methods: listForText(lines, '; '),
        ...noteArg([heldBack && 'held-back', heldEndpoint && 'held-back-endpoint', zone?.note]),
        ...(heldBack ? { heldBackHosts: listForText(held.map((c) => c.host), ', '), domain: walk.data.domain } : {}),
        ...(heldEndpoint ? { heldBackEndpoints: listForText(endpointHosts, ', '), domain: heldEndpoint.data.domain } : {}),
        ...(zone ? { zoneHost: zone.zoneHost } : {}),
      },
    };
  },
});
