/** Finding severities and the run verdict. */
export const SEVERITIES = ['problem', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type Verdict = 'ok' | 'warning' | 'problem';

/** Lower number = more severe; used for sorting. */
export const SEVERITY_RANK: Record<Severity, number> = { problem: 0, warning: 1, info: 2 };

/** The verdict of a run: `problem` if any finding is a problem, else `warning` if any is a warning, else `ok`. */
export function verdictOf(severities: Iterable<Severity>): Verdict {
  let verdict: Verdict = 'ok';
  for (const severity of severities) {
    if (severity === 'problem') return 'problem';
    if (severity === 'warning') verdict = 'warning';
  }
  return verdict;
}
