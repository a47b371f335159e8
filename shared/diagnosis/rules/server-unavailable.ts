import { serverFinding, statusHits, unansweredHits, type StatusHit } from '../server-evidence';
import { defineRule } from '../rule';

/** Statuses of a server or load balancer that has nothing to answer with. */
const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

const vdirKey = (hit: StatusHit) => `${hit.host.toLowerCase()} ${hit.endpoint}`;

/**
 * Exchange (or the load balancer in front) answers 502/503/504, or a health check
 * (healthcheck.htm) is not 200, or the TLS handshake completes and then no answer comes at all
 * (note `no-answer`: a health check that never answers is not 200 either, and a front end that
 * holds the request has nothing behind it to pass it to).
 *
 * A health check answering 404 where its virtual directory itself answers 404 only repeats that
 * the directory is missing (`server.protocol-missing`, which this finding would hide); the server
 * is not unavailable. Lowered when only OWA, EWS or Autodiscover (or their health checks) are
 * affected while /mapi or /rpc answer like Exchange.
 */
export const serverUnavailableRule = defineRule({
  id: 'server.unavailable',
  dependsOn: ['portal.detected', 'proxy.auth-required', 'proxy.connect-blocked'],
  evaluate(evidence) {
    const missingVdirs = new Set(statusHits(evidence, (status, endpoint) => status === 404 && endpoint !== 'healthcheck').map(vdirKey));
    const echoes = new Set(
      statusHits(evidence, (status, endpoint) => status === 404 && endpoint === 'healthcheck')
        .filter((hit) => missingVdirs.has(vdirKey(hit)))
        .map((hit) => hit.id),
    );
    const hits = statusHits(evidence, (status, endpoint) => UNAVAILABLE_STATUSES.has(status) || (endpoint === 'healthcheck' && status !== 200)).filter(
      (hit) => !echoes.has(hit.id),
    );
    const unanswered = unansweredHits(evidence);
    const finding = serverFinding(evidence, [...hits, ...unanswered], 'warning');
    if (!finding || unanswered.length === 0) return finding;
    // The shortest wait that still got nothing: what the text can promise.
    const waitedMs = Math.min(...unanswered.map((h) => h.waitedMs));
    return { ...finding, args: { ...finding.args, note: 'no-answer', waitedSeconds: Math.floor(waitedMs / 100) / 10 } };
  },
});
