import { serverFinding, statusHits } from '../server-evidence';
import { defineRule } from '../rule';

/**
 * An Exchange endpoint answers 500.
 *
 * Typically the front end (443) cannot talk to the back end website (444), e.g. after its
 * certificate binding was changed. Health checks are `server.unavailable`'s. Lowered when only
 * OWA, EWS or Autodiscover fail while /mapi or /rpc answer like Exchange.
 */
export const serverBackendErrorRule = defineRule({
  id: 'server.backend-error',
  dependsOn: ['portal.detected', 'proxy.auth-required', 'proxy.connect-blocked'],
  evaluate(evidence) {
    const hits = statusHits(evidence, (status, endpoint) => status === 500 && endpoint !== 'healthcheck');
    return serverFinding(evidence, hits, 'warning');
  },
});
