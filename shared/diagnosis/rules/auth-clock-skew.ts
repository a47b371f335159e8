import { httpAnswers, KERBEROS_SCHEMES, schemesOf } from '../http-evidence';
import { defineRule } from '../rule';

/**
 * Largest clock difference Kerberos accepts by default ("Maximum tolerance for computer clock
 * synchronization", 5 minutes, protocol-facts §7); OAuth tokens use a similar margin.
 */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/**
 * The local clock differs from the server's Date header by more than the Kerberos tolerance.
 *
 * Per host the median over its answers, so one odd answer (a cache, a proxy's page) does not
 * decide. Lowered when the host offers neither Negotiate nor Bearer: Basic and NTLM do not check
 * the time, so sign-in itself is not hit (certificates and tokens still are).
 */
export const authClockSkewRule = defineRule({
  id: 'auth.clock-skew',
  dependsOn: ['portal.detected'],
  evaluate(evidence) {
    const byHost = new Map<string, ReturnType<typeof httpAnswers>>();
    for (const a of httpAnswers(evidence)) {
      if (a.response.clockSkewMs === undefined || !a.response.date) continue;
      const list = byHost.get(a.data.host) ?? [];
      list.push(a);
      byHost.set(a.data.host, list);
    }
    for (const [host, answers] of byHost) {
      const sorted = [...answers].sort((x, y) => x.response.clockSkewMs! - y.response.clockSkewMs!);
      const median = sorted[Math.floor(sorted.length / 2)]!;
      const skew = median.response.clockSkewMs!;
      if (Math.abs(skew) <= MAX_CLOCK_SKEW_MS) continue;
      const schemes = new Set(answers.flatMap((a) => schemesOf(a.response.challenges)));
      const timeSensitive = [...schemes].some((s) => KERBEROS_SCHEMES.has(s) || s === 'bearer');
      const lowered = schemes.size > 0 && !timeSensitive;
      const serverMs = Date.parse(median.response.date!);
      return {
        evidence: answers.map((a) => a.id),
        args: {
          host,
          minutes: Math.round(Math.abs(skew) / 60_000),
          serverTime: Number.isNaN(serverMs) ? median.response.date! : new Date(serverMs).toISOString(),
          localTime: Number.isNaN(serverMs) ? '–' : new Date(serverMs - skew).toISOString(),
          ...(lowered ? { lowered: 'no-kerberos-offered' } : {}),
        },
        ...(lowered ? { severity: 'warning' as const } : {}),
      };
    }
    return null;
  },
});
