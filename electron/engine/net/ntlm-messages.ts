import { hostname } from 'node:os';
import ntlm from 'httpntlm/ntlm.js';

/**
 * NTLM negotiate and authenticate messages (type 1 and 3) from httpntlm's message functions.
 *
 * The messages carry a proof of the password; they live only in the requests that send them and
 * are never returned anywhere else. NTLMv2 is used whenever the server's challenge allows it
 * (extended session security and target info, what every current Windows server sends).
 */

/** Windows limits NetBIOS computer names to 15 characters; the type 1/3 messages carry that form. */
const MAX_WORKSTATION_CHARS = 15;

export interface NtlmIdentity {
  user: string;
  domain: string;
}

/** `CONTOSO\alice` → domain CONTOSO, user alice; `alice@contoso.com` and `alice` keep the domain empty. */
export function ntlmIdentity(user: string): NtlmIdentity {
  const slash = user.indexOf('\\');
  if (slash > 0) return { domain: user.slice(0, slash), user: user.slice(slash + 1) };
  return { domain: '', user };
}

function workstation(): string {
  return hostname().split('.')[0]!.slice(0, MAX_WORKSTATION_CHARS).toUpperCase();
}

/** The first leg: `NTLM TlRMTVNTUAAB…` (scheme as given: `NTLM` or `Negotiate`). */
export function negotiateMessage(scheme: 'NTLM' | 'Negotiate', identity: NtlmIdentity): string {
  const message = ntlm.createType1Message({ domain: identity.domain, workstation: workstation() });
  return `${scheme} ${message.slice('NTLM '.length)}`;
}

/** The server's challenge token of an `NTLM …`/`Negotiate …` header value, or undefined. */
export function challengeToken(values: readonly string[], scheme: 'NTLM' | 'Negotiate'): string | undefined {
  for (const value of values) {
    const match = new RegExp(`(?:^|,)\\s*${scheme}\\s+([A-Za-z0-9+/]+=*)`, 'i').exec(value);
    if (match) return match[1];
  }
  return undefined;
}

/** The third leg for a challenge token; throws when the token is no NTLM challenge. */
export function authenticateMessage(scheme: 'NTLM' | 'Negotiate', token: string, identity: NtlmIdentity, password: string): string {
  let problem: Error | undefined;
  const type2 = ntlm.parseType2Message(`NTLM ${token}`, (error) => (problem = error));
  const bytes = Buffer.from(token, 'base64');
  if (!type2 || problem || bytes.length < 32 || bytes.toString('latin1', 0, 8) !== 'NTLMSSP\0') {
    throw new Error('the server did not send an NTLM challenge');
  }
  const message = ntlm.createType3Message(type2, { username: identity.user, password, domain: identity.domain, workstation: workstation() });
  return `${scheme} ${message.slice('NTLM '.length)}`;
}
