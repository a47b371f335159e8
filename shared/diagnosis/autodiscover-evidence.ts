import type { AutodiscoverCandidate, AutodiscoverData } from '../model/probe-data';

/**
 * Queries over the Autodiscover candidate walk shared by the `autodiscover.*` rules.
 */

/** Candidates Outlook actually goes through: tried ones up to the winner (all tried ones without a winner). */
export function candidatesBeforeWinner(data: AutodiscoverData): { candidate: AutodiscoverCandidate; index: number }[] {
  const end = data.winner ?? data.candidates.length;
  return data.candidates
    .map((candidate, index) => ({ candidate, index }))
    .filter(({ candidate, index }) => index < end && candidate.decision !== 'skipped' && candidate.decision !== 'not-reached');
}

/** A candidate's outcome in a few technical words: `HTTP 404`, `DNS nxdomain`, `TLS alert`. */
export function describeCandidate(c: AutodiscoverCandidate): string {
  if (c.dns?.error) return `DNS ${c.dns.error.kind}`;
  if (c.tcp?.error) return `TCP ${c.tcp.error.kind}`;
  if (c.tls?.error) return `TLS ${c.tls.error.kind}`;
  if (c.http?.error) return `HTTP ${c.http.error.kind}`;
  if (c.http?.status !== undefined) {
    const type = c.http.body?.contentType?.split(';')[0]?.trim();
    const to = c.redirectTo ?? c.http.location;
    return `HTTP ${c.http.status}${to ? ` → ${to}` : type ? ` ${type}` : ''}`;
  }
  if (c.errorCode) return `ErrorCode ${c.errorCode}`;
  return c.response;
}

/** How Outlook reached a candidate: its own method, or the method of the first candidate in its redirect chain. */
export function originOf(data: AutodiscoverData, index: number): AutodiscoverCandidate | undefined {
  let current = data.candidates[index];
  const seen = new Set<number>();
  while (current?.redirectedFrom !== undefined && !seen.has(current.redirectedFrom)) {
    seen.add(current.redirectedFrom);
    current = data.candidates[current.redirectedFrom];
  }
  return current;
}
