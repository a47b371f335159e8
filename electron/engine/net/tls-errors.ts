import type { ErrorInfo, TlsAlert, TlsErrorKind, TlsTrustErrorKind } from '../../../shared/model/probe-data';

/** TLS alert descriptions (RFC 8446 §6 and the older ones from RFC 5246), by number. */
const ALERT_NAMES: Readonly<Record<number, string>> = {
  0: 'close_notify',
  10: 'unexpected_message',
  20: 'bad_record_mac',
  21: 'decryption_failed',
  22: 'record_overflow',
  30: 'decompression_failure',
  40: 'handshake_failure',
  41: 'no_certificate',
  42: 'bad_certificate',
  43: 'unsupported_certificate',
  44: 'certificate_revoked',
  45: 'certificate_expired',
  46: 'certificate_unknown',
  47: 'illegal_parameter',
  48: 'unknown_ca',
  49: 'access_denied',
  50: 'decode_error',
  51: 'decrypt_error',
  60: 'export_restriction',
  70: 'protocol_version',
  71: 'insufficient_security',
  80: 'internal_error',
  86: 'inappropriate_fallback',
  90: 'user_canceled',
  100: 'no_renegotiation',
  109: 'missing_extension',
  110: 'unsupported_extension',
  111: 'certificate_unobtainable',
  112: 'unrecognized_name',
  113: 'bad_certificate_status_response',
  114: 'bad_certificate_hash_value',
  115: 'unknown_psk_identity',
  116: 'certificate_required',
  120: 'no_application_protocol',
};

export interface ClassifiedTlsError {
  error: ErrorInfo<TlsErrorKind>;
  alert?: TlsAlert;
}

/**
 * A failed handshake as evidence.
 *
 * OpenSSL reports an alert from the peer as `…:tlsv1 alert protocol version:…SSL alert number
 * 70`; other `ERR_SSL_*` codes are protocol errors on our side of the wire (a wrong version, a
 * record that is no TLS: "garbage"). `read ECONNRESET` (with a syscall) is a TCP reset; Node's
 * ECONNRESET without a syscall means the peer closed cleanly before the handshake ended.
 */
export function classifyTlsError(error: unknown): ClassifiedTlsError {
  const err = error as NodeJS.ErrnoException & { reason?: string };
  const code = typeof err?.code === 'string' ? err.code : undefined;
  const message = err instanceof Error ? err.message : String(error);
  const reason = typeof err?.reason === 'string' ? err.reason : undefined;
  const withCode = (kind: TlsErrorKind, text: string): ErrorInfo<TlsErrorKind> => ({ kind, ...(code ? { code } : {}), message: text });

  const alertNumber = /SSL alert number (\d+)/.exec(message)?.[1];
  if (alertNumber !== undefined || (code?.startsWith('ERR_SSL_') && code.includes('_ALERT_'))) {
    const number = alertNumber === undefined ? undefined : Number(alertNumber);
    const name = (number !== undefined ? ALERT_NAMES[number] : undefined) ?? alertNameFromReason(reason ?? message);
    const alert: TlsAlert = { name, ...(number !== undefined ? { number } : {}) };
    return { error: withCode('alert', `server sent TLS alert ${name}${number !== undefined ? ` (${number})` : ''}`), alert };
  }
  if ((code === 'ECONNRESET' || code === 'EPIPE') && err.syscall) return { error: withCode('reset', message) };
  if (code === 'ECONNRESET') return { error: withCode('closed', message) };
  if (code?.startsWith('ERR_SSL_')) return { error: withCode('protocol', reason ?? message) };
  return { error: withCode('other', message) };
}

/** `sslv3 alert handshake failure` → `handshake_failure`. */
function alertNameFromReason(reason: string): string {
  const match = /(?:sslv3|tlsv1\d?) alert ([a-z ]+)/i.exec(reason);
  return match?.[1] ? match[1].trim().replace(/ /g, '_').toLowerCase() : 'unknown';
}

/** OpenSSL verification codes (Node's `authorizationError`) by what they mean for a user. */
const TRUST_ERRORS: Readonly<Record<string, { kind: TlsTrustErrorKind; text: string }>> = {
  CERT_HAS_EXPIRED: { kind: 'expired', text: 'a certificate of the chain has expired' },
  CERT_NOT_YET_VALID: { kind: 'not-yet-valid', text: 'a certificate of the chain is not valid yet' },
  DEPTH_ZERO_SELF_SIGNED_CERT: { kind: 'self-signed', text: 'the server certificate is self-signed' },
  SELF_SIGNED_CERT_IN_CHAIN: { kind: 'untrusted', text: 'the chain ends in a root that is not trusted' },
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: { kind: 'untrusted', text: 'the issuer is neither sent by the server nor trusted' },
  UNABLE_TO_GET_ISSUER_CERT: { kind: 'untrusted', text: 'the issuer certificate is missing' },
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: { kind: 'untrusted', text: 'the issuer of the server certificate is not trusted (or the server omits an intermediate)' },
  CERT_UNTRUSTED: { kind: 'untrusted', text: 'the root is not trusted for this purpose' },
  CERT_REVOKED: { kind: 'revoked', text: 'a certificate of the chain is revoked' },
  CERT_SIGNATURE_FAILURE: { kind: 'invalid', text: 'a signature in the chain does not verify' },
  CERT_REJECTED: { kind: 'invalid', text: 'the root rejects this purpose' },
  INVALID_CA: { kind: 'invalid', text: 'an issuing certificate is not a CA' },
  INVALID_PURPOSE: { kind: 'invalid', text: 'a certificate is not for server authentication' },
  PATH_LENGTH_EXCEEDED: { kind: 'invalid', text: 'the chain is longer than its CA allows' },
  CA_MD_TOO_WEAK: { kind: 'invalid', text: 'a signature uses a digest too weak for this TLS library' },
  EE_KEY_TOO_SMALL: { kind: 'invalid', text: 'the server key is too small for this TLS library' },
};

/** Node's `authorizationError` (a code string or an Error) as evidence. */
export function classifyTrustError(authorizationError: unknown): ErrorInfo<TlsTrustErrorKind> {
  const code = authorizationError instanceof Error ? ((authorizationError as NodeJS.ErrnoException).code ?? authorizationError.message) : String(authorizationError);
  const known = TRUST_ERRORS[code];
  return { kind: known?.kind ?? 'other', code, message: known?.text ?? code };
}
