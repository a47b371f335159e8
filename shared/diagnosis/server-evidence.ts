import type { Evidence } from '../model/evidence';
import type { ExchangeEndpoint } from '../model/probe-data';
import { describeResponse, endpointLabel, httpAnswers, listForText, offMailboxPath, withData } from './http-evidence';

/**
 * Answers of Exchange endpoints with a given status, from the anonymous probes and the credential
 * test alike, for the `server.*` rules.
 */

export interface StatusHit {
  id: string;
  endpoint: ExchangeEndpoint;
  host: string;
  /** `host/path → HTTP 500 (Server: …)`. */
  text: string;
}

/** Every answer (anonymous or with credentials) whose status `matches`; a health check counts for the directory it checks. */
export function statusHits(
  evidence: Pick<Evidence, 'probes'>,
  matches: (status: number, endpoint: ExchangeEndpoint) => boolean,
): StatusHit[] {
  const hits: StatusHit[] = [];
  for (const a of httpAnswers(evidence)) {
    if (!matches(a.response.status, a.data.endpoint)) continue;
    hits.push({ id: a.id, endpoint: healthEndpoint(a.data.endpoint, a.data.vdir ?? a.data.request.url), host: a.data.host, text: `${endpointLabel(a.data)} → ${describeResponse(a.response)}` });
  }
  for (const r of withData(evidence, 'auth.credentials')) {
    const bad = r.data.attempts.find((t) => t.status !== undefined && matches(t.status, r.data.endpoint));
    if (!bad) continue;
    hits.push({ id: r.id, endpoint: r.data.endpoint, host: r.data.host, text: `${r.data.url} → HTTP ${bad.status} (${bad.method})` });
  }
  return hits;
}

/**
 * Least silence after a request went out over a finished TLS handshake that counts as "no
 * answer": Exchange answers the anonymous request in well under a second, so 2 s without a
 * status line is no slow answer but none, and it still fits a run with a short `--timeout`.
 */
export const UNANSWERED_MIN_MS = 2_000;

/** An anonymous request that got no answer at all, and how long it waited. */
export interface UnansweredHit extends StatusHit {
  waitedMs: number;
}

/**
 * Anonymous requests that went out on a ready connection (TCP and TLS done) and got no response
 * headers for at least `UNANSWERED_MIN_MS`: the server, or a load balancer or reverse proxy in
 * front, takes the connection and then has nothing to answer with.
 */
export function unansweredHits(evidence: Pick<Evidence, 'probes'>): UnansweredHit[] {
  const hits: UnansweredHit[] = [];
  for (const r of withData(evidence, 'http')) {
    const waitedMs = r.data.timings.unansweredMs;
    if (r.data.response || r.data.error?.kind !== 'timeout' || waitedMs === undefined || waitedMs < UNANSWERED_MIN_MS) continue;
    hits.push({
      id: r.id,
      endpoint: healthEndpoint(r.data.endpoint, r.data.vdir ?? r.data.request.url),
      host: r.data.host,
      text: `${endpointLabel(r.data)} → timeout (${Math.round(waitedMs)} ms)`,
      waitedMs,
    });
  }
  return hits;
}

/**
 * A health check stands for the virtual directory it checks: /mapi/healthcheck.htm failing means
 * the load balancer takes MAPI out of service.
 */
function healthEndpoint(endpoint: ExchangeEndpoint, vdirOrUrl: string): ExchangeEndpoint {
  if (endpoint !== 'healthcheck') return endpoint;
  if (/\/?mapi\b/i.test(vdirOrUrl)) return 'mapi';
  if (/\/?rpc\b/i.test(vdirOrUrl)) return 'rpc';
  if (/\/?autodiscover\b/i.test(vdirOrUrl)) return 'autodiscover';
  if (/\/?ews\b/i.test(vdirOrUrl)) return 'ews';
  if (/\/?owa\b/i.test(vdirOrUrl)) return 'owa';
  return 'healthcheck';
}

/** The finding of a `server.*` rule from its hits: args, and a lower severity when the mailbox path is not touched. */
export function serverFinding<S extends 'warning' | 'info'>(
  evidence: Pick<Evidence, 'probes'>,
  hits: readonly StatusHit[],
  lowerTo: S,
): { evidence: string[]; args: Record<string, string>; severity?: S } | null {
  const first = hits[0];
  if (!first) return null;
  const lowered = offMailboxPath(evidence, new Set(hits.map((h) => h.endpoint)));
  return {
    evidence: hits.map((h) => h.id),
    args: { host: first.host, endpoints: listForText(hits.map((h) => h.text)), ...(lowered ? { lowered: 'mailbox-path-fine' } : {}) },
    ...(lowered ? { severity: lowerTo } : {}),
  };
}
