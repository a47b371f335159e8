import type { Evidence } from '../model/evidence';
import type { CertificateInfo } from '../model/probe-data';
import { withData, type WithData } from './evidence-queries';
import { hostRoles, isOutlookRole, type HostRole } from './host-roles';
import { normalizeHost } from './ip-address';

/**
 * Certificate and handshake helpers shared by the `tls.*` rules.
 */

/** OpenSSL verification codes about dates; the date rules report those, not `tls.cert-untrusted`. */
export const DATE_ERRORS = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);
/** Name errors (Node's own host name check); `tls.cert-name-mismatch` reports those. */
export const NAME_ERRORS = new Set(['ERR_TLS_CERT_ALTNAME_INVALID', 'HOSTNAME_MISMATCH']);

/** TLS results on names Outlook uses, with their role; the root domain's are ignored by Outlook. */
export function outlookTlsResults(evidence: Evidence): { result: WithData<'tls'>; role: 'exchange' | 'autodiscover' }[] {
  const roles = hostRoles(evidence);
  return withData(evidence, 'tls').flatMap((result) => {
    const role: HostRole = roles.roleOf(result.data.host);
    return isOutlookRole(role) ? [{ result, role }] : [];
  });
}

/** The DNS names a certificate is valid for: SAN entries, else the subject's CN. */
export function certificateNames(cert: CertificateInfo): string[] {
  const san = cert.subjectAltNames
    .map((n) => n.trim())
    .filter((n) => !/^(IP Address|IP|email|URI):/i.test(n))
    .map((n) => normalizeHost(n.replace(/^DNS:/i, '')));
  if (san.length) return san;
  const cn = commonName(cert.subject);
  return cn ? [normalizeHost(cn)] : [];
}

/** RFC 6125 matching: exact, or a wildcard for exactly one leftmost label. */
export function nameMatches(names: readonly string[], host: string): boolean {
  const h = normalizeHost(host);
  return names.some((n) => n === h || (n.startsWith('*.') && h.endsWith(n.slice(1)) && !h.slice(0, -n.length + 1).includes('.')));
}

/** The CN of a distinguished name in any of the usual notations (`,`, `/` or newline separated). */
export function commonName(dn: string): string | undefined {
  return /(?:^|[\n,/+]\s*)CN\s*=\s*([^\n,/+]+)/i.exec(dn)?.[1]?.trim();
}

/** A readable name of a certificate for texts: its CN or the whole subject. */
export function certLabel(cert: CertificateInfo): string {
  return commonName(cert.subject) ?? cert.subject;
}

/** The verification error code of a result, wherever the probe put it. */
export function trustCode(result: WithData<'tls'>): string | undefined {
  return result.data.trustError?.code ?? result.data.trustError?.kind;
}

/** "TLSv1.1" → "TLS 1.1"; Node's protocol names are not what admins read in settings. */
export function protocolLabel(protocol: string | undefined): string {
  if (!protocol) return 'TLS 1.0/1.1';
  if (protocol === 'TLSv1') return 'TLS 1.0';
  if (protocol === 'SSLv3') return 'SSL 3.0';
  return protocol.replace(/^TLSv/, 'TLS ');
}
