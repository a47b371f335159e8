import { httpAnswers, isChallengeAnswer, KERBEROS_SCHEMES, schemesOf, withData } from '../http-evidence';
import { defineRule } from '../rule';

/**
 * The server offers Negotiate, but no Kerberos ticket for HTTP/<host> can be obtained.
 *
 * Only judged where the user is signed in to a realm (a ticket-granting ticket exists): on a
 * computer outside the domain NTLM is expected and nothing is wrong. A wrong clock breaks
 * Kerberos too; that is then the cause.
 */
export const authKerberosNoTicketRule = defineRule({
  id: 'auth.kerberos-no-ticket',
  dependsOn: ['auth.clock-skew', 'portal.detected'],
  evaluate(evidence) {
    const negotiateHosts = new Set(
      httpAnswers(evidence)
        .filter((a) => isChallengeAnswer(a.response) && schemesOf(a.response.challenges).some((s) => KERBEROS_SCHEMES.has(s)))
        .map((a) => a.data.host.toLowerCase()),
    );
    for (const r of withData(evidence, 'auth.kerberos')) {
      const { data } = r;
      if (data.tool === null || data.ticket !== 'failed' || data.tgt === false) continue;
      if (!negotiateHosts.has(data.host.toLowerCase())) continue;
      const offeredBy = httpAnswers(evidence).filter((a) => a.data.host.toLowerCase() === data.host.toLowerCase()).map((a) => a.id);
      return {
        evidence: [r.id, ...offeredBy],
        args: {
          host: data.host,
          spn: data.spn,
          reason: data.error ? `${data.error.kind}${data.error.code ? ` (${data.error.code})` : ''}` : 'failed',
          ...(data.realm ? { realm: data.realm } : {}),
        },
      };
    }
    return null;
  },
});
