import { open } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AutodiscoverCandidate, AutodiscoverMethod, HttpExchange, IpFamily } from '../../../shared/model/probe-data';
import type { PlanView } from '../probe';
import type { RunServices } from '../run-services';
import { DnsLookupError, dnsErrorFromNode } from '../net/dns-errors';
import { sendHttpRequest } from '../net/http-client';
import { autodiscoverRequest, OUTLOOK_USER_AGENT } from '../net/outlook-requests';
import { tcpConnect } from '../net/tcp-connect';
import { tlsContext, tlsHandshake } from '../net/tls-handshake';
import { inspectPeer } from '../probes/tls';
import type { CandidateProbe } from './candidate-list';
import { classifyAnswer, fromPox, type ClassifiedAnswer } from './classify-answer';
import { MAX_POX_BYTES, parsePoxResponse } from './pox-response';
import { reusedDns, reusedHttp, reusedTcp, reusedTls } from './reuse';

/**
 * Asks one Autodiscover candidate URL the way Outlook does, with DNS, TCP, TLS and HTTP evidence.
 *
 * What the run already knows about the host (its DNS answer, the TCP, TLS and HTTP probes of
 * the same address) is reused; the rest is asked here, each step under its own deadline and the
 * caller's signal. Never throws.
 */

/** One TCP connect: as in the TCP probe (a lost SYN and its retransmission). */
export const STEP_TCP_TIMEOUT_MS = 3_000;
/** One handshake, TCP included: as in the TLS probe. */
export const STEP_TLS_TIMEOUT_MS = 4_000;
/** One request, connect to last body byte: as in the HTTP probe. */
export const STEP_HTTP_TIMEOUT_MS = 6_000;

export interface StepContext {
  services: RunServices;
  signal: AbortSignal;
  view: PlanView;
  /** Outlook sends X-MapiHttpCapability unless MapiHttpDisabled is set. */
  mapiHttp: boolean;
}

export interface StepTarget {
  method: AutodiscoverMethod;
  url: string;
  probe: CandidateProbe;
  /** The mailbox in the POX request. */
  email: string;
}

export interface StepResult {
  candidate: AutodiscoverCandidate;
  answer: ClassifiedAnswer;
  /** The address the HTTP request went to (the credential test reuses it). */
  address?: string;
}

export async function probeStep(ctx: StepContext, target: StepTarget): Promise<StepResult> {
  let url: URL;
  try {
    url = new URL(target.url);
  } catch {
    return bare(target, '', { response: 'no-answer' }, { method: 'POST', challenges: [], error: { kind: 'other', message: `not a URL: ${target.url.slice(0, 200)}` } });
  }
  if (target.probe === 'local-file') return readLocalXml(target, url);
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const candidate: AutodiscoverCandidate = { method: target.method, url: target.url, host, decision: 'passed-over', response: 'no-answer' };
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;

  // DNS: the run's answer for the name, else the system's lookup now.
  const known = reusedDns(ctx.view, host);
  let addresses: { address: string; family: IpFamily }[];
  if (known) {
    addresses = known.addresses;
    candidate.dns = { addresses: addresses.map((a) => a.address), ...(known.error ? { error: known.error } : {}) };
  } else {
    try {
      addresses = await ctx.services.lookup(host, ctx.signal);
      candidate.dns = { addresses: addresses.map((a) => a.address) };
    } catch (error) {
      candidate.dns = { addresses: [], error: error instanceof DnsLookupError ? { kind: error.kind, code: error.code, message: error.message } : dnsErrorFromNode(error) };
      return { candidate, answer: { response: 'no-answer' } };
    }
  }
  if (addresses.length === 0) return { candidate, answer: { response: 'no-answer' } };

  // TCP: the first address the run reached, as the OS tries them in order; else connect now.
  const reached = addresses.find((a) => reusedTcp(ctx.view, host, a.address, port)?.error === undefined && reusedTcp(ctx.view, host, a.address, port) !== undefined);
  const chosen = reached ?? addresses[0]!;
  const knownTcp = reusedTcp(ctx.view, host, chosen.address, port);
  const tcp = knownTcp ?? {
    address: chosen.address,
    ...(await tcpConnect({ address: chosen.address, family: chosen.family, port, timeoutMs: STEP_TCP_TIMEOUT_MS, signal: ctx.signal })),
  };
  candidate.tcp = { address: chosen.address, ...(tcp.connectMs !== undefined ? { connectMs: tcp.connectMs } : {}), ...(tcp.error ? { error: tcp.error } : {}) };
  if (tcp.error) return { candidate, answer: { response: 'no-answer' }, address: chosen.address };

  // TLS (certificate evidence) and HTTP at once.
  const https = url.protocol === 'https:';
  const [tls, http] = await Promise.all([https ? tlsEvidence(ctx, host, chosen.address, port) : Promise.resolve(undefined), request(ctx, target, url, chosen.address, port)]);
  if (tls) candidate.tls = tls;
  const { exchange, body } = http;
  if (!http.reused) candidate.exchanges = [{ ...exchange, address: chosen.address }];
  candidate.http = {
    method: exchange.request.method,
    challenges: exchange.response?.challenges ?? [],
    ...(exchange.response ? { status: exchange.response.status, identity: exchange.response.identity, body: exchange.response.body } : {}),
    ...(exchange.response?.location !== undefined ? { location: exchange.response.location } : {}),
    ...(exchange.error ? { error: exchange.error } : {}),
  };
  const answer = classifyAnswer(target.probe, target.url, exchange, body);
  candidate.response = answer.response;
  if (answer.errorCode !== undefined) candidate.errorCode = answer.errorCode;
  if (answer.redirectTo !== undefined) candidate.redirectTo = answer.redirectTo;
  return { candidate, answer, address: chosen.address };
}

async function tlsEvidence(ctx: StepContext, host: string, address: string, port: number): Promise<AutodiscoverCandidate['tls']> {
  const known = reusedTls(ctx.view, host, address, port);
  if (known) {
    return {
      ...(known.protocol ? { protocol: known.protocol } : {}),
      ...(known.chain[0] ? { leaf: known.chain[0] } : {}),
      ...(known.trusted !== undefined ? { trusted: known.trusted } : {}),
      ...(known.nameMatches !== undefined ? { nameMatches: known.nameMatches } : {}),
      ...(known.error ? { error: known.error } : {}),
    };
  }
  const isLiteral = /^[\d.]+$|:/.test(host);
  const result = await tlsHandshake(
    { address, port, ...(isLiteral ? {} : { servername: host }), context: tlsContext(ctx.services.trustedCa, 'modern'), timeoutMs: STEP_TLS_TIMEOUT_MS, signal: ctx.signal },
    (socket) => inspectPeer(socket, host, ctx.services.now()),
  );
  if (!result.ok) return { ...(result.handshake.error ? { error: result.handshake.error } : {}) };
  return {
    ...(result.handshake.protocol ? { protocol: result.handshake.protocol } : {}),
    ...(result.inspected.chain[0] ? { leaf: result.inspected.chain[0] } : {}),
    ...(result.inspected.trusted !== undefined ? { trusted: result.inspected.trusted } : {}),
    ...(result.inspected.nameMatches !== undefined ? { nameMatches: result.inspected.nameMatches } : {}),
  };
}

/** The request of the candidate: the run's own anonymous POST when it has a complete one, else sent now. */
async function request(ctx: StepContext, target: StepTarget, url: URL, address: string, port: number): Promise<{ exchange: HttpExchange; body?: Buffer; reused?: true }> {
  if (target.probe === 'pox' && target.method !== 'redirect') {
    const known = reusedHttp(ctx.view, url.hostname.toLowerCase(), address, port);
    const preview = known?.response?.body.preview;
    // The recorded preview is the whole body only when it is short; otherwise ask again for the bytes.
    const whole = known?.response && (known.response.body.bytes === 0 || (preview !== undefined && Buffer.byteLength(preview) === known.response.body.bytes));
    if (known && whole && new URL(known.request.url).pathname.toLowerCase() === url.pathname.toLowerCase()) {
      return { exchange: known, body: Buffer.from(preview ?? '', 'utf8'), reused: true };
    }
  }
  let body: Buffer | undefined;
  const common = { url: target.url, address, signal: ctx.signal, timeoutMs: STEP_HTTP_TIMEOUT_MS, maxBodyBytes: MAX_POX_BYTES, onBody: (b: Buffer) => (body = b) };
  let exchange: HttpExchange;
  if (target.probe === 'pox') {
    const pox = autodiscoverRequest(target.email, { mapiHttp: ctx.mapiHttp });
    exchange = await sendHttpRequest(ctx.services, { ...common, method: 'POST', headers: pox.headers, ...(pox.body !== undefined ? { body: pox.body } : {}) });
  } else {
    const accept = target.probe === 'v2-json' ? 'application/json' : '*/*';
    exchange = await sendHttpRequest(ctx.services, { ...common, method: 'GET', headers: [['User-Agent', OUTLOOK_USER_AGENT], ['Accept', accept]] });
  }
  return { exchange, ...(body !== undefined ? { body } : {}) };
}

/** The admin's local XML (steps 2 and 8): read with the same cap as an answer, parsed the same way. */
async function readLocalXml(target: StepTarget, url: URL): Promise<StepResult> {
  const candidate: AutodiscoverCandidate = { method: target.method, url: target.url, host: '', decision: 'passed-over', response: 'no-answer' };
  let path: string;
  try {
    path = fileURLToPath(url);
  } catch {
    path = decodeURIComponent(url.pathname);
  }
  try {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(MAX_POX_BYTES + 1);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      const answer = fromPox(parsePoxResponse(buffer.subarray(0, bytesRead)), target.url);
      candidate.response = answer.response;
      if (answer.errorCode !== undefined) candidate.errorCode = answer.errorCode;
      if (answer.redirectTo !== undefined) candidate.redirectTo = answer.redirectTo;
      return { candidate, answer };
    } finally {
      await handle.close();
    }
  } catch (error) {
    candidate.http = { method: 'READ', challenges: [], error: { kind: 'other', message: `cannot read the local XML: ${(error as Error).message}` } };
    return { candidate, answer: { response: 'no-answer' } };
  }
}

function bare(target: StepTarget, host: string, answer: ClassifiedAnswer, http: AutodiscoverCandidate['http']): StepResult {
  return { candidate: { method: target.method, url: target.url, host, decision: 'passed-over', response: answer.response, ...(http ? { http } : {}) }, answer };
}
