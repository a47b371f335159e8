import type { CertificateInfo } from '../../model/probe-data';
import { withData } from '../http-evidence';
import { inspectionProductOf } from '../inspection-products';
import { defineRule } from '../rule';

/**
 * Something between this computer and Exchange decrypts TLS and presents its own certificate.
 *
 * Raised when the chain seen through the proxy's CONNECT tunnel has another issuer than every
 * chain seen directly for the same host, or when a chain (through the proxy or direct, for a
 * transparent device or a desktop antivirus) is issued by a known inspection product. Outlook
 * then depends on that device's CA being trusted and on its handling of long-lived MAPI/RPC
 * requests.
 */
export const tlsInterceptedRule = defineRule({
  id: 'tls.intercepted',
  dependsOn: ['portal.detected'],
  evaluate(evidence) {
    const direct = withData(evidence, 'tls').filter((r) => r.data.chain.length > 0);
    const directIssuers = (host: string) =>
      new Set(direct.filter((r) => r.data.host.toLowerCase() === host.toLowerCase()).map((r) => leafIssuer(r.data.chain)));

    for (const r of withData(evidence, 'proxy.connect')) {
      const chain = r.data.tls?.chain ?? [];
      if (chain.length === 0) continue;
      const product = inspectionProductOf(chain);
      const seenDirect = directIssuers(r.data.host);
      const differs = seenDirect.size > 0 && !seenDirect.has(leafIssuer(chain));
      if (!product && !differs) continue;
      const comparedWith = direct.filter((d) => d.data.host.toLowerCase() === r.data.host.toLowerCase()).map((d) => d.id);
      return {
        evidence: [r.id, ...comparedWith],
        args: { host: r.data.host, issuer: leafIssuer(chain), path: r.data.proxy.url, ...(product ? { product } : {}) },
      };
    }

    for (const r of direct) {
      const product = inspectionProductOf(r.data.chain);
      if (product) return { evidence: [r.id], args: { host: r.data.host, issuer: leafIssuer(r.data.chain), path: 'direct', product } };
    }
    return null;
  },
});

function leafIssuer(chain: readonly CertificateInfo[]): string {
  return chain[0]?.issuer ?? '';
}
