import { hostOfUrl, withData } from '../http-evidence';
import { defineRule } from '../rule';

/**
 * A proxy applies to the Exchange URL (information: it explains the path the other checks took).
 *
 * Not raised when the host is on the bypass list or nothing is configured.
 */
export const proxyConfiguredRule = defineRule({
  id: 'proxy.configured',
  evaluate(evidence) {
    const hit = withData(evidence, 'proxy.config').find((r) => r.data.proxies.length > 0 && !r.data.bypassed);
    if (!hit) return null;
    const { data } = hit;
    return {
      evidence: [hit.id],
      args: {
        proxy: data.proxies.map((p) => `${p.host}:${p.port}`).join(', '),
        source: data.source,
        host: hostOfUrl(data.url) ?? data.url,
        ...(data.pac ? { pacUrl: data.pac.url } : {}),
      },
    };
  },
});
