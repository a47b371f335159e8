import { defineRule } from '../rule';
import { PORTAL } from '../causes';
import { combineHostHits, noteArg, severityForRole, type HostHit } from '../host-hits';
import { certLabel, outlookTlsResults } from '../tls-queries';

/** Below this, RSA (and DSA) keys are refused by current Windows and by Microsoft's root program. */
export const MIN_RSA_BITS = 2048;

/** Signature algorithm OIDs with SHA-1, MD5 or MD2, which Windows no longer accepts for TLS. */
const WEAK_SIGNATURE_OIDS = new Set([
  '1.2.840.113549.1.1.5', // sha1WithRSAEncryption
  '1.3.14.3.2.29', // sha1WithRSASignature (old OIW)
  '1.2.840.10045.4.1', // ecdsa-with-SHA1
  '1.2.840.10040.4.3', // dsa-with-sha1
  '1.2.840.113549.1.1.4', // md5WithRSAEncryption
  '1.2.840.113549.1.1.2', // md2WithRSAEncryption
]);

/**
 * `tls.cert-weak-key`: the server certificate or an intermediate has an RSA key under 2048 bits
 * or a SHA-1 (or older) signature. Self-signed roots are not judged: their signature is never
 * checked.
 */
export const tlsCertWeakKey = defineRule({
  id: 'tls.cert-weak-key',
  dependsOn: [...PORTAL, 'tls.intercepted'],
  evaluate(evidence) {
    const hits: HostHit[] = [];
    for (const { result, role } of outlookTlsResults(evidence)) {
      const judged = result.data.chain.filter((c) => !c.selfSigned);
      const shortKey = judged.find((c) => /^(rsa|dsa)/i.test(c.keyType) && c.keyBits !== null && c.keyBits < MIN_RSA_BITS);
      const weakSignature = judged.find((c) => WEAK_SIGNATURE_OIDS.has(c.signatureAlgorithmOid) || /sha1|md5|md2/i.test(c.signatureAlgorithm));
      if (!shortKey && !weakSignature) continue;
      hits.push({
        host: result.data.host,
        role,
        evidence: [result.id],
        args: {
          host: result.data.host,
          ...(shortKey ? { keyBits: shortKey.keyBits!, keyCertificate: certLabel(shortKey) } : {}),
          ...(weakSignature ? { signature: weakSignature.signatureAlgorithm, signatureCertificate: certLabel(weakSignature) } : {}),
          ...noteArg([shortKey && 'short-key', weakSignature && 'weak-signature']),
        },
        ...severityForRole('tls.cert-weak-key', role),
      });
    }
    return combineHostHits(hits);
  },
});
