import { createHash, X509Certificate } from 'node:crypto';
import type { DetailedPeerCertificate, TLSSocket } from 'node:tls';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate, SubjectAlternativeName, id_ce_subjectAltName, type GeneralName } from '@peculiar/asn1-x509';
import type { CertificateInfo } from '../../../shared/model/probe-data';
import { signatureAlgorithmName } from './signature-algorithms';

const DAY_MS = 86_400_000;

/**
 * Certificates of one chain at most.
 *
 * Real chains have 2 to 4; OpenSSL caps the certificate list in bytes, this caps the work on a
 * hostile server's long list.
 */
export const MAX_CHAIN_CERTIFICATES = 10;

/** Key sizes of the named curves by OpenSSL name (Node reports the curve, not its size). */
const CURVE_BITS: Readonly<Record<string, number>> = {
  prime256v1: 256,
  secp256k1: 256,
  secp384r1: 384,
  secp521r1: 521,
  secp224r1: 224,
  prime192v1: 192,
  brainpoolP256r1: 256,
  brainpoolP384r1: 384,
  brainpoolP512r1: 512,
  SM2: 256,
};

/** Ed25519/Ed448 and X25519/X448 have one size each. */
const FIXED_KEY_BITS: Readonly<Record<string, number>> = { ed25519: 256, ed448: 456, x25519: 256, x448: 448 };

/**
 * Describes one certificate from its DER bytes, for the evidence.
 *
 * Node's X509Certificate gives names, key and fingerprint; the signature algorithm, the exact
 * validity and the SANs come from parsing the DER (`@peculiar/asn1-x509`), because Node 20 has
 * no accessor for the first and only prints the others. `now` makes `daysLeft` agree with the
 * run's clock.
 */
export function describeCertificate(der: Uint8Array, now: number): CertificateInfo {
  const x509 = new X509Certificate(der);
  const parsed = parseDer(der);
  const validFrom = parsed?.validFrom ?? new Date(x509.validFrom);
  const validTo = parsed?.validTo ?? new Date(x509.validTo);
  const oid = parsed?.signatureOid ?? 'unknown';
  return {
    subject: oneLine(x509.subject),
    issuer: oneLine(x509.issuer),
    subjectAltNames: parsed?.subjectAltNames ?? [],
    serialNumber: x509.serialNumber.toUpperCase(),
    validFrom: validFrom.toISOString(),
    validTo: validTo.toISOString(),
    daysLeft: Math.floor((validTo.getTime() - now) / DAY_MS),
    ...spkiOf(x509),
    ...publicKeyInfo(x509),
    signatureAlgorithm: oid === 'unknown' ? 'unknown' : signatureAlgorithmName(oid),
    signatureAlgorithmOid: oid,
    fingerprint256: x509.fingerprint256,
    isCA: x509.ca,
    selfSigned: isSelfSigned(x509),
  };
}

/**
 * The chain the server presented, leaf first, as Node resolved it.
 *
 * Follows `issuerCertificate` until it repeats (a root points to itself), ends, or the cap is
 * reached. Node appends the issuing root from the trust store when the server left it out.
 */
export function peerChain(socket: TLSSocket, now: number): CertificateInfo[] {
  const chain: CertificateInfo[] = [];
  const seen = new Set<string>();
  let cert: DetailedPeerCertificate | undefined = socket.getPeerCertificate(true);
  while (cert?.raw && chain.length < MAX_CHAIN_CERTIFICATES && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    chain.push(describeCertificate(cert.raw, now));
    cert = cert.issuerCertificate;
  }
  return chain;
}

/** `CN=a\nO=b` (Node's form) as `CN=a, O=b`. */
function oneLine(name: string): string {
  return name.split('\n').filter(Boolean).join(', ');
}

/**
 * SHA-256 of the SubjectPublicKeyInfo, in the colon-separated form of `fingerprint256`: what
 * key pinning compares (RFC 7469), and what tells a copied CA name from the real CA.
 */
function spkiOf(x509: X509Certificate): Pick<CertificateInfo, 'spkiSha256'> {
  try {
    const der = x509.publicKey.export({ type: 'spki', format: 'der' });
    const hex = createHash('sha256').update(der).digest('hex').toUpperCase();
    return { spkiSha256: hex.match(/../g)!.join(':') };
  } catch {
    // A key this OpenSSL cannot load has no SPKI to export; the rest still describes it.
    return {};
  }
}

function publicKeyInfo(x509: X509Certificate): Pick<CertificateInfo, 'keyType' | 'keyBits' | 'curve'> {
  try {
    const key = x509.publicKey;
    const type = key.asymmetricKeyType ?? 'unknown';
    const details = key.asymmetricKeyDetails ?? {};
    if (details.namedCurve) return { keyType: type, keyBits: CURVE_BITS[details.namedCurve] ?? null, curve: details.namedCurve };
    return { keyType: type, keyBits: details.modulusLength ?? FIXED_KEY_BITS[type] ?? null };
  } catch {
    // A key type this OpenSSL cannot load (a post-quantum key, say) is still worth its other facts.
    return { keyType: 'unknown', keyBits: null };
  }
}

function isSelfSigned(x509: X509Certificate): boolean {
  try {
    return x509.checkIssued(x509) && x509.verify(x509.publicKey);
  } catch {
    return false;
  }
}

interface DerFacts {
  signatureOid: string;
  validFrom: Date;
  validTo: Date;
  subjectAltNames: string[];
}

function parseDer(der: Uint8Array): DerFacts | undefined {
  try {
    const cert = AsnConvert.parse(der, Certificate);
    const tbs = cert.tbsCertificate;
    const sanExtension = tbs.extensions?.find((e) => e.extnID === id_ce_subjectAltName);
    const sans = sanExtension ? AsnConvert.parse(sanExtension.extnValue, SubjectAlternativeName) : [];
    return {
      signatureOid: cert.signatureAlgorithm.algorithm,
      validFrom: tbs.validity.notBefore.getTime(),
      validTo: tbs.validity.notAfter.getTime(),
      subjectAltNames: sans.map(formatGeneralName).filter((n): n is string => n !== undefined),
    };
  } catch {
    // Node parsed it (the handshake worked); a stricter ASN.1 reading may not. Keep Node's facts.
    return undefined;
  }
}

/** `DNS:name`, `IP:address`, `email:…`, `URI:…`; other forms are not names a client checks. */
function formatGeneralName(name: GeneralName): string | undefined {
  if (name.dNSName !== undefined) return `DNS:${name.dNSName}`;
  if (name.iPAddress !== undefined) return `IP:${name.iPAddress}`;
  if (name.rfc822Name !== undefined) return `email:${name.rfc822Name}`;
  if (name.uniformResourceIdentifier !== undefined) return `URI:${name.uniformResourceIdentifier}`;
  return undefined;
}
