import dgram from 'node:dgram';
import net from 'node:net';
import { decode, encode, type Answer, type DecodedPacket, type Packet } from 'dns-packet';

/** What the lab server knows about one name and how it answers questions for it. */
export interface LabDnsName {
  /** IPv4 and IPv6 addresses: A and AAAA records. */
  addresses?: string[];
  /** A CNAME to this name (a name has either a CNAME or other records). */
  cname?: string;
  srv?: { target: string; port: number; priority?: number; weight?: number }[];
  /** TTL of every record of the name (default 60 s). */
  ttl?: number;
  /** Answer with this error code instead of records; per type as `{ AAAA: 'SERVFAIL' }`. */
  rcode?: LabRcode | Partial<Record<LabRecordType, LabRcode>>;
  /**
   * Never answer questions for this name (UDP and TCP), or only those of the listed types
   * (`['AAAA']`: a firewall that drops AAAA queries).
   */
  silent?: boolean | LabRecordType[];
  /** Answer only after this many milliseconds (a slow DNS server). */
  delayMs?: number;
  /** Over UDP always answer truncated (TC bit, no records), whatever the size. */
  truncate?: boolean;
  /**
   * Over UDP, before the real answer send noise: garbage bytes, a datagram from another port,
   * an answer with a wrong id and one for another question. A correct client ignores them.
   */
  noiseFirst?: boolean;
}

export type LabRcode = 'NXDOMAIN' | 'SERVFAIL' | 'REFUSED' | 'FORMERR' | 'NOTIMP';
export type LabRecordType = 'A' | 'AAAA' | 'CNAME' | 'SRV';

/** Addresses only (A/AAAA), or the full description of a name. */
export type LabDnsEntry = string[] | LabDnsName;
export type LabDnsZone = Record<string, LabDnsEntry>;

export interface LabDnsServerOptions {
  zone?: LabDnsZone;
  /** Also listen on [::1] (same port where possible); default false. */
  ipv6?: boolean;
  /**
   * IPv4 loopback address and port to listen on; default 127.0.0.1 and a free port. Port 53 is
   * for the operating system's resolver, which knows no other port (`nameserver` in
   * /etc/resolv.conf): only as root, e.g. inside scripts/offline.sh.
   */
  host?: string;
  port?: number;
}

export interface LabDnsQuery {
  name: string;
  type: string;
  transport: 'udp' | 'tcp';
  id: number;
}

export interface LabDnsServer {
  /** `127.0.0.1:<port>` (or `host`), as `--dns-server` takes it. */
  readonly address: string;
  /** `[::1]:<port>` when `ipv6` was asked for and ::1 is available, else null. */
  readonly address6: string | null;
  /** Every address to pass as `dnsServers`. */
  readonly servers: string[];
  readonly port: number;
  /** Every question received so far, in order. */
  readonly queries: LabDnsQuery[];
  /** Adds or replaces a name (undefined removes it): for answers that change during a test. */
  set(name: string, entry: LabDnsEntry | undefined): void;
  /** Replaces the whole zone. */
  setZone(zone: LabDnsZone): void;
  /** While true the server receives questions (they are logged) but answers none. */
  setSilent(silent: boolean): void;
  close(): Promise<void>;
}

/** CNAME steps followed within the zone before answering SERVFAIL: protects against loops. */
const MAX_CHAIN = 8;
/** Classic DNS limit without EDNS. */
const CLASSIC_UDP_SIZE = 512;
/** Largest EDNS payload size we honour: the common server default. */
const MAX_UDP_SIZE = 4096;
/** A TCP client sending more than this without a complete question is cut off. */
const MAX_TCP_BUFFER = 2 + 65_535;
const DEFAULT_TTL = 60;
/** What the noise datagrams of `noiseFirst` claim: a test asserting on it sees a client fooled. */
export const SPOOFED_ADDRESS = '127.66.66.66';

type Answered = { rcode: string; answers: Answer[]; silent: boolean; delayMs: number };

/**
 * A real DNS server for tests: UDP and TCP on 127.0.0.1 (and optionally ::1), one random port.
 *
 * It stands in for a company's DNS server, so the engine can be pointed at it with
 * `--dns-server 127.0.0.1:<port>` (`RunInput.dnsServers = lab.servers`) and names like
 * `mail.contoso.test` resolve to loopback addresses where other lab servers listen.
 *
 * ```ts
 * const dns = await startLabDnsServer({
 *   zone: {
 *     'mail.contoso.test': ['127.0.0.2', '127.0.0.3', '::1'],      // A and AAAA
 *     'autodiscover.contoso.test': { cname: 'mail.contoso.test' }, // CNAME (chased like a resolver)
 *     '_autodiscover._tcp.contoso.test': { srv: [{ target: 'mail.contoso.test', port: 443 }] },
 *     'broken.contoso.test': { rcode: 'SERVFAIL' },
 *     'hole.contoso.test': { silent: true },                       // never answered
 *     'slow.contoso.test': { addresses: ['127.0.0.2'], delayMs: 1500 },
 *   },
 * });
 * dns.set('mail.contoso.test', ['127.0.0.9']); // change an answer at run time
 * dns.setSilent(true);                         // the whole server stops answering
 * await dns.close();
 * ```
 *
 * Unknown names answer NXDOMAIN; a known name without records of the asked type answers
 * NOERROR with no records (NODATA). Names compare case-insensitively, without a trailing dot.
 * A CNAME is followed within the zone (at most 8 steps) and the whole chain is answered, as a
 * recursive resolver does; a chain into an unknown name ends NXDOMAIN with the CNAMEs so far.
 * UDP answers bigger than the client's announced size (512 bytes without EDNS) come back
 * truncated (TC bit, no records), so the client must retry over TCP.
 */
export async function startLabDnsServer(options: LabDnsServerOptions = {}): Promise<LabDnsServer> {
  const zone = new Map<string, LabDnsName>();
  const setZone = (z: LabDnsZone) => {
    zone.clear();
    for (const [name, entry] of Object.entries(z)) zone.set(key(name), normalizeEntry(entry));
  };
  setZone(options.zone ?? {});
  let silent = false;
  const queries: LabDnsQuery[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<net.Socket>();
  let closed = false;

  const later = (ms: number, fn: () => void) => {
    if (ms <= 0) {
      fn();
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!closed) fn();
    }, ms);
    timers.add(timer);
  };

  const lookupZone = (name: string, type: string): Answered => {
    const answers: Answer[] = [];
    let current = key(name);
    let delayMs = 0;
    for (let step = 0; step <= MAX_CHAIN; step += 1) {
      const entry = zone.get(current);
      if (!entry) return { rcode: 'NXDOMAIN', answers, silent: false, delayMs };
      delayMs += entry.delayMs ?? 0;
      if (entry.silent === true || (Array.isArray(entry.silent) && entry.silent.includes(type as LabRecordType))) {
        return { rcode: 'NOERROR', answers, silent: true, delayMs };
      }
      const rcode = typeof entry.rcode === 'string' ? entry.rcode : entry.rcode?.[type as LabRecordType];
      if (rcode) return { rcode, answers, silent: false, delayMs };
      const ttl = entry.ttl ?? DEFAULT_TTL;
      if (entry.cname && type !== 'CNAME') {
        answers.push({ type: 'CNAME', name: current, ttl, class: 'IN', data: entry.cname });
        current = key(entry.cname);
        continue;
      }
      answers.push(...recordsOf(current, entry, type, ttl));
      return { rcode: 'NOERROR', answers, silent: false, delayMs };
    }
    return { rcode: 'SERVFAIL', answers: [], silent: false, delayMs };
  };

  /** Builds the answer for one query packet, or null when it must stay unanswered. */
  const respond = (query: DecodedPacket, transport: 'udp' | 'tcp', reply: (bytes: Buffer, response: Packet) => void) => {
    const question = query.questions?.[0];
    if (!question || query.type !== 'query') return;
    queries.push({ name: key(question.name), type: question.type, transport, id: query.id ?? 0 });
    if (silent) return;
    const entry = zone.get(key(question.name));
    const result = lookupZone(question.name, question.type);
    if (result.silent) return;
    const response: Packet = {
      type: 'response',
      id: query.id ?? 0,
      // AA + RD copied + RA, with the rcode in the low bits.
      flags: 0x0400 | ((query.flags ?? 0) & 0x0100) | 0x0080 | rcodeNumber(result.rcode),
      questions: [question],
      answers: result.answers,
    };
    let bytes = encode(response);
    if (transport === 'udp') {
      const opt = query.additionals?.find((a) => a.type === 'OPT') as { udpPayloadSize?: number } | undefined;
      const limit = opt?.udpPayloadSize ? Math.min(Math.max(opt.udpPayloadSize, CLASSIC_UDP_SIZE), MAX_UDP_SIZE) : CLASSIC_UDP_SIZE;
      if (entry?.truncate || bytes.length > limit) {
        bytes = encode({ ...response, flags: (response.flags ?? 0) | 0x0200, answers: [] });
      }
    }
    later(result.delayMs, () => reply(bytes, response));
  };

  let noise: dgram.Socket | null = null;

  const onDatagram = (socket: dgram.Socket) => (message: Buffer, peer: dgram.RemoteInfo) => {
    let query: DecodedPacket;
    try {
      query = decode(message);
    } catch {
      return;
    }
    const send = (bytes: Buffer, from: dgram.Socket | null = socket) => {
      if (!closed && from) from.send(bytes, peer.port, peer.address);
    };
    respond(query, 'udp', (bytes, response) => {
      const question = query.questions?.[0];
      if (question && zone.get(key(question.name))?.noiseFirst) {
        // Each of these carries a spoofed address, so a client that accepts one shows it.
        const spoofed: Packet = { ...response, answers: [{ type: 'A', name: question.name, ttl: 1, class: 'IN', data: SPOOFED_ADDRESS }] };
        send(Buffer.from('this is not a DNS message'));
        send(encode({ ...spoofed, id: ((query.id ?? 0) + 1) & 0xffff }));
        send(encode({ ...spoofed, questions: [{ ...question, name: `other.${question.name}` }] }));
        send(encode({ ...spoofed, questions: [{ ...question, type: question.type === 'A' ? 'AAAA' : 'A' }] }));
        if (peer.family === 'IPv4') send(encode(spoofed), noise);
      }
      send(bytes);
    });
  };

  const onConnection = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let buffered = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (buffered.length > MAX_TCP_BUFFER * 2) {
        socket.destroy();
        return;
      }
      while (buffered.length >= 2) {
        const length = buffered.readUInt16BE(0);
        if (buffered.length < 2 + length) return;
        const frame = buffered.subarray(2, 2 + length);
        buffered = buffered.subarray(2 + length);
        let query: DecodedPacket;
        try {
          query = decode(frame);
        } catch {
          socket.destroy();
          return;
        }
        respond(query, 'tcp', (bytes) => {
          if (socket.destroyed) return;
          const prefix = Buffer.alloc(2);
          prefix.writeUInt16BE(bytes.length);
          socket.write(Buffer.concat([prefix, bytes]));
        });
      }
    });
  };

  const makeUdp = (type: 'udp4' | 'udp6') => () => {
    const socket = dgram.createSocket(type === 'udp6' ? { type, ipv6Only: true } : { type });
    socket.on('message', onDatagram(socket));
    socket.on('error', () => undefined);
    return socket;
  };
  const tcp4 = net.createServer(onConnection);
  const host = options.host ?? '127.0.0.1';
  const { udp: udp4, port } = await bindPair(host, options.port ?? 0, makeUdp('udp4'), tcp4);
  noise = dgram.createSocket('udp4');
  noise.on('error', () => undefined);
  await bindUdp(noise, '127.0.0.1', 0);

  let udp6: dgram.Socket | null = null;
  let tcp6: net.Server | null = null;
  let address6: string | null = null;
  if (options.ipv6) {
    const server = net.createServer(onConnection);
    try {
      udp6 = (await bindPair('::1', port, makeUdp('udp6'), server)).udp;
      tcp6 = server;
      address6 = `[::1]:${port}`;
    } catch {
      // No IPv6 loopback here (or the port is taken on ::1): callers check address6.
    }
  }

  const address = `${host}:${port}`;
  return {
    address,
    address6,
    servers: address6 ? [address, address6] : [address],
    port,
    queries,
    set(name, entry) {
      if (entry === undefined) zone.delete(key(name));
      else zone.set(key(name), normalizeEntry(entry));
    },
    setZone,
    setSilent(value) {
      silent = value;
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const socket of sockets) socket.destroy();
      closeQuietly(udp4);
      if (noise) closeQuietly(noise);
      if (udp6) closeQuietly(udp6);
      await Promise.all([tcp4, tcp6].filter((s): s is net.Server => s !== null).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    },
  };
}

function key(name: string): string {
  return name.trim().replace(/\.$/, '').toLowerCase();
}

function normalizeEntry(entry: LabDnsEntry): LabDnsName {
  return Array.isArray(entry) ? { addresses: entry } : entry;
}

function recordsOf(name: string, entry: LabDnsName, type: string, ttl: number): Answer[] {
  switch (type) {
    case 'A':
      return (entry.addresses ?? []).filter((a) => net.isIPv4(a)).map((data) => ({ type: 'A', name, ttl, class: 'IN', data }));
    case 'AAAA':
      return (entry.addresses ?? []).filter((a) => net.isIPv6(a)).map((data) => ({ type: 'AAAA', name, ttl, class: 'IN', data }));
    case 'CNAME':
      return entry.cname ? [{ type: 'CNAME', name, ttl, class: 'IN', data: entry.cname }] : [];
    case 'SRV':
      return (entry.srv ?? []).map((s) => ({
        type: 'SRV',
        name,
        ttl,
        class: 'IN',
        data: { target: s.target, port: s.port, priority: s.priority ?? 0, weight: s.weight ?? 0 },
      }));
    default:
      return [];
  }
}

function rcodeNumber(rcode: string): number {
  return { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 }[rcode] ?? 2;
}

/**
 * A UDP socket and the TCP server on one port number.
 *
 * With port 0 the UDP socket picks a free port and TCP takes the same; when another process
 * holds it for TCP, a fresh UDP socket tries another.
 */
async function bindPair(host: string, port: number, makeUdp: () => dgram.Socket, tcp: net.Server): Promise<{ udp: dgram.Socket; port: number }> {
  const attempts = port === 0 ? 20 : 1;
  let lastError: unknown;
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const udp = makeUdp();
    try {
      await bindUdp(udp, host, port);
      const bound = udp.address().port;
      await listenTcp(tcp, host, bound);
      return { udp, port: bound };
    } catch (error) {
      lastError = error;
      closeQuietly(udp);
    }
  }
  throw lastError instanceof Error ? lastError : new Error(`no free port on ${host}`);
}

function bindUdp(socket: dgram.Socket, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    socket.once('error', onError);
    socket.bind(port, host, () => {
      socket.off('error', onError);
      resolve();
    });
  });
}

function listenTcp(server: net.Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

function closeQuietly(socket: dgram.Socket) {
  try {
    socket.close();
  } catch {
    // Not bound or already closed.
  }
}
