import type { ErrorInfo, KerberosErrorKind, KerberosTicket, KerberosTicketsData } from '../../../shared/model/probe-data';

/**
 * Reading Kerberos evidence: the cached tickets (from `klist`) and the answer of a ticket
 * request for `HTTP/<host>` (Windows `klist get`, MIT `kvno`).
 */

/** A cached ticket for the SPN that is still valid at `now` (service class and host compare case-insensitively). */
export function cachedTicket(data: KerberosTicketsData, spn: string, now: number): KerberosTicket | undefined {
  const wanted = spn.toLowerCase();
  return data.tickets.find((t) => t.server.toLowerCase() === wanted && (t.end === null || Date.parse(t.end) > now));
}

/** The ticket-granting ticket (`krbtgt/REALM`), still valid at `now`. */
export function grantingTicket(data: KerberosTicketsData, now: number): KerberosTicket | undefined {
  return data.tickets.find((t) => /^krbtgt\//i.test(t.server) && (t.end === null || Date.parse(t.end) > now));
}

export interface TicketRequestAnswer {
  obtained: boolean;
  error?: ErrorInfo<KerberosErrorKind>;
  /** The realm named in the answer, when it names one. */
  realm?: string;
}

/**
 * Windows status codes of `klist get` (printed as `klist failed with 0x…/…` and as the
 * `GetTicket substatus`, the same in every language) by what they mean here.
 *
 * 0xC000018B (STATUS_NO_TRUST_SAM_ACCOUNT, substatus 0x6FB) is how klist reports a KDC answer
 * KDC_ERR_S_PRINCIPAL_UNKNOWN: no account holds the SPN.
 */
const WINDOWS_CODES: Record<string, { kind: KerberosErrorKind; name: string }> = {
  '0xc000018b': { kind: 'principal-unknown', name: 'KDC_ERR_S_PRINCIPAL_UNKNOWN' },
  '0x80090303': { kind: 'principal-unknown', name: 'SEC_E_TARGET_UNKNOWN' },
  '0xc000005e': { kind: 'kdc-unreachable', name: 'STATUS_NO_LOGON_SERVERS' },
  '0x80090311': { kind: 'kdc-unreachable', name: 'SEC_E_NO_AUTHENTICATING_AUTHORITY' },
  '0xc0000133': { kind: 'clock-skew', name: 'STATUS_TIME_DIFFERENCE_AT_DC' },
  '0x80090324': { kind: 'clock-skew', name: 'SEC_E_TIME_SKEW' },
  '0x8009030e': { kind: 'no-tgt', name: 'SEC_E_NO_CREDENTIALS' },
  '0xc000005f': { kind: 'no-tgt', name: 'STATUS_NO_SUCH_LOGON_SESSION' },
};

/**
 * `klist get HTTP/<host>` (Windows, any language).
 *
 * Success prints "A ticket to … has been retrieved successfully." and the cache and exits 0;
 * failure prints "Error calling API LsaCallAuthenticationPackage (GetTicket substatus): 0x…" and
 * "klist failed with 0x…/…: <message>" and exits non-zero. The codes decide, not the translated
 * words. A duplicate SPN (KDC_ERR_PRINCIPAL_NOT_UNIQUE) is named only when the message says so;
 * Windows reports it to the client like an unknown SPN and logs event 11 on the domain controller.
 */
export function parseKlistGet(stdout: string, stderr: string, exitCode: number | null): TicketRequestAnswer {
  const text = `${stdout}\n${stderr}`;
  if (exitCode === 0 && !/klist failed|0xc0{2}[0-9a-f]{5}\//i.test(text)) return { obtained: true };
  const failed = /failed with (0x[0-9a-f]{8})(?:\/-?\d+)?:?\s*(.*)$/im.exec(text) ?? /(0x[0-9a-f]{8})\/-?\d+:?\s*(.*)$/im.exec(text);
  const substatus = /substatus\)?\s*:\s*(0x[0-9a-f]+)/i.exec(text)?.[1];
  const code = failed?.[1]?.toLowerCase();
  const message = (failed?.[2] ?? '').trim() || text.trim().split(/\r?\n/).at(-1) || 'klist get failed';
  if (/not unique|not_unique|multiple entries|doppelt/i.test(message)) return { obtained: false, error: { kind: 'principal-not-unique', code: 'KDC_ERR_PRINCIPAL_NOT_UNIQUE', message } };
  const known = code ? WINDOWS_CODES[code] : undefined;
  const codeText = [known?.name, code, substatus ? `substatus ${substatus}` : undefined].filter(Boolean).join(' ');
  return { obtained: false, error: { kind: known?.kind ?? 'other', ...(codeText ? { code: codeText } : {}), message } };
}

/** MIT messages (C locale) by what they mean; the krb5 error table's texts. */
const MIT_MESSAGES: { pattern: RegExp; kind: KerberosErrorKind; code: string }[] = [
  { pattern: /not found in Kerberos database/i, kind: 'principal-unknown', code: 'KDC_ERR_S_PRINCIPAL_UNKNOWN' },
  { pattern: /multiple entries in Kerberos database|not unique/i, kind: 'principal-not-unique', code: 'KDC_ERR_PRINCIPAL_NOT_UNIQUE' },
  { pattern: /clock skew too great/i, kind: 'clock-skew', code: 'KRB_AP_ERR_SKEW' },
  { pattern: /cannot contact any KDC|cannot find KDC|cannot resolve network address for KDC/i, kind: 'kdc-unreachable', code: 'KRB5_KDC_UNREACH' },
  { pattern: /no credentials cache found|credentials cache .*not found|no Kerberos credentials available/i, kind: 'no-tgt', code: 'KRB5_FCC_NOFILE' },
  { pattern: /ticket expired/i, kind: 'no-tgt', code: 'KRB5KRB_AP_ERR_TKT_EXPIRED' },
];

/** MIT `kvno HTTP/<host>`: "HTTP/host@REALM: kvno = 2" on success, "kvno: <message> while …" on failure. */
export function parseKvno(stdout: string, stderr: string, exitCode: number | null): TicketRequestAnswer {
  const ok = /^\S+@(\S+):\s*kvno\s*=\s*\d+/m.exec(stdout);
  if (exitCode === 0 && ok) return { obtained: true, realm: ok[1]! };
  const line = `${stderr}\n${stdout}`.split(/\r?\n/).map((l) => l.trim()).find((l) => l.length > 0) ?? 'kvno failed';
  const message = line.replace(/^kvno:\s*/, '');
  const known = MIT_MESSAGES.find((m) => m.pattern.test(message));
  const realm = /@([A-Z0-9.-]+)\b/.exec(message)?.[1];
  return { obtained: false, ...(realm ? { realm } : {}), error: { kind: known?.kind ?? 'other', ...(known ? { code: known.code } : {}), message } };
}
