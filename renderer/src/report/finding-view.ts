import { translator, type Lang } from '../../../shared/i18n';
import type { FindingTexts } from '../../../shared/i18n/finding-texts';
import { isFindingId } from '../../../shared/model/finding-catalog';
import { SEVERITY_RANK } from '../../../shared/model/severity';
import type { ReportFinding } from '../../../shared/report/report-schema';

/**
 * A finding's texts in the page's language: rendered from its id and args when this version
 * knows the id (so switching the language re-words it), else the report's own texts (a finding
 * from a newer engine).
 */
export function findingTexts(finding: ReportFinding, lang: Lang): FindingTexts {
  const fromReport: FindingTexts = {
    title: finding.title,
    detail: finding.detail,
    user: finding.userAction.split('\n').filter(Boolean),
    admin: finding.adminAction.split('\n').filter(Boolean),
  };
  if (!isFindingId(finding.id)) return fromReport;
  const texts = translator(lang).finding(finding.id, finding.args ?? {});
  // No text for this id in this build yet: the report's words are better than the bare id.
  return texts.title === finding.id ? fromReport : texts;
}

/** Most severe first, stable within a severity. */
export function bySeverity<T extends Pick<ReportFinding, 'severity'>>(findings: readonly T[]): T[] {
  return [...findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}
