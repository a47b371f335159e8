import { timeSyncState } from '../../model/system-lookups';
import type { Evidence } from '../../model/evidence';
import { httpAnswers, KERBEROS_SCHEMES, schemesOf, withData } from '../http-evidence';
import { noteArg } from '../host-hits';
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
 *
 * On Windows `w32tm /query /status` tells why the clock is off, as a note naming the source: the
 * time service is stopped, runs on the PC's own clock ("Local CMOS Clock"), reports itself not
 * synchronised, or is synchronised (then the source or the server's clock is the suspect).
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
      const timeSync = timeSyncNote(evidence);
      return {
        evidence: [...answers.map((a) => a.id), ...(timeSync ? [timeSync.id] : [])],
        args: {
          host,
          minutes: Math.round(Math.abs(skew) / 60_000),
          serverTime: Number.isNaN(serverMs) ? median.response.date! : new Date(serverMs).toISOString(),
          localTime: Number.isNaN(serverMs) ? '–' : new Date(serverMs - skew).toISOString(),
          ...(lowered ? { lowered: 'no-kerberos-offered' } : {}),
          ...(timeSync ? { ...noteArg([timeSync.note]), ...(timeSync.source ? { timeSource: timeSync.source } : {}) } : {}),
        },
        ...(lowered ? { severity: 'warning' as const } : {}),
      };
    }
    return null;
  },
});

/** The Windows time service's state as a note of this finding, from `collector.w32tm-status`. */
function timeSyncNote(evidence: Evidence): { id: string; note: string; source: string | null } | null {
  for (const r of withData(evidence, 'collector.w32tm-status')) {
    const parsed = r.data.parsed;
    const state = parsed ? timeSyncState(parsed) : null;
    if (!parsed || !state) continue;
    // A note that names the source needs one; without it only the stopped service can be told.
    if (state !== 'service-stopped' && !parsed.source) continue;
    return { id: r.id, note: `time-${state}`, source: parsed.source };
  }
  return null;
}
