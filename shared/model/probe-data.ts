/**
 * The typed data each probe records.
 *
 * This is the evidence the diagnosis rules read. It never holds a secret: probes redact before
 * they record (see `shared/redact.ts`). Later probes add their entries to `ProbeDataMap`.
 */

export type IpFamily = 4 | 6;

/** An error as evidence: a stable kind for rules, the raw code and message for people. */
export interface ErrorInfo<K extends string = string> {
  kind: K;
  code?: string;
  message: string;
}

// ---------------------------------------------------------------------------------------------
// Local network

export interface InterfaceAddress {
  address: string;
  family: IpFamily;
  /** CIDR notation if known. */
  cidr: string | null;
  /** 169.254.0.0/16 or fe80::/10. */
  linkLocal: boolean;
}

export interface NetInterface {
  name: string;
  mac: string | null;
  internal: boolean;
  addresses: InterfaceAddress[];
  /** Looks like a VPN or tunnel adapter (tun/tap/wintun/ppp or a known product name). */
  vpn: { reason: string } | null;
  /** Wired, wireless or unknown, from the name where the platform tells it. */
  medium: 'wired' | 'wireless' | 'virtual' | 'unknown';
  /**
   * The adapter's description where the platform has one (Windows: "Intel(R) Ethernet Connection
   * I219-LM", "Cisco AnyConnect Secure Mobility Client Virtual Miniport Adapter"), from a
   * collector such as `ipconfig /all`; absent on platforms that only have names.
   */
  description?: string;
}

export interface DefaultRoute {
  family: IpFamily;
  gateway: string;
  interface: string | null;
}

export interface LocalNetworkData {
  hostname: string;
  platform: string;
  interfaces: NetInterface[];
  /** `null` when the platform's routing table could not be read (then no finding relies on it). */
  defaultRoutes: DefaultRoute[] | null;
  routeSource: string | null;
  /** DNS servers the run uses, and where they came from. */
  dnsServers: string[];
  dnsServersSource: 'option' | 'system';
}

// ---------------------------------------------------------------------------------------------
// DNS

export type DnsErrorKind = 'nxdomain' | 'nodata' | 'servfail' | 'refused' | 'timeout' | 'network' | 'bad-name' | 'other';

export interface ResolvedAddress {
  address: string;
  family: IpFamily;
  ttl?: number;
}

export interface HostsFileEntry {
  address: string;
  line: number;
}

/** The operating system's view (or, with `--dns-server`, a stub resolver on those servers). */
export interface DnsSystemData {
  name: string;
  method: 'os-lookup' | 'resolver';
  servers?: string[];
  addresses: ResolvedAddress[];
  durationMs: number;
  error?: ErrorInfo<DnsErrorKind>;
  hostsFile: { path: string; entries: HostsFileEntry[]; error?: string };
}

export interface DnsRecord {
  name: string;
  type: string;
  ttl: number;
  data: string;
}

export interface DnsQueryResult {
  server: string;
  type: 'A' | 'AAAA' | 'SRV' | 'CNAME';
  durationMs: number;
  rcode?: string;
  answers: DnsRecord[];
  error?: ErrorInfo<DnsErrorKind>;
}

/** A fresh query straight to the DNS servers, each query timed. */
export interface DnsDirectData {
  name: string;
  servers: string[];
  queries: DnsQueryResult[];
  /** CNAME chain from the name to the final name, in order (empty when none). */
  cnameChain: string[];
  addresses: ResolvedAddress[];
  /** Worst outcome over all queries of the server that answered first; absent when fine. */
  error?: ErrorInfo<DnsErrorKind>;
  /** Longest time until an answer over the queries that produced the addresses. */
  durationMs: number;
}

export interface SrvTarget {
  target: string;
  port: number;
  priority: number;
  weight: number;
}

export interface DnsSrvData {
  name: string;
  records: SrvTarget[];
  durationMs: number;
  error?: ErrorInfo<DnsErrorKind>;
}

// ---------------------------------------------------------------------------------------------
// TCP

export type TcpErrorKind = 'refused' | 'timeout' | 'unreachable' | 'reset' | 'other';

export interface TcpData {
  host: string;
  address: string;
  family: IpFamily;
  port: number;
  connectMs?: number;
  localAddress?: string;
  error?: ErrorInfo<TcpErrorKind>;
}

// ---------------------------------------------------------------------------------------------
// TLS

export interface CertificateInfo {
  subject: string;
  issuer: string;
  subjectAltNames: string[];
  serialNumber: string;
  validFrom: string;
  validTo: string;
  /** Whole days until validTo, negative when expired, at the time of the probe. */
  daysLeft: number;
  keyType: string;
  keyBits: number | null;
  curve?: string;
  signatureAlgorithm: string;
  signatureAlgorithmOid: string;
  fingerprint256: string;
  isCA: boolean;
  selfSigned: boolean;
}

export type TlsErrorKind = 'alert' | 'reset' | 'closed' | 'timeout' | 'protocol' | 'other';

export interface TlsHandshake {
  protocol?: string;
  cipher?: string;
  alpn?: string | null;
  handshakeMs?: number;
  error?: ErrorInfo<TlsErrorKind>;
}

export interface TlsData extends TlsHandshake {
  host: string;
  address: string;
  port: number;
  servername: string;
  /** Leaf first. */
  chain: CertificateInfo[];
  /** Chain verification against Node's roots plus `--ca-file` (name checked separately). */
  trusted?: boolean;
  trustError?: ErrorInfo;
  nameMatches?: boolean;
  nameError?: string;
  /** Only when the normal handshake failed: a second one allowing TLS 1.0/1.1 only. */
  legacy?: TlsHandshake & { ok: boolean };
  /**
   * Root stores `trusted` was decided against: Node's bundled roots, the operating system's store
   * (Outlook trusts the Windows store; Node 20 cannot read it), and `--ca-file`. Absent = unknown.
   * Lets a rule say "not trusted by this tool" apart from "not trusted by Windows".
   */
  trustSources?: ('bundled' | 'system' | 'ca-file')[];
}

// ---------------------------------------------------------------------------------------------
// HTTP

export type HeaderList = [name: string, value: string][];

export interface AuthChallenge {
  /** Scheme as sent. */
  scheme: string;
  /** Auth parameters, names lower-cased. Secret values are never kept. */
  params: Record<string, string>;
  /** A token68 is never stored; only whether one was there and how long it was. */
  token68Length?: number;
}

export type ExchangeEndpoint =
  | 'autodiscover'
  | 'mapi'
  | 'rpc'
  | 'rpc-in-data'
  | 'ews'
  | 'owa'
  | 'healthcheck';

export type HttpErrorKind = 'timeout' | 'refused' | 'reset' | 'tls' | 'protocol' | 'too-large' | 'aborted' | 'other';

export interface HttpTimings {
  /** TCP connect, when this request opened a new connection. */
  connectMs?: number;
  tlsMs?: number;
  /** From sending the request until the response headers. */
  ttfbMs?: number;
  totalMs: number;
}

export interface ServerIdentity {
  server?: string;
  xFeServer?: string[];
  xBeServer?: string;
  xCalculatedBeTarget?: string;
  xDiagInfo?: string;
  requestId?: string;
  xOwaVersion?: string;
  xPoweredBy?: string;
}

export interface HttpBody {
  bytes: number;
  truncated: boolean;
  contentType?: string;
  /** Start of the body as text, capped; absent for binary bodies. */
  preview?: string;
}

export interface HttpExchange {
  request: { method: string; url: string; headers: HeaderList; bodyBytes?: number };
  response?: {
    status: number;
    statusText: string;
    httpVersion: string;
    headers: HeaderList;
    challenges: AuthChallenge[];
    identity: ServerIdentity;
    /** Server's Date header, and server time minus local time in ms. */
    date?: string;
    clockSkewMs?: number;
    location?: string;
    body: HttpBody;
  };
  timings: HttpTimings;
  startedAt: string;
  error?: ErrorInfo<HttpErrorKind>;
}

export interface HttpEndpointData extends HttpExchange {
  host: string;
  address: string;
  port: number;
  endpoint: ExchangeEndpoint;
  /** For health checks: the virtual directory asked. */
  vdir?: string;
}

// ---------------------------------------------------------------------------------------------
// Connectivity check (captive portal)

export interface ConnectivityData extends HttpExchange {
  url: string;
  expected: string;
  /** `ok`: expected body; `portal`: redirected or answered by something else; `unreachable`: no answer. */
  outcome: 'ok' | 'portal' | 'wrong-answer' | 'unreachable';
  redirectHost?: string;
}

// ---------------------------------------------------------------------------------------------
// DNS cache of the operating system (collector)

/** One record of a cached answer, as `ipconfig /displaydns` or `Get-DnsClientCache` list it. */
export interface DnsCacheRecord {
  /** Owner name of the record (a CNAME chain lists each link). */
  name: string;
  type: 'A' | 'AAAA' | 'CNAME' | 'SRV' | 'other';
  /** Seconds the entry still lives in the cache. */
  ttl: number;
  /** Address, CNAME target or SRV target as shown. */
  data: string;
}

/** The cached answer for one queried name; `negative` when the cache holds "name does not exist". */
export interface DnsCacheEntry {
  /** The queried name (the block header of `ipconfig /displaydns`), lower-case. */
  name: string;
  records: DnsCacheRecord[];
  negative?: 'nxdomain' | 'nodata';
}

/**
 * The operating system's DNS cache (probe id `dns.cache`, Windows collectors).
 *
 * Optional evidence: where it exists, rules can tell a stale cache entry from a wrong DNS server.
 */
export interface DnsCacheData {
  source: 'ipconfig /displaydns' | 'Get-DnsClientCache';
  entries: DnsCacheEntry[];
}

// ---------------------------------------------------------------------------------------------
// MTU (small vs large transfer on the same path)

/** One request/response exchange of the MTU probe over one connection to the path's address. */
export interface MtuExchange {
  /** Bytes the client sent (request line, headers and body). */
  requestBytes: number;
  /** Bytes the complete answer has (or was announced to have, e.g. by Content-Length). */
  responseBytes: number;
  /** Bytes of the answer that arrived before it ended. */
  receivedBytes: number;
  /**
   * `ok`: complete. `stalled`: the connection stayed open but no data moved until the probe's
   * deadline (what a path MTU black hole looks like). `failed`: an error ended it (reset, close).
   */
  outcome: 'ok' | 'stalled' | 'failed';
  durationMs: number;
  error?: ErrorInfo;
}

/** A ping sweep with "Don't Fragment" set (`ping -f -l SIZE` on Windows). */
export interface MtuDfSweep {
  /** Largest ICMP payload in bytes that got an answer; `null` when none did (ICMP blocked). */
  largestPassingPayload: number | null;
  /** Smallest payload that got no answer or "fragmentation needed", if any was tried. */
  smallestFailingPayload?: number;
}

/**
 * One path (host, address) of the MTU probe (probe id `mtu`): a small exchange that fits in one
 * packet each way and a large one that needs full-size packets, on the same path.
 *
 * Small passes, large stalls = packets above some size are dropped without the "too big" ICMP
 * message getting back (MTU black hole).
 */
export interface MtuData {
  host: string;
  address: string;
  family: IpFamily;
  port: number;
  small: MtuExchange;
  large: MtuExchange;
  /** Only where the platform can send DF pings. */
  dfSweep?: MtuDfSweep;
}

// ---------------------------------------------------------------------------------------------

export interface ProbeDataMap {
  'local.network': LocalNetworkData;
  /**
   * The same snapshot as `local.network`, taken again at the end of the run (and periodically by
   * the monitor); a difference to `local.network` means the network changed while probing.
   */
  'local.network-recheck': LocalNetworkData;
  'dns.cache': DnsCacheData;
  mtu: MtuData;
  'dns.system': DnsSystemData;
  'dns.direct': DnsDirectData;
  'dns.srv': DnsSrvData;
  tcp: TcpData;
  tls: TlsData;
  http: HttpEndpointData;
  connectivity: ConnectivityData;
}

export type ProbeId = keyof ProbeDataMap;
