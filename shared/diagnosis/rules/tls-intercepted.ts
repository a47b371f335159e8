import type { CertificateInfo } from '../../model/probe-data';
import { withData } from '../http-evidence';
import { inspectionProductOf } from '../inspection-products';
import { defineRule } from '../rule';

/**
 * Something between this computer and Exchange decrypts TLS and presents its own certificate.
 *
 * Raised when the chain seen through the proxy's CONNECT tunnel is issued by another CA than
 * every chain seen directly for the same host — another issuer name, or the same name with
 * another key (an inspection CA can copy every name of the real one, never its key) — or when a
 * chain (through the proxy or direct, for a transparent device or a desktop antivirus) is issued
 * by a known inspection product. Outlook then depends on that device's CA being trusted and on
 * its handling of long-lived MAPI/RPC requests.
 *
 * Keys are compared where both chains carry the issuing certificate; a leaf with the very key
 * seen directly is the server's own, whatever else differs. Another leaf key alone proves
 * nothing: the nodes of a farm often have certificates of their own from the same CA.
 */
export const tlsInterceptedRule = defineRule({
  id: 'tls.intercepted',
  dependsOn: ['portal.detected'],
  evaluate(evidence) {
    const direct = withData(evidence, 'tls').filter((r) => r.data.chain.length > 0);
    const directOf = (host: string) => direct.filter((r) => r.data.host.toLowerCase() === host.toLowerCase());

    for (const r of withData(evidence, 'proxy.connect')) {
      const chain = r.data.tls?.chain ?? [];
      if (chain.length === 0) continue;
      const product = inspectionProductOf(chain);
      const seen = directOf(r.data.host);
      const issuer = leafIssuer(chain);
      const sameLeafKey = !!chain[0]?.spkiSha256 && seen.some((d) => d.data.chain[0]?.spkiSha256 === chain[0]!.spkiSha256);
      const otherName = seen.length > 0 && !seen.some((d) => leafIssuer(d.data.chain) === issuer);
      const proxyIssuerKey = issuerKeyOf(chain);
      const directIssuerKeys = seen.filter((d) => leafIssuer(d.data.chain) === issuer).map((d) => issuerKeyOf(d.data.chain));
      const otherKey =
        !otherName && proxyIssuerKey !== undefined && directIssuerKeys.length > 0 && directIssuerKeys.every((k) => k !== undefined && k !== proxyIssuerKey);
      if (!product && (sameLeafKey || (!otherName && !otherKey))) continue;
      return {
        evidence: [r.id, ...seen.map((d) => d.id)],
        args: {
          host: r.data.host,
          issuer,
          path: r.data.proxy.url,
          ...(product ? { product } : {}),
          ...(otherKey && !product ? { note: 'same-name-other-key', issuerKey: proxyIssuerKey, directIssuerKey: directIssuerKeys[0]! } : {}),
        },
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

/** The key of the certificate in the chain that issued the leaf (by subject name), when the chain carries it. */
function issuerKeyOf(chain: readonly CertificateInfo[]): string | undefined {
  const leaf = chain[0];
  if (!leaf || leaf.selfSigned) return undefined;
  return chain.slice(1).find((c) => c.subject === leaf.issuer)?.spkiSha256;
}
