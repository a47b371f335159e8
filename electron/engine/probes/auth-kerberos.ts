import { okProbesOf } from '../../../shared/model/evidence';
import type { KerberosData, KerberosTicketsData } from '../../../shared/model/probe-data';
import { collectorApplies, collectorInstanceId, windowsOemCodePage, windowsProgram } from '../collectors/collector';
import { klistCollector } from '../collectors/klist';
import { decodeOutput } from '../collectors/console-text';
import { runCommand, type CommandSource } from '../collectors/run-command';
import { cachedTicket, grantingTicket, parseKlistGet, parseKvno, type TicketRequestAnswer } from '../kerberos/service-ticket';
import { defineProbe, type PlanView } from '../probe';

/**
 * A ticket request goes to a domain controller: one round trip, or a few when Windows tries
 * several; 5 s says "not reachable" clearly without holding the run.
 */
export const KERBEROS_REQUEST_TIMEOUT_MS = 5_000;
const KERBEROS_PROBE_TIMEOUT_MS = KERBEROS_REQUEST_TIMEOUT_MS + 1_000;
/** `klist get` prints the whole cache after a success; a few hundred tickets fit. */
const MAX_OUTPUT_BYTES = 256 * 1024;

/** Schemes that let Windows use Kerberos (Negotiate tries Kerberos first). */
const KERBEROS_SCHEMES = new Set(['negotiate', 'kerberos']);

export interface KerberosInput {
  host: string;
}

/** The first answer from the host that offers Negotiate (direct or through the proxy), if any yet. */
function negotiateOffer(view: PlanView, host: string): string | undefined {
  return view
    .of('http')
    .find((r) => r.data?.host.toLowerCase() === host && r.data.response?.status === 401 && r.data.response.challenges.some((c) => KERBEROS_SCHEMES.has(c.scheme.toLowerCase())))?.id;
}

/** How to ask for a service ticket on this platform; null where the engine has no tool for it. */
function ticketRequest(format: KerberosTicketsData['format'] | undefined, spn: string): { tool: NonNullable<KerberosData['tool']>; source: CommandSource; artifact: string } | null {
  if (process.platform === 'win32') {
    return { tool: 'windows-klist', source: { kind: 'program', program: [windowsProgram('klist.exe')], args: ['get', spn] }, artifact: 'system/klist-get-http.txt' };
  }
  // MIT tools (Linux); Heimdal on macOS has no kvno.
  if (format === 'mit' || format === undefined) {
    return { tool: 'mit-klist', source: { kind: 'program', program: ['kvno', '/usr/bin/kvno'], args: [spn] }, artifact: 'system/kvno-http.txt' };
  }
  return null;
}

/**
 * Whether a Kerberos service ticket for `HTTP/<host>` is cached or can be obtained.
 *
 * Only where it matters: planned once the Exchange host has offered Negotiate, and after `klist`
 * has shown the ticket cache. A cached valid ticket answers at once; otherwise, where the user
 * holds a ticket-granting ticket (or, on Windows, the computer is in a domain and Windows gets one
 * itself), one request with fixed arguments and no shell: `klist get HTTP/<host>` (Windows) or
 * `kvno HTTP/<host>` (MIT). Off the domain NTLM is expected, so nothing is asked.
 */
export const authKerberosProbe = defineProbe({
  id: 'auth.kerberos',
  kind: 'auth',
  title: 'Kerberos ticket for the Exchange host',
  timeoutMs: KERBEROS_PROBE_TIMEOUT_MS,
  plan: (view) => {
    const host = view.input.server?.host.toLowerCase();
    if (!host) return [];
    const offer = negotiateOffer(view, host);
    if (!offer) return [];
    const after = [offer];
    if (collectorApplies(klistCollector)) after.push(collectorInstanceId('collector.klist'));
    if (process.platform === 'win32') after.push(collectorInstanceId('collector.nltest-dsgetdc'));
    return [{ key: host, target: `HTTP/${host}`, input: { host }, after, runIf: 'settled' as const }];
  },
  async run({ input, signal, services, view }) {
    const spn = `HTTP/${input.host}`;
    const evidence = { probes: [...view.results.values()] };
    const tickets = okProbesOf(evidence, 'collector.klist')[0]?.data.parsed ?? null;
    const domain = okProbesOf(evidence, 'collector.nltest-dsgetdc')[0]?.data.parsed ?? null;
    const now = services.now();
    const request = ticketRequest(tickets?.format, spn);
    const base = { host: input.host, spn };
    if (!request) {
      const data: KerberosData = { ...base, tool: null, tgt: tickets ? grantingTicket(tickets, now) !== undefined : null, ticket: 'unknown' };
      return { status: 'ok', summary: `no tool to request a ticket on this system (${tickets?.format ?? 'no klist'})`, data };
    }

    const tgtTicket = tickets ? grantingTicket(tickets, now) : undefined;
    const cached = tickets ? cachedTicket(tickets, spn, now) : undefined;
    const realm = cached?.realm ?? tgtTicket?.realm ?? domain?.domain?.toUpperCase() ?? undefined;
    if (cached) {
      const data: KerberosData = { ...base, tool: request.tool, tgt: true, ...(realm ? { realm } : {}), ticket: 'cached' };
      return { status: 'ok', summary: `${spn}: ticket in the cache (until ${cached.end ?? '?'})`, data };
    }
    // Windows gets a TGT itself when the user signed in to a domain; elsewhere a TGT must be there.
    const joined = domain !== null && (domain.dcFound || domain.domain !== null);
    const tgt: boolean | null = tgtTicket ? true : process.platform === 'win32' ? (joined ? null : false) : tickets ? false : null;
    if (tgt === false) {
      const data: KerberosData = { ...base, tool: request.tool, tgt: false, ticket: 'unknown' };
      return { status: 'ok', summary: 'not signed in to a Kerberos realm: no ticket-granting ticket, nothing to ask (NTLM is expected)', data };
    }

    const result = await runCommand(request.source, {
      signal,
      maxOutputBytes: MAX_OUTPUT_BYTES,
      // MIT tools print their messages in the C locale only; the codes Windows prints are language-neutral.
      env: process.platform === 'win32' ? process.env : { ...process.env, LC_ALL: 'C', LANG: 'C' },
    });
    const codePage = process.platform === 'win32' ? await windowsOemCodePage() : undefined;
    const encoding = process.platform === 'win32' ? 'console' : 'utf8';
    const stdout = decodeOutput(result.stdout, encoding, codePage);
    const stderr = decodeOutput(result.stderr, encoding, codePage);
    try {
      services.addArtifact({ path: request.artifact, commandLine: result.commandLine, outcome: result.outcome, exitCode: result.exitCode, startedAt: result.startedAt, durationMs: result.durationMs, text: stdout, ...(stderr ? { stderr } : {}), truncated: result.truncated, ...(result.error ? { error: result.error } : {}) });
    } catch {
      // A broken sink must not cost the evidence.
    }
    if (result.outcome === 'not-available') {
      const data: KerberosData = { ...base, tool: null, tgt, ...(realm ? { realm } : {}), ticket: 'unknown' };
      return { status: 'fail', summary: `not available on this system: ${result.commandLine.split(' ')[0]} not found`, data };
    }
    if (result.outcome === 'timeout' || result.outcome === 'failed') {
      const data: KerberosData = { ...base, tool: request.tool, tgt, ...(realm ? { realm } : {}), ticket: 'unknown' };
      return { status: result.outcome === 'timeout' ? 'timeout' : 'fail', summary: `${result.commandLine}: ${result.error ?? result.outcome}`, data };
    }
    const answer: TicketRequestAnswer = request.tool === 'windows-klist' ? parseKlistGet(stdout, stderr, result.exitCode) : parseKvno(stdout, stderr, result.exitCode);
    const answerRealm = answer.realm ?? realm;
    const data: KerberosData = {
      ...base,
      tool: request.tool,
      tgt: answer.obtained ? true : answer.error?.kind === 'no-tgt' ? false : tgt,
      ...(answerRealm ? { realm: answerRealm } : {}),
      ticket: answer.obtained ? 'obtained' : 'failed',
      ...(answer.error ? { error: answer.error } : {}),
    };
    return {
      status: 'ok',
      summary: answer.obtained ? `${spn}: ticket obtained` : `${spn}: no ticket: ${answer.error?.kind ?? 'failed'} (${answer.error?.message ?? ''})`,
      data,
    };
  },
});

