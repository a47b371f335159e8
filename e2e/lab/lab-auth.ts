import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Socket } from 'node:net';
import ntlm from 'httpntlm/ntlm.js';

/**
 * The lab's sign-in: Basic and NTLM (also inside Negotiate) for known test users, checked the way
 * a Windows server checks them.
 *
 * NTLM is stateful per connection: the type 1 message gets a challenge (type 2) with a fresh
 * server nonce, the type 3 message on the same connection is verified by recomputing the NTLMv2
 * proof from the user's password. A type 3 on another connection fails, as on IIS.
 */

export interface LabUser {
  /** `CONTOSO\anna` or `anna@contoso.test`; the NTLM domain part compares case-insensitively. */
  user: string;
  password: string;
}

export type AuthVerdict =
  | { kind: 'none' }
  | { kind: 'ok'; user: string; scheme: 'basic' | 'ntlm' | 'negotiate' }
  | { kind: 'rejected'; scheme: string }
  /** NTLM's second leg: answer 401 with this WWW-Authenticate value, keep the connection. */
  | { kind: 'challenge'; header: string };

/** Server nonce of the NTLM handshake under way on a connection. */
const pending = new WeakMap<Socket, Buffer>();

const NTLM_FLAGS =
  0x00000001 /* unicode */ | 0x00000004 /* request target */ | 0x00000200 /* NTLM */ | 0x00008000 /* always sign */ | 0x00010000 /* target type domain */ | 0x00080000 /* extended session security */ | 0x00800000 /* target info */ | 0x20000000 /* 128 */ | 0x80000000; /* 56 */

export function checkAuthorization(authorization: string | undefined, socket: Socket, users: readonly LabUser[]): AuthVerdict {
  if (!authorization) return { kind: 'none' };
  const [schemeRaw = '', token = ''] = authorization.trim().split(/\s+/, 2);
  const scheme = schemeRaw.toLowerCase();
  if (scheme === 'basic') {
    const decoded = Buffer.from(token, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const user = decoded.slice(0, colon);
    const password = decoded.slice(colon + 1);
    const match = users.find((u) => u.user.toLowerCase() === user.toLowerCase() && u.password === password);
    return match ? { kind: 'ok', user: match.user, scheme: 'basic' } : { kind: 'rejected', scheme: 'basic' };
  }
  if (scheme !== 'ntlm' && scheme !== 'negotiate') return { kind: 'rejected', scheme };
  const message = Buffer.from(token, 'base64');
  if (message.length < 12 || message.toString('latin1', 0, 8) !== 'NTLMSSP\0') return { kind: 'rejected', scheme };
  const type = message.readUInt32LE(8);
  if (type === 1) {
    const nonce = randomBytes(8);
    pending.set(socket, nonce);
    return { kind: 'challenge', header: `${schemeRaw} ${type2(nonce).toString('base64')}` };
  }
  const nonce = pending.get(socket);
  pending.delete(socket);
  if (type !== 3 || !nonce) return { kind: 'rejected', scheme };
  const verified = verifyType3(message, nonce, users);
  return verified ? { kind: 'ok', user: verified, scheme: scheme } : { kind: 'rejected', scheme };
}

/** A type 2 message with the domain CONTOSO and its target info. */
function type2(nonce: Buffer): Buffer {
  const target = Buffer.from('CONTOSO', 'utf16le');
  const info = Buffer.concat([avPair(2, target), avPair(1, Buffer.from('EX01', 'utf16le')), avPair(0, Buffer.alloc(0))]);
  const head = Buffer.alloc(48);
  head.write('NTLMSSP\0', 0, 'latin1');
  head.writeUInt32LE(2, 8);
  head.writeUInt16LE(target.length, 12);
  head.writeUInt16LE(target.length, 14);
  head.writeUInt32LE(48, 16);
  head.writeUInt32LE(NTLM_FLAGS >>> 0, 20);
  nonce.copy(head, 24);
  head.writeUInt16LE(info.length, 40);
  head.writeUInt16LE(info.length, 42);
  head.writeUInt32LE(48 + target.length, 44);
  return Buffer.concat([head, target, info]);
}

function avPair(id: number, value: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16LE(id, 0);
  head.writeUInt16LE(value.length, 2);
  return Buffer.concat([head, value]);
}

function field(message: Buffer, offset: number): Buffer {
  const length = message.readUInt16LE(offset);
  const at = message.readUInt32LE(offset + 4);
  return at + length <= message.length ? message.subarray(at, at + length) : Buffer.alloc(0);
}

/** The NTLMv2 check a domain controller makes; the matching user's name, or undefined. */
function verifyType3(message: Buffer, nonce: Buffer, users: readonly LabUser[]): string | undefined {
  if (message.length < 52) return undefined;
  const nt = field(message, 20);
  const domain = field(message, 28).toString('utf16le');
  const user = field(message, 36).toString('utf16le');
  if (nt.length <= 16) return undefined;
  const proof = nt.subarray(0, 16);
  const blob = nt.subarray(16);
  for (const candidate of users) {
    const [wantedDomain, wantedUser] = candidate.user.includes('\\') ? candidate.user.split('\\') : ['', candidate.user];
    if (wantedUser!.toLowerCase() !== user.toLowerCase() || wantedDomain!.toLowerCase() !== domain.toLowerCase()) continue;
    const ntHash = ntlm.create_NT_hashed_password(candidate.password);
    const ntowf = createHmac('md5', ntHash).update(Buffer.from(user.toUpperCase() + domain, 'utf16le')).digest();
    const expected = createHmac('md5', ntowf).update(Buffer.concat([nonce, blob])).digest();
    if (timingSafeEqual(expected, proof)) return candidate.user;
  }
  return undefined;
}
