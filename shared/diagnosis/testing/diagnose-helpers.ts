import type { Evidence } from '../../model/evidence';
import type { FindingId } from '../../model/finding-catalog';
import { diagnose } from '../diagnose';
import { defineRule, type Rule, type RuleHit } from '../rule';

/** Finding ids `diagnose` keeps from these rules, most severe first (dependsOn applied). */
export function raisedIds(evidence: Evidence, ...rules: Rule[]): FindingId[] {
  return diagnose(evidence, rules).findings.map((f) => f.id);
}

/**
 * A stand-in for a rule of another part that always fires, to test this part's `dependsOn`
 * on it without its probes.
 */
export function firingRule(id: FindingId): Rule {
  return defineRule({ id, evaluate: (): RuleHit => ({ evidence: [`stand-in:${id}`] }) });
}

/** The hit of a rule, failing the test with a readable message when there is none. */
export function hitOf(rule: Rule, evidence: Evidence): RuleHit {
  const hit = rule.evaluate(evidence);
  if (!hit) throw new Error(`${rule.id} was not raised`);
  return hit;
}

/**
 * Filter for finding ids that drops `auth.methods`: the info listing of offered sign-in methods
 * that every run with a 401 challenge carries, beside whatever a test is about.
 */
export function notMethodListing(id: FindingId): boolean {
  return id !== 'auth.methods';
}
