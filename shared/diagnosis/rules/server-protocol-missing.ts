import { endpointHealthy } from '../http-evidence';
import { serverFinding, statusHits } from '../server-evidence';
import { defineRule } from '../rule';

/**
 * /mapi or /rpc answers 404: the protocol is switched off, its virtual directory is missing, or a
 * reverse proxy does not publish it.
 *
 * Lowered to information when only /rpc is missing while /mapi answers like Exchange: Outlook
 * uses MAPI over HTTP and needs RPC over HTTP only as a fallback (Exchange Online has none).
 */
export const serverProtocolMissingRule = defineRule({
  id: 'server.protocol-missing',
  dependsOn: ['portal.detected', 'proxy.auth-required', 'proxy.connect-blocked', 'server.unavailable'],
  evaluate(evidence) {
    const hits = statusHits(evidence, (status, endpoint) => status === 404 && (endpoint === 'mapi' || endpoint === 'rpc' || endpoint === 'rpc-in-data'));
    const finding = serverFinding(evidence, hits, 'info');
    if (!finding) return null;
    const onlyRpc = hits.every((h) => h.endpoint !== 'mapi');
    if (onlyRpc && endpointHealthy(evidence, 'mapi')) return { ...finding, args: { ...finding.args, lowered: 'mapi-fine' }, severity: 'info' as const };
    return finding;
  },
});

