import { schemeLabel, schemesOf, withData } from '../http-evidence';
import { defineRule } from '../rule';

/**
 * The proxy answers CONNECT to the Exchange host with 407: it wants a sign-in first.
 *
 * Outlook's MAPI/RPC connections often cannot answer a proxy's sign-in, so the Exchange names
 * usually need an exception from proxy authentication.
 */
export const proxyAuthRequiredRule = defineRule({
  id: 'proxy.auth-required',
  evaluate(evidence) {
    const hits = withData(evidence, 'proxy.connect').filter((r) => r.data.outcome === 'auth-required');
    const first = hits[0];
    if (!first) return null;
    const methods = schemesOf(hits.flatMap((r) => r.data.proxyChallenges)).map(schemeLabel);
    return {
      evidence: hits.map((r) => r.id),
      args: {
        proxy: `${first.data.proxy.host}:${first.data.proxy.port}`,
        host: first.data.host,
        methods: methods.length ? methods.join(', ') : '–',
      },
    };
  },
});
