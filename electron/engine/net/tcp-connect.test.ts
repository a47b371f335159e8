import { describe, expect, it } from 'vitest';
import { classifyTcpError } from './tcp-connect';

/** An error shaped as Node raises it (the real ones are exercised against lab servers in the probe tests). */
function nodeError(message: string, fields: Record<string, unknown>): Error {
  return Object.assign(new Error(message), fields);
}

describe('classifyTcpError', () => {
  it.each([
    ['ECONNREFUSED', 'refused'],
    ['ETIMEDOUT', 'timeout'],
    ['ECONNRESET', 'reset'],
    ['EHOSTUNREACH', 'unreachable'],
    ['ENETUNREACH', 'unreachable'],
    ['EPERM', 'unreachable'],
    ['EWHATEVER', 'other'],
  ])('%s is %s', (code, kind) => {
    expect(classifyTcpError(nodeError(`connect ${code} 192.0.2.1:443`, { code }))).toEqual({ kind, code, message: `connect ${code} 192.0.2.1:443` });
  });

  it('keeps a thrown non-error readable', () => {
    expect(classifyTcpError('boom')).toEqual({ kind: 'other', message: 'boom' });
  });
});
