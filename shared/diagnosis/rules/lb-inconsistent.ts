import { defineRule } from '../rule';
import { PORTAL } from '../causes';
import { withData, type WithData } from '../evidence-queries';
import { combineHostHits, listArg, noteArg, severityForRole, type HostHit } from '../host-hits';
import { hostRoles, isOutlookRole } from '../host-roles';
import { normalizeHost } from '../ip-address';

/** Formats "address → value" pairs for a text. */
const pairs = (entries: readonly (readonly [string, string])[]) => listArg(entries.map(([a, v]) => `${a} → ${v}`), 8, '; ');

/** The path of a request URL without its query (MailboxId differs per request, the endpoint does not). */
function pathOf(url: string): string {
  try {
    return new URL(url).pathname.toLowerCase();
  } catch {
    return url;
  }
}

/** True when the values differ between addresses (each address counted once). */
function differ(values: Map<string, string>): boolean {
  return values.size > 1 && new Set(values.values()).size > 1;
}

/**
 * `lb.inconsistent`: the addresses of one name answer differently — another certificate, another
 * status for the same request (e.g. health check 200 on one, 503 on the other), or other sign-in
 * methods in the 401 challenge.
 *
 * Outlook gets a different server each time it connects: it works, then it does not. Which
 * Exchange server answered (X-FEServer) and the Server header are not compared: they differ
 * legitimately between servers of one array and between versions during a migration.
 */
export const lbInconsistent = defineRule({
  id: 'lb.inconsistent',
  dependsOn: [...PORTAL],
  evaluate(evidence) {
    const roles = hostRoles(evidence);
    const hits: HostHit[] = [];
    const hosts = new Map<string, { tls: WithData<'tls'>[]; http: WithData<'http'>[] }>();
    const entry = (host: string) => {
      const key = normalizeHost(host);
      const value = hosts.get(key) ?? { tls: [], http: [] };
      hosts.set(key, value);
      return value;
    };
    for (const r of withData(evidence, 'tls')) if (r.data.chain.length > 0) entry(r.data.host).tls.push(r);
    // Requests through a proxy are one path, not one more address of the name.
    for (const r of withData(evidence, 'http')) if (!r.data.via) entry(r.data.host).http.push(r);

    for (const [host, found] of hosts) {
      const role = roles.roleOf(host);
      if (!isOutlookRole(role)) continue;
      const ids = new Set<string>();
      const notes: string[] = [];
      const args: Record<string, string> = {};

      const certs = new Map(found.tls.map((r) => [r.data.address, r.data.chain[0]!.fingerprint256]));
      if (differ(certs)) {
        notes.push('certificate');
        args.certDiff = pairs([...certs].map(([a, fp]) => [a, `${fp.slice(0, 11)}…`]));
        found.tls.forEach((r) => ids.add(r.id));
      }

      const byRequest = new Map<string, WithData<'http'>[]>();
      for (const r of found.http) {
        const key = `${r.data.request.method} ${pathOf(r.data.request.url)}`;
        byRequest.set(key, [...(byRequest.get(key) ?? []), r]);
      }
      const statusDiffs: string[] = [];
      const authDiffs: string[] = [];
      for (const [request, results] of byRequest) {
        const status = new Map(results.map((r) => [r.data.address, r.data.response ? String(r.data.response.status) : '—']));
        if (differ(status)) {
          statusDiffs.push(`${request}: ${pairs([...status])}`);
          results.forEach((r) => ids.add(r.id));
          continue;
        }
        const challenged = results.filter((r) => r.data.response?.status === 401);
        const methods = new Map(challenged.map((r) => [r.data.address, [...new Set(r.data.response!.challenges.map((c) => c.scheme))].sort().join(' ') || '—']));
        if (differ(methods)) {
          authDiffs.push(`${request}: ${pairs([...methods])}`);
          challenged.forEach((r) => ids.add(r.id));
        }
      }
      if (statusDiffs.length) {
        notes.push('status');
        args.statusDiff = statusDiffs.join(' | ');
      }
      if (authDiffs.length) {
        notes.push('auth');
        args.authDiff = authDiffs.join(' | ');
      }
      if (notes.length === 0) continue;
      hits.push({ host, role, evidence: [...ids], args: { host, ...args, ...noteArg(notes) }, ...severityForRole('lb.inconsistent', role) });
    }
    return combineHostHits(hits);
  },
});
