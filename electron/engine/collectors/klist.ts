import type { KerberosTicket, KerberosTicketsData } from '../../../shared/model/probe-data';
import { defineCollector, windowsProgram } from './collector';
import { textLines } from './console-text';
import { labelLine, parseWindowsLocalDate } from './windows-text';

/** klist reads the local ticket cache (no network): instant. */
const KLIST_TIMEOUT_MS = 4_000;
/** Even a server with hundreds of service tickets prints under 200 KB. */
const KLIST_MAX_BYTES = 512 * 1024;

/**
 * Parses `klist` from Windows (German or English), MIT Kerberos (Linux) and Heimdal (macOS).
 *
 * Windows prints blocks `#0>  Client: … Server: …` with translated labels (`Startzeit`,
 * `Endzeit`, `Erneuerungszeit`, `Aufgerufenes KDC`); the flags line has no colon. MIT prints a
 * table "Valid starting / Expires / Service principal" (dates in the C locale as the collector runs
 * it), Heimdal "Issued / Expires / Principal". "No credentials cache found" is an answer (no
 * tickets), not a failure.
 */
export function parseKlist(stdout: string, stderr = ''): KerberosTicketsData | null {
  const all = `${stdout}\n${stderr}`;
  const lines = textLines(stdout);
  if (lines.some((l) => /^#\d+>/.test(l.trim())) || lines.some((l) => /tickets?\s*:\s*\(\d+\)/i.test(l))) return parseWindowsKlist(lines);
  if (lines.some((l) => /^\s*(Ticket cache|Default principal):/.test(l))) return parseMitKlist(lines);
  if (lines.some((l) => /^\s*(Credentials cache|Principal):/.test(l))) return parseHeimdalKlist(lines);
  if (/no credentials cache|no ticket file|krb5_cc_get_principal|credentials cache .*not found/i.test(all)) {
    return { format: /krb5_cc_get_principal/.test(all) ? 'heimdal' : 'mit', defaultPrincipal: null, tickets: [], noCredentials: true };
  }
  return null;
}

/** `krbtgt/LAB.VX @ LAB.VX` → server and realm. */
function splitPrincipal(text: string): { name: string; realm: string | null } {
  const at = text.lastIndexOf('@');
  if (at < 0) return { name: text.trim(), realm: null };
  return { name: text.slice(0, at).trim(), realm: text.slice(at + 1).trim() || null };
}

function parseWindowsKlist(lines: string[]): KerberosTicketsData {
  const tickets: KerberosTicket[] = [];
  let ticket: KerberosTicket | null = null;
  for (const raw of lines) {
    const start = /^\s*#\d+>\s*(.*)$/.exec(raw);
    const line = start ? `    ${start[1]}` : raw;
    if (start) {
      ticket = { client: null, server: '', realm: null, start: null, end: null, renewUntil: null, encryptionType: null, flags: [], kdcCalled: null };
      tickets.push(ticket);
    }
    if (!ticket) continue;
    const flags = /0x[0-9a-f]+\s*->\s*(.*)$/i.exec(line);
    if (flags && !/cache ?flags|cacheflags/i.test(line)) {
      ticket.flags = flags[1]!.trim().split(/\s+/).filter((f) => f.length > 0);
      continue;
    }
    const field = labelLine(line);
    if (!field) continue;
    const { key, value } = field;
    if (key === 'client') ticket.client = splitPrincipal(value).name;
    else if (key === 'server') {
      const { name, realm } = splitPrincipal(value);
      ticket.server = name;
      ticket.realm = realm;
    } else if (/^(start ?time|startzeit)$/.test(key)) ticket.start = parseWindowsLocalDate(value);
    else if (/^(end ?time|endzeit)$/.test(key)) ticket.end = parseWindowsLocalDate(value);
    else if (/^(renew ?time|erneuerungszeit)$/.test(key)) ticket.renewUntil = parseWindowsLocalDate(value);
    else if (/encryption type|verschl/.test(key) && !/session|sitzung/.test(key)) ticket.encryptionType = value || null;
    else if (/kdc/.test(key)) ticket.kdcCalled = value || null;
  }
  const found = tickets.filter((t) => t.server !== '');
  return { format: 'windows', defaultPrincipal: null, tickets: found, noCredentials: found.length === 0 };
}

/** MIT `klist` in the C locale: `11/22/26 05:40:00  11/22/26 15:40:00  krbtgt/TEST.LAN@TEST.LAN`. */
function parseMitKlist(lines: string[]): KerberosTicketsData {
  const principal = lines.map((l) => /^\s*Default principal:\s*(.+)$/.exec(l)?.[1]).find((p) => p !== undefined) ?? null;
  const client = principal ? splitPrincipal(principal).name : null;
  const tickets: KerberosTicket[] = [];
  for (const line of lines) {
    const row = /^(\d{1,2}\/\d{1,2}\/\d{2,4}\s+\d{1,2}:\d{2}:\d{2})\s+(\d{1,2}\/\d{1,2}\/\d{2,4}\s+\d{1,2}:\d{2}:\d{2})\s+(\S+)\s*$/.exec(line);
    if (row) {
      const { name, realm } = splitPrincipal(row[3]!);
      tickets.push({ client, server: name, realm, start: parseCDate(row[1]!), end: parseCDate(row[2]!), renewUntil: null, encryptionType: null, flags: [], kdcCalled: null });
      continue;
    }
    const renew = /^\s+renew until\s+(\S+\s+\S+)/.exec(line);
    if (renew && tickets.length > 0) tickets[tickets.length - 1]!.renewUntil = parseCDate(renew[1]!);
  }
  return { format: 'mit', defaultPrincipal: principal, tickets, noCredentials: false };
}

/** `MM/DD/YY HH:MM:SS` (C locale) or `MM/DD/YYYY …` as local time. */
function parseCDate(text: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{2,4})\s+(\d{1,2}):(\d{2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  const date = new Date(year, Number(m[1]) - 1, Number(m[2]), Number(m[4]), Number(m[5]), Number(m[6]));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Heimdal: `Nov 22 05:40:00 2026  Nov 22 15:40:00 2026  krbtgt/EXAMPLE.COM@EXAMPLE.COM`. */
function parseHeimdalKlist(lines: string[]): KerberosTicketsData {
  const principal = lines.map((l) => /^\s*Principal:\s*(.+)$/.exec(l)?.[1]).find((p) => p !== undefined) ?? null;
  const client = principal ? splitPrincipal(principal).name : null;
  const date = String.raw`[A-Z][a-z]{2}\s+\d{1,2}\s+\d{2}:\d{2}:\d{2}\s+\d{4}`;
  const row = new RegExp(String.raw`^\s*(${date})\s+(${date}|>>>Expired<<<)\s+(\S+)\s*$`);
  const tickets: KerberosTicket[] = [];
  for (const line of lines) {
    const m = row.exec(line);
    if (!m) continue;
    const { name, realm } = splitPrincipal(m[3]!);
    tickets.push({ client, server: name, realm, start: parseHeimdalDate(m[1]!), end: parseHeimdalDate(m[2]!), renewUntil: null, encryptionType: null, flags: [], kdcCalled: null });
  }
  return { format: 'heimdal', defaultPrincipal: principal, tickets, noCredentials: false };
}

function parseHeimdalDate(text: string): string | null {
  const m = /^([A-Z][a-z]{2})\s+(\d{1,2})\s+(\d{2}):(\d{2}):(\d{2})\s+(\d{4})$/.exec(text);
  if (!m) return null;
  const month = MONTHS.indexOf(m[1]!);
  if (month < 0) return null;
  return new Date(Number(m[6]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])).toISOString();
}

/** `klist`: cached Kerberos tickets (Windows, Linux with MIT Kerberos, macOS). */
export const klistCollector = defineCollector({
  id: 'collector.klist',
  title: 'klist',
  platforms: ['win32', 'linux', 'darwin'],
  timeoutMs: KLIST_TIMEOUT_MS,
  commands: [
    {
      artifact: 'system/klist.txt',
      source: {
        kind: 'program',
        program: process.platform === 'win32' ? [windowsProgram('klist.exe')] : process.platform === 'darwin' ? ['/usr/bin/klist', 'klist'] : ['klist'],
        args: [],
      },
      encoding: 'console',
      maxOutputBytes: KLIST_MAX_BYTES,
    },
  ],
  // MIT/Heimdal exit 1 when there is no cache; parseKlist tells that from a real failure.
  parse: ([output]) => (output?.outcome === 'ok' ? parseKlist(output.text, output.stderr) : null),
  summarize: (data) =>
    data.noCredentials
      ? 'no Kerberos tickets (no credentials cache)'
      : `${data.tickets.length} ticket(s): ${data.tickets.slice(0, 5).map((t) => t.server).join(', ')}${data.tickets.length > 5 ? ', …' : ''}`,
});
