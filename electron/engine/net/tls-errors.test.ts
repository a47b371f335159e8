import { describe, expect, it } from 'vitest';
import { classifyTlsError, classifyTrustError } from './tls-errors';

/** An error shaped as Node raises it (the real shapes are exercised against lab servers in the probe tests). */
function nodeError(message: string, fields: Record<string, unknown>): Error {
  return Object.assign(new Error(message), fields);
}

describe('classifyTlsError', () => {
  it('names an alert by its number, also one OpenSSL words differently', () => {
    const error = nodeError('error:0A000458:SSL routines::tlsv1 unrecognized name:ssl/record/rec_layer_s3.c:1605:SSL alert number 112', {
      code: 'ERR_SSL_TLSV1_UNRECOGNIZED_NAME',
      reason: 'tlsv1 unrecognized name',
    });
    expect(classifyTlsError(error)).toEqual({
      error: { kind: 'alert', code: 'ERR_SSL_TLSV1_UNRECOGNIZED_NAME', message: 'server sent TLS alert unrecognized_name (112)' },
      alert: { name: 'unrecognized_name', number: 112 },
    });
  });

  it('falls back to the reason when the number is missing', () => {
    const { alert } = classifyTlsError(nodeError('sslv3 alert bad certificate', { code: 'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE', reason: 'sslv3 alert bad certificate' }));
    expect(alert).toEqual({ name: 'bad_certificate' });
  });

  it('tells a reset (with a syscall) from a clean close before the handshake', () => {
    expect(classifyTlsError(nodeError('read ECONNRESET', { code: 'ECONNRESET', syscall: 'read' })).error.kind).toBe('reset');
    expect(classifyTlsError(nodeError('Client network socket disconnected before secure TLS connection was established', { code: 'ECONNRESET' })).error.kind).toBe('closed');
  });
});

describe('classifyTrustError', () => {
  it.each([
    ['CERT_HAS_EXPIRED', 'expired'],
    ['CERT_NOT_YET_VALID', 'not-yet-valid'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'untrusted'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'untrusted'],
    ['SOMETHING_NEW', 'other'],
  ])('%s is %s', (code, kind) => {
    expect(classifyTrustError(code)).toMatchObject({ kind, code });
  });
});
