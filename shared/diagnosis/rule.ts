import type { Evidence } from '../model/evidence';
import type { FindingId } from '../model/finding-catalog';
import type { Severity } from '../model/severity';

/** Values a finding's texts are made from (host names, counts, dates). */
export type FindingArgs = Record<string, string | number>;

/** What a rule returns when its finding applies. */
export interface RuleHit {
  /** Probe instance ids whose evidence raised it. */
  evidence: string[];
  args?: FindingArgs;
  /**
   * A lower severity than the catalog's, when the evidence shows the path Outlook uses is not
   * touched. The texts must then say why (arg `lowered` selects that sentence).
   */
  severity?: Severity;
}

/**
 * A finding rule: pure, evidence in, hit or nothing out.
 *
 * Section and default severity come from the catalog (`shared/model/finding-catalog.ts`). A
 * finding is dropped when one of `dependsOn` fired too, so the user sees the cause and not its
 * echoes.
 */
export interface Rule {
  id: FindingId;
  dependsOn?: readonly FindingId[];
  evaluate(evidence: Evidence): RuleHit | null;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
