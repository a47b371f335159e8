import { headerValue } from '../../http/header-list';
import { groupByEndpoint, httpAnswers, isChallengeAnswer, listForText, schemesOf } from '../http-evidence';
import { defineRule } from '../rule';

/** Exchange's resource app id in every Bearer challenge of Exchange Online and hybrid modern auth (protocol-facts §7). */
const EXCHANGE_APP_ID = '00000002-0000-0ff1-ce00-000000000000';
/** Longest x-ms-diagnostics text put into a finding: the reason sentence, not a whole header dump. */
const MAX_DIAGNOSTICS_CHARS = 200;

/**
 * The server asks for OAuth (Bearer): Exchange Online or hybrid modern authentication.
 *
 * Outlook then signs in through a Microsoft sign-in window instead of Windows credentials; the
 * sign-in service must be reachable and the window must be able to open. The challenge's
 * `authorization_uri` names the sign-in service, `trusted_issuers` the tenant Exchange trusts
 * (hybrid: the Microsoft 365 tenant), and a rejected token shows in the challenge's `error` and
 * Exchange's `x-ms-diagnostics` header (`2000003;reason="…"`): notes `tenant` and `token-rejected`.
 */
export const authModernAuthRule = defineRule({
  id: 'auth.modern-auth',
  evaluate(evidence) {
    const hits = httpAnswers(evidence).filter(
      (a) => isChallengeAnswer(a.response) && schemesOf(a.response.challenges).includes('bearer'),
    );
    const first = hits[0];
    if (!first) return null;
    const bearers = hits.map((a) => a.response.challenges.find((c) => c.scheme.toLowerCase() === 'bearer')!);
    const bearer = bearers[0]!;
    const authority = bearer.params.authorization_uri;
    const tenants = [
      ...new Set(
        (bearer.params.trusted_issuers ?? '')
          .split(',')
          .map((issuer) => issuer.trim().split('@')[1] ?? '')
          .filter((tenant) => tenant !== '' && tenant !== '*'),
      ),
    ];
    const tokenError = bearers.map((b) => b.params.error).find((e) => e !== undefined);
    const diagnostics = hits.map((a) => a.response.identity.xMsDiagnostics ?? headerValue(a.response.headers, 'x-ms-diagnostics')).find((d) => d !== undefined);
    const notes = [...(tenants.length ? ['tenant'] : []), ...(tokenError !== undefined || diagnostics !== undefined ? ['token-rejected'] : [])];
    return {
      evidence: hits.map((a) => a.id),
      args: {
        host: first.data.host,
        endpoints: listForText(groupByEndpoint(hits).map((g) => g.label)),
        ...(authority ? { authority } : {}),
        ...(bearer.params.client_id === EXCHANGE_APP_ID ? { resource: 'Exchange' } : {}),
        ...(tenants.length ? { tenant: tenants.join(', ') } : {}),
        ...(notes.includes('token-rejected')
          ? {
              tokenError: tokenError ?? '–',
              diagnostics: diagnostics === undefined ? '–' : diagnostics.length > MAX_DIAGNOSTICS_CHARS ? `${diagnostics.slice(0, MAX_DIAGNOSTICS_CHARS)}…` : diagnostics,
            }
          : {}),
        ...(notes.length ? { note: notes.join(',') } : {}),
      },
    };
  },
});
