import { serverFinding, statusHits } from '../server-evidence';
import { defineRule } from '../rule';

/** Statuses of a server or load balancer that has nothing to answer with. */
const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

/**
 * Exchange (or the load balancer in front) answers 502/503/504, or a health check
 * (healthcheck.htm) is not 200.
 *
 * Lowered when only OWA, EWS or Autodiscover (or their health checks) are affected while /mapi or
 * /rpc answer like Exchange.
 */
export const serverUnavailableRule = defineRule({
  id: 'server.unavailable',
  dependsOn: ['portal.detected', 'proxy.auth-required', 'proxy.connect-blocked'],
  evaluate(evidence) {
    const hits = statusHits(evidence, (status, endpoint) => UNAVAILABLE_STATUSES.has(status) || (endpoint === 'healthcheck' && status !== 200));
    return serverFinding(evidence, hits, 'warning');
  },
});
