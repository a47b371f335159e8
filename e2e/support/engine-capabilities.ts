import { RULES } from '../../shared/diagnosis/rules';
import { PROBES } from '../../electron/engine/probes';

/**
 * Whether this build's engine can look at a fault at all: the probes that gather the evidence
 * and the rule that raises the finding. Fault scenarios skip, with this reason printed, until
 * both have landed; then they run (and must pass) without a change.
 */
export function missingForScenario(needs: { probes: readonly string[]; rules: readonly string[] }): string | null {
  const probes = new Set<string>(PROBES.map((p) => p.id));
  const rules = new Set<string>(RULES.map((r) => r.id));
  const missing = [
    ...needs.probes.filter((p) => !probes.has(p)).map((p) => `probe "${p}"`),
    ...needs.rules.filter((r) => !rules.has(r)).map((r) => `rule "${r}"`),
  ];
  return missing.length ? `the engine has no ${missing.join(', ')} yet` : null;
}
