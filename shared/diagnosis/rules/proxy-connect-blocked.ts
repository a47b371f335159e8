import { probesOf } from '../../model/evidence';
import { withData } from '../http-evidence';
import { defineRule } from '../rule';

/**
 * The proxy does not open a tunnel to the Exchange host on 443.
 *
 * A refusal (403 by policy, 502/504 when the proxy cannot reach the host) or no answer from the
 * proxy at all: either way Outlook has no way to Exchange while this proxy applies. A portal in
 * front explains an unreachable company proxy.
 */
export const proxyConnectBlockedRule = defineRule({
  id: 'proxy.connect-blocked',
  dependsOn: ['portal.detected'],
  evaluate(evidence) {
    const hits = probesOf(evidence, 'proxy.connect').filter(
      (r) => r.data !== undefined && (r.data.outcome === 'refused' || r.data.outcome === 'no-answer'),
    );
    const first = hits[0]?.data;
    if (!first) return null;
    // A tunnel that opened for the same host through another proxy of the list means Outlook gets through.
    if (withData(evidence, 'proxy.connect').some((r) => r.data.outcome === 'tunnel' && r.data.host === first.host)) return null;
    const answer =
      first.status !== undefined
        ? `HTTP ${first.status}${first.statusText ? ` ${first.statusText}` : ''}`
        : first.error
          ? `${first.error.kind}${first.error.code ? ` (${first.error.code})` : ''}`
          : first.outcome;
    return {
      evidence: hits.map((r) => r.id),
      args: { proxy: `${first.proxy.host}:${first.proxy.port}`, host: first.host, port: first.port, answer },
    };
  },
});
