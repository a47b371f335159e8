import { httpAnswers, isChallengeAnswer, KERBEROS_SCHEMES, schemesOf, withData } from '../http-evidence';
import { noteArg } from '../host-hits';
import { defineRule } from '../rule';
import { zoneLogonNote } from '../zone-logon';

/**
 * The server offers Negotiate, but no Kerberos ticket for HTTP/<host> can be obtained.
 *
 * Only judged where the user is signed in to a realm (a ticket-granting ticket exists): on a
 * computer outside the domain NTLM is expected and nothing is wrong. A wrong clock breaks
 * Kerberos too; that is then the cause. When the Internet zone settings keep Windows from
 * signing in to the host by itself, a note adds that even a ticket would not spare the prompt.
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
      const zone = zoneLogonNote(evidence, [data.host]);
      return {
        evidence: [r.id, ...offeredBy, ...(zone ? [zone.id] : [])],
        args: {
          host: data.host,
          spn: data.spn,
          reason: data.error ? `${data.error.kind}${data.error.code ? ` (${data.error.code})` : ''}` : 'failed',
          ...(data.realm ? { realm: data.realm } : {}),
          ...(zone ? { ...noteArg([zone.note]), zoneHost: zone.zoneHost } : {}),
        },
      };
    }
    return null;
  },
});
