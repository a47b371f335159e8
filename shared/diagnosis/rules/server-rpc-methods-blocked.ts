import { endpointHealthy, listForText } from '../http-evidence';
import { statusHits } from '../server-evidence';
import { defineRule } from '../rule';

/** What a device answers to HTTP methods it does not know: Method Not Allowed, Not Implemented. */
const METHOD_REJECTED = new Set([405, 501]);

/**
 * RPC_IN_DATA / RPC_OUT_DATA are rejected by a device in the path (405/501).
 *
 * Reverse proxies and firewalls that only know GET/POST break Outlook Anywhere. Lowered when
 * /mapi answers like Exchange: Outlook then uses MAPI over HTTP and RPC over HTTP is only its
 * fallback.
 */
export const serverRpcMethodsBlockedRule = defineRule({
  id: 'server.rpc-methods-blocked',
  dependsOn: ['portal.detected', 'proxy.auth-required', 'proxy.connect-blocked', 'server.unavailable', 'server.protocol-missing'],
  evaluate(evidence) {
    const hits = statusHits(evidence, (status, endpoint) => endpoint === 'rpc-in-data' && METHOD_REJECTED.has(status));
    const first = hits[0];
    if (!first) return null;
    const mapiFine = endpointHealthy(evidence, 'mapi');
    return {
      evidence: hits.map((h) => h.id),
      args: { host: first.host, endpoints: listForText(hits.map((h) => h.text)), ...(mapiFine ? { lowered: 'mapi-fine' } : {}) },
      ...(mapiFine ? { severity: 'info' as const } : {}),
    };
  },
});
