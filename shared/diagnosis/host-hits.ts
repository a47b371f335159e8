import { FINDING_CATALOG, type FindingId } from '../model/finding-catalog';
import { SEVERITY_RANK, type Severity } from '../model/severity';
import { lowerSeverity, ROLE_RANK, type HostRole } from './host-roles';
import type { FindingArgs, RuleHit } from './rule';

/** What a rule found for one host name. */
export interface HostHit {
  host: string;
  role: HostRole;
  evidence: string[];
  /** Args of the finding when this host is the one it names. */
  args: FindingArgs;
  severity: Severity;
  /** Key of the note that explains a severity below the catalog's. */
  lowered?: string;
}

/**
 * The severity a finding has on a host of this role.
 *
 * On the Exchange host the catalog's; on an Autodiscover name one step lower, because Outlook
 * only needs that name to find its settings and tries others (note `autodiscover-only`).
 */
export function severityForRole(id: FindingId, role: HostRole): { severity: Severity; lowered?: string } {
  const severity = FINDING_CATALOG[id].severity;
  return role === 'exchange' ? { severity } : { severity: lowerSeverity(severity), lowered: 'autodiscover-only' };
}

/**
 * One finding from the hits on several hosts.
 *
 * The finding names the most severe hit (the Exchange host before Autodiscover names on a tie)
 * and takes its severity; the evidence lists every affected host's probes.
 */
export function combineHostHits(hits: readonly HostHit[]): RuleHit | null {
  if (hits.length === 0) return null;
  const [primary] = [...hits].sort(
    (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || ROLE_RANK[a.role] - ROLE_RANK[b.role],
  );
  const evidence = [...new Set([...primary!.evidence, ...hits.flatMap((h) => h.evidence)])];
  return {
    evidence,
    args: { ...primary!.args, ...(primary!.lowered ? { lowered: primary!.lowered } : {}) },
    severity: primary!.severity,
  };
}

/** Joins list args (addresses, names) for a text, capped so a long list stays readable. */
export function listArg(items: readonly string[], max = 6, separator = ', '): string {
  const unique = [...new Set(items)];
  return unique.length <= max ? unique.join(separator) : `${unique.slice(0, max).join(separator)}${separator}… (+${unique.length - max})`;
}

/** Joins note keys for the `note` arg (see `selectedNotes`). */
export function noteArg(keys: readonly (string | false | null | undefined)[]): { note?: string } {
  const selected = keys.filter((k): k is string => typeof k === 'string' && k.length > 0);
  return selected.length ? { note: selected.join(',') } : {};
}
