import { randomInt } from 'node:crypto';
import dgram from 'node:dgram';
import net from 'node:net';
import { decode, encode, type Answer, type DecodedPacket } from 'dns-packet';
import type { DnsErrorKind, DnsQueryResult, DnsRecord, ErrorInfo, SrvTarget } from '../../../shared/model/probe-data';
import { checkDnsServer, formatHostPort, isIPv6 } from '../../../shared/validate';

/**
 * Per-query deadline (UDP, retransmit and TCP fallback together): a healthy resolver answers in
 * well under 100 ms, one that needs more than 2 s makes Outlook's own lookups fail; short enough
 * that two rounds still fit in the 10 s run.
 */
export const DNS_QUERY_TIMEOUT_MS = 2_000;

/** UDP retransmit after this long without an answer: Windows' stub resolver waits 1 s before its first retry. */
export const DNS_RETRANSMIT_MS = 1_000;

/**
 * EDNS(0) payload size we announce: 1232 bytes is the DNS Flag Day 2020 value that avoids IP
 * fragmentation; bigger answers come back truncated and are fetched over TCP.
 */
export const EDNS_UDP_PAYLOAD = 1_232;

/** Largest datagram we look at: an answer never exceeds the 64 KiB UDP limit; anything bigger is not DNS. */
const MAX_UDP_BYTES = 65_535;

/** A TCP answer is one 2-byte length frame (≤ 64 KiB); a few stray frames before it are tolerated, more is abuse. */
const MAX_TCP_BYTES = 4 * (2 + 65_535);

/** Records kept per answer: a real answer has a handful; this bounds evidence from a hostile server. */
const MAX_RECORDS = 64;

/** Longest text kept of one record's name or data: DNS names are ≤ 253 characters. */
const MAX_TEXT = 300;

export type DnsQueryType = DnsQueryResult['type'];

export interface DnsQueryOptions {
  /** `ip`, `ip:port` or `[ipv6]:port`; port 53 when none is given. */
  server: string;
  name: string;
  type: DnsQueryType;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** One query's outcome: the evidence record plus the parsed SRV targets (for the SRV probe). */
export interface DnsQueryOutcome extends DnsQueryResult {
  /** SRV records of the answer in structured form (empty for other types). */
  srv: SrvTarget[];
  /** Whether the UDP answer had the TC bit, so the answer came over TCP. */
  truncated: boolean;
}

/**
 * Asks one DNS server one question, the way a stub resolver does.
 *
 * UDP first (random id, EDNS(0), one retransmit), TCP when the answer is truncated. Only a
 * response whose id and question match ours is accepted; stray or broken datagrams are ignored
 * and we keep waiting until the deadline. Never throws: every failure is an `error` with a
 * `DnsErrorKind` (`timeout` also when the signal aborts), and sockets are always closed.
 */
export async function queryDns(options: DnsQueryOptions): Promise<DnsQueryOutcome> {
  const started = performance.now();
  const name = normalizeName(options.name);
  const parsed = checkDnsServer(options.server);
  const server = parsed.ok ? formatHostPort(parsed.value.address, parsed.value.port) : options.server;
  const base = { server, type: options.type, answers: [] as DnsRecord[], srv: [] as SrvTarget[], truncated: false };
  const elapsed = () => Math.round(performance.now() - started);

  if (!parsed.ok) {
    return { ...base, durationMs: 0, error: { kind: 'other', code: 'EBADSERVER', message: `not a DNS server address: ${options.server}` } };
  }
  const nameProblem = checkQueryName(name);
  if (nameProblem) {
    return { ...base, durationMs: 0, error: { kind: 'bad-name', code: 'EBADNAME', message: nameProblem } };
  }

  const deadline = new AbortController();
  const timer = setTimeout(
    () => deadline.abort(new DOMException(`no answer within ${options.timeoutMs ?? DNS_QUERY_TIMEOUT_MS} ms`, 'TimeoutError')),
    options.timeoutMs ?? DNS_QUERY_TIMEOUT_MS,
  );
  const signal = options.signal ? AbortSignal.any([options.signal, deadline.signal]) : deadline.signal;
  const target = { address: parsed.value.address, port: parsed.value.port };
  const id = randomInt(0, 0x10000);
  const question = { name, type: options.type };

  let truncated = false;
  try {
    let response = await udpExchange(target, id, question, signal);
    let transport: 'udp' | 'tcp' = 'udp';
    if (response.flag_tc) {
      truncated = true;
      transport = 'tcp';
      response = await tcpExchange(target, id, question, signal);
    }
    const rcode = (response as DecodedPacket & { rcode?: string }).rcode ?? 'UNKNOWN';
    const records = (response.answers ?? []).slice(0, MAX_RECORDS);
    const answers = records.map(toRecord).filter((r): r is DnsRecord => r !== null);
    const srv = records.flatMap((r) => (r.type === 'SRV' ? [toSrv(r.data)] : []));
    const error = rcodeError(rcode, answers, options.type, name);
    return { ...base, durationMs: elapsed(), rcode, answers, srv, truncated, transport, ...(error ? { error } : {}) };
  } catch (error) {
    const info = exchangeError(error, signal);
    if (truncated) info.message = `answer truncated over UDP, TCP failed: ${info.message}`;
    return { ...base, durationMs: elapsed(), truncated, ...(truncated ? { transport: 'tcp' as const } : {}), error: info };
  } finally {
    clearTimeout(timer);
  }
}

/** The evidence of one query, without the client's working fields (parsed SRV, TC flag). */
export function queryEvidence(q: DnsQueryOutcome): DnsQueryResult {
  return {
    server: q.server,
    type: q.type,
    durationMs: q.durationMs,
    ...(q.rcode !== undefined ? { rcode: q.rcode } : {}),
    answers: q.answers,
    ...(q.error ? { error: q.error } : {}),
    ...(q.transport ? { transport: q.transport } : {}),
  };
}

/** Lower case without the trailing dot: DNS compares names case-insensitively. */
export function normalizeName(name: string): string {
  return name.trim().replace(/\.$/, '').toLowerCase();
}

/** Why a name cannot be asked (RFC 1035 limits), or null. */
export function checkQueryName(name: string): string | null {
  if (name.length === 0) return 'empty name';
  if (Buffer.byteLength(name) > 253) return 'name longer than 253 bytes';
  for (const label of name.split('.')) {
    if (label.length === 0) return 'empty label in name';
    if (Buffer.byteLength(label) > 63) return 'label longer than 63 bytes';
  }
  // Printable ASCII only: a name with control characters or spaces is a typo, never a host.
  if (!/^[\x21-\x7e]+$/.test(name)) return 'name contains characters a host name cannot have';
  return null;
}

interface Question {
  name: string;
  type: DnsQueryType;
}

interface Target {
  address: string;
  port: number;
}

function buildQuery(id: number, question: Question, edns: boolean): Buffer {
  return encode({
    type: 'query',
    id,
    flags: 0x0100, // RD: a stub resolver asks the server to recurse.
    questions: [{ name: question.name, type: question.type, class: 'IN' }],
    additionals: edns ? [{ type: 'OPT', name: '.', udpPayloadSize: EDNS_UDP_PAYLOAD, extendedRcode: 0, ednsVersion: 0, flags: 0, flag_do: false, options: [] }] : [],
  });
}

/** Decodes a datagram or frame and returns it only when it answers our question. */
function matchingResponse(buffer: Buffer, id: number, question: Question): DecodedPacket | null {
  let packet: DecodedPacket;
  try {
    packet = decode(buffer);
  } catch {
    return null;
  }
  if (packet.id !== id || !packet.flag_qr) return null;
  const questions = packet.questions ?? [];
  if (questions.length === 0) {
    // Some servers drop the question from an error answer; only an error may come without it.
    const rcode = (packet as DecodedPacket & { rcode?: string }).rcode;
    return rcode && rcode !== 'NOERROR' ? packet : null;
  }
  const q = questions[0]!;
  return questions.length === 1 && normalizeName(q.name) === question.name && q.type === question.type && (q.class ?? 'IN') === 'IN' ? packet : null;
}

function udpExchange(target: Target, id: number, question: Question, signal: AbortSignal): Promise<DecodedPacket> {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket({ type: isIPv6(target.address) ? 'udp6' : 'udp4' });
    const query = buildQuery(id, question, true);
    let retransmit: NodeJS.Timeout | undefined;
    let done = false;
    const finish = (error: unknown, packet?: DecodedPacket) => {
      if (done) return;
      done = true;
      clearTimeout(retransmit);
      signal.removeEventListener('abort', onAbort);
      socket.removeAllListeners('message');
      // An error after close (a late ICMP) must not become an unhandled 'error' event.
      socket.on('error', () => undefined);
      try {
        socket.close();
      } catch {
        // Already closed.
      }
      if (packet) resolve(packet);
      else reject(error instanceof Error ? error : new Error(String(error)));
    };
    const onAbort = () => finish(signal.reason);
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    socket.on('error', (error) => finish(error));
    socket.on('message', (message) => {
      if (message.length > MAX_UDP_BYTES) return;
      const packet = matchingResponse(message, id, question);
      if (packet) finish(null, packet);
    });
    const send = () => socket.send(query, (error) => error && finish(error));
    // A connected socket only receives datagrams from the server and reports ICMP "port
    // unreachable" as ECONNREFUSED, so a server that is not there fails fast.
    socket.connect(target.port, target.address, () => {
      if (done) return;
      send();
      retransmit = setTimeout(send, DNS_RETRANSMIT_MS);
    });
  });
}

function tcpExchange(target: Target, id: number, question: Question, signal: AbortSignal): Promise<DecodedPacket> {
  return new Promise((resolve, reject) => {
    signal.throwIfAborted();
    const socket = net.connect({ host: target.address, port: target.port });
    let buffered = Buffer.alloc(0);
    let received = 0;
    let done = false;
    const finish = (error: unknown, packet?: DecodedPacket) => {
      if (done) return;
      done = true;
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
      if (packet) resolve(packet);
      else reject(error instanceof Error ? error : new Error(String(error)));
    };
    const onAbort = () => finish(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    socket.on('error', (error) => finish(error));
    socket.on('close', () => finish(Object.assign(new Error('connection closed without an answer'), { code: 'ECLOSED' })));
    socket.on('connect', () => {
      // Over TCP there is no size limit to announce, so no EDNS record.
      const query = buildQuery(id, question, false);
      const length = Buffer.alloc(2);
      length.writeUInt16BE(query.length);
      socket.write(Buffer.concat([length, query]));
    });
    socket.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > MAX_TCP_BYTES) {
        finish(Object.assign(new Error(`more than ${MAX_TCP_BYTES} bytes without a matching answer`), { code: 'ETOOBIG' }));
        return;
      }
      buffered = Buffer.concat([buffered, chunk]);
      while (buffered.length >= 2) {
        const length = buffered.readUInt16BE(0);
        if (buffered.length < 2 + length) return;
        const packet = matchingResponse(buffered.subarray(2, 2 + length), id, question);
        if (packet) {
          finish(null, packet);
          return;
        }
        buffered = buffered.subarray(2 + length);
      }
    });
  });
}

function rcodeError(rcode: string, answers: DnsRecord[], type: DnsQueryType, name: string): ErrorInfo<DnsErrorKind> | undefined {
  switch (rcode) {
    case 'NOERROR':
      return answers.some((a) => a.type === type)
        ? undefined
        : { kind: 'nodata', code: 'NOERROR', message: `${name} exists but has no ${type} record` };
    case 'NXDOMAIN':
      return { kind: 'nxdomain', code: rcode, message: `${name} does not exist (NXDOMAIN)` };
    case 'SERVFAIL':
      return { kind: 'servfail', code: rcode, message: `the DNS server failed to answer for ${name} (SERVFAIL)` };
    case 'REFUSED':
      return { kind: 'refused', code: rcode, message: `the DNS server refused to answer (REFUSED)` };
    default:
      return { kind: 'other', code: rcode, message: `the DNS server answered ${rcode}` };
  }
}

function exchangeError(error: unknown, signal: AbortSignal): ErrorInfo<DnsErrorKind> {
  if (signal.aborted) {
    const reason = signal.reason as { name?: string; message?: string } | undefined;
    const timedOut = reason?.name === 'TimeoutError';
    return {
      kind: timedOut ? 'timeout' : 'other',
      code: timedOut ? 'ETIMEOUT' : 'ECANCELLED',
      message: timedOut ? (reason?.message ?? 'no answer in time') : 'query cancelled',
    };
  }
  const code = (error as NodeJS.ErrnoException).code;
  const message = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'ECONNREFUSED':
    case 'ECONNRESET':
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
    case 'EADDRNOTAVAIL':
    case 'EPIPE':
    case 'ECLOSED':
      return { kind: 'network', code, message };
    default:
      return { kind: 'other', ...(code ? { code } : {}), message };
  }
}

/** Control characters from a hostile server must not reach logs or the report as they are. */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\x00-\x1f\x7f]/g, '?').slice(0, MAX_TEXT);
}

function toRecord(answer: Answer): DnsRecord | null {
  if (answer.type === 'OPT') return null;
  const ttl = 'ttl' in answer && typeof answer.ttl === 'number' ? answer.ttl : 0;
  let data: string;
  switch (answer.type) {
    case 'A':
    case 'AAAA':
    case 'CNAME':
      data = answer.data;
      break;
    case 'SRV': {
      const srv = toSrv(answer.data);
      data = `${srv.priority} ${srv.weight} ${srv.port} ${srv.target}`;
      break;
    }
    default:
      data = Buffer.isBuffer(answer.data) ? `(${answer.data.length} bytes)` : JSON.stringify(answer.data);
  }
  return { name: clean(answer.name), type: answer.type, ttl, data: clean(data) };
}

function toSrv(data: { target: string; port: number; priority?: number | undefined; weight?: number | undefined }): SrvTarget {
  return { target: clean(normalizeName(data.target)), port: data.port, priority: data.priority ?? 0, weight: data.weight ?? 0 };
}
