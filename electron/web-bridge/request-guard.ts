import { randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes: guessing is hopeless, and the token fits a URL fragment. */
const TOKEN_BYTES = 32;

export function createToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** Constant-time comparison, so a local attacker cannot learn the token byte by byte from timing. */
export function tokenMatches(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token from `Authorization: Bearer <token>`. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(header ?? '');
  return match?.[1];
}

export interface RequestHeaders {
  host?: string | undefined;
  origin?: string | undefined;
  secFetchSite?: string | undefined;
}

export type GuardVerdict = { ok: true } | { ok: false; status: 403; reason: 'bad-host' | 'bad-origin' | 'cross-site' };

/**
 * Checks that a request comes from the bridge's own page on its own address.
 *
 * The Host header must name the bridge exactly (a DNS-rebinding page sends its own name); a
 * browser's Origin, when sent, must be the bridge's origin; `Sec-Fetch-Site`, when sent, must
 * not say another site. The token check comes on top of this, for API requests.
 */
export function checkRequestOrigin(headers: RequestHeaders, port: number): GuardVerdict {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!headers.host || !allowedHosts.includes(headers.host.toLowerCase())) return { ok: false, status: 403, reason: 'bad-host' };
  if (headers.origin !== undefined && !allowedHosts.map((h) => `http://${h}`).includes(headers.origin.toLowerCase())) {
    return { ok: false, status: 403, reason: 'bad-origin' };
  }
  if (headers.secFetchSite !== undefined && !['same-origin', 'none'].includes(headers.secFetchSite)) {
    return { ok: false, status: 403, reason: 'cross-site' };
  }
  return { ok: true };
}
