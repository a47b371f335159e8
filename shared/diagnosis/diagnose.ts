import type { Evidence } from '../model/evidence';
import { FINDING_CATALOG, type FindingId } from '../model/finding-catalog';
import { SECTION_IDS, type SectionId, type SectionStatus } from '../model/sections';
import { SEVERITY_RANK, verdictOf, type Severity, type Verdict } from '../model/severity';
import type { FindingArgs, Rule } from './rule';
import { RULES } from './rules';
import { SECTION_EVIDENCE } from './section-coverage';

export interface DiagnosedFinding {
  id: FindingId;
  section: SectionId;
  severity: Severity;
  /** The catalog severity; differs from `severity` when the rule lowered it. */
  defaultSeverity: Severity;
  evidence: string[];
  args: FindingArgs;
}

export interface DiagnosedSection {
  id: SectionId;
  status: SectionStatus;
  findings: FindingId[];
}

export interface Diagnosis {
  verdict: Verdict;
  /** Most severe first; within a severity in section order. */
  findings: DiagnosedFinding[];
  /** Every section, in catalog order. */
  sections: DiagnosedSection[];
  /**
   * Rules that threw: a bug, reported rather than hidden, never fatal for the report. The
   * rule's section cannot be called ok then: without another finding it is `not-checked`.
   */
  ruleErrors: RuleError[];
}

export interface RuleError {
  id: FindingId;
  section: SectionId;
  message: string;
}

/** Runs every rule over the evidence, drops echoes (`dependsOn`), sorts, and rates each section. */
export function diagnose(evidence: Evidence, rules: readonly Rule[] = RULES): Diagnosis {
  const raised = new Map<FindingId, DiagnosedFinding>();
  const ruleErrors: Diagnosis['ruleErrors'] = [];
  for (const rule of rules) {
    try {
      const hit = rule.evaluate(evidence);
      if (!hit) continue;
      const catalog = FINDING_CATALOG[rule.id];
      const severity = hit.severity && SEVERITY_RANK[hit.severity] > SEVERITY_RANK[catalog.severity] ? hit.severity : catalog.severity;
      raised.set(rule.id, {
        id: rule.id,
        section: catalog.section,
        severity,
        defaultSeverity: catalog.severity,
        evidence: [...new Set(hit.evidence)],
        args: hit.args ?? {},
      });
    } catch (error) {
      ruleErrors.push({ id: rule.id, section: FINDING_CATALOG[rule.id].section, message: error instanceof Error ? error.message : String(error) });
    }
  }

  const dependsOn = new Map(rules.map((r) => [r.id, r.dependsOn ?? []]));
  const findings = [...raised.values()]
    .filter((f) => !(dependsOn.get(f.id) ?? []).some((dep) => raised.has(dep)))
    .sort(
      (a, b) =>
        SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
        SECTION_IDS.indexOf(a.section) - SECTION_IDS.indexOf(b.section),
    );

  const sections = SECTION_IDS.map((id): DiagnosedSection => {
    const inSection = findings.filter((f) => f.section === id);
    // Ran is not checked: only evidence that bears on the section lets it be ok. And a rule of
    // the section that threw may have missed a problem, so nothing worse found means "not known".
    const broken = ruleErrors.some((e) => e.section === id);
    const checked = !broken && (inSection.length > 0 || SECTION_EVIDENCE[id](evidence).length > 0);
    const status: SectionStatus = inSection.some((f) => f.severity === 'problem')
      ? 'problem'
      : inSection.some((f) => f.severity === 'warning')
        ? 'warning'
        : checked
          ? 'ok'
          : 'not-checked';
    return { id, status, findings: inSection.map((f) => f.id) };
  });

  return { verdict: verdictOf(findings.map((f) => f.severity)), findings, sections, ruleErrors };
}
