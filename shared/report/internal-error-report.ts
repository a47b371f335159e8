import type { Evidence } from '../model/evidence';
import { SECTION_IDS } from '../model/sections';
import { verdictOf } from '../model/severity';
import { buildReport, type ReportMeta } from './build-report';
import type { Report } from './report-schema';

/**
 * The report of a run that failed inside (a bug): still schema-valid, so `--json` and `--bundle`
 * get a file as the contract promises for exit code 70.
 *
 * It holds the probes that had finished (their evidence is genuine) and the error as an
 * `internalErrors` entry, but no findings: the rules never got to judge, so every section is
 * `not-checked`. The verdict is what the catalog's definition gives for no findings; readers
 * must take `internalErrors` (and the exit code) as "incomplete", never as "healthy".
 */
export function internalErrorReport(evidence: Evidence, meta: ReportMeta, message: string): Report {
  const report = buildReport(
    evidence,
    {
      verdict: verdictOf([]),
      findings: [],
      sections: SECTION_IDS.map((id) => ({ id, status: 'not-checked', findings: [] })),
      ruleErrors: [],
    },
    meta,
  );
  return { ...report, internalErrors: [{ source: 'run', message }] };
}
