import type { Evidence } from '../../model/evidence';
import { FINDING_CATALOG, type FindingId } from '../../model/finding-catalog';
import { SEVERITY_RANK } from '../../model/severity';
import { findingsDe, findingsEn } from '../../i18n/findings';
import { findingTextProblems } from '../../i18n/finding-text-check';
import { defineRule, type Rule, type RuleHit } from '../rule';

/**
 * Runs a rule on a fixture and checks what the report would show: every placeholder of the
 * texts the hit selects (German and English) has an arg, every evidence id names a probe of the
 * fixture, and the severity is not above the catalog's. Throws with all problems, so a rule test
 * that uses it fails on a text that would render `{{host}}` literally.
 */
export function evaluateChecked(rule: Rule, evidence: Evidence): RuleHit | null {
  const hit = rule.evaluate(evidence);
  if (!hit) return null;
  const args = hit.args ?? {};
  const problems = [...findingTextProblems(findingsDe, rule.id, args).map((p) => `de ${p}`), ...findingTextProblems(findingsEn, rule.id, args).map((p) => `en ${p}`)];
  const ids = new Set(evidence.probes.map((p) => p.id));
  if (hit.evidence.length === 0) problems.push(`${rule.id}: no evidence`);
  for (const id of hit.evidence) if (!ids.has(id)) problems.push(`${rule.id}: evidence ${id} is not a probe of the fixture`);
  if (hit.severity && SEVERITY_RANK[hit.severity] < SEVERITY_RANK[FINDING_CATALOG[rule.id].severity]) problems.push(`${rule.id}: severity ${hit.severity} above the catalog's`);
  if (hit.severity && hit.severity !== FINDING_CATALOG[rule.id].severity && !args.lowered) problems.push(`${rule.id}: lowered severity without a 'lowered' note`);
  if (problems.length) throw new Error(problems.join('\n'));
  return hit;
}

/** A stand-in for a rule of another part that always fires, to test `dependsOn` on its id. */
export function firing(id: FindingId): Rule {
  return defineRule({ id, evaluate: () => ({ evidence: [] }) });
}
