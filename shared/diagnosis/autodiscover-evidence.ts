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

/**
 * Candidates the credential test did not send the password to because they lie outside the mail
 * domain and the Exchange host the user named (`needs-confirmation`): Outlook asks the user
 * before it signs in there ("Allow this website to configure … server settings?").
 */
export function heldBackCandidates(data: AutodiscoverData): AutodiscoverCandidate[] {
  const held = data.candidates.filter((c) => c.reason === 'needs-confirmation');
  return held.filter((c, i) => held.findIndex((o) => o.host === c.host) === i);
}
