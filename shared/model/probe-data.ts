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
  /**
   * Where the addresses came from, when the engine can tell (method `resolver`): the hosts file
   * pins the name, or the DNS servers answered. The OS lookup does not say.
   */
  source?: 'hosts-file' | 'dns';
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
  /** `tcp` when the UDP answer was truncated and the question was asked again over TCP. */
  transport?: 'udp' | 'tcp';
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

/**
 * The SRV record `_autodiscover._tcp.<domain>`.
 *
 * No record (NXDOMAIN or no SRV data) is the normal case for most domains: the probe then ends
 * `ok` with no records and says why in `error`.
 */
export interface DnsSrvData {
  name: string;
  /** Sorted as a client uses them: priority ascending, then weight descending. */
  records: SrvTarget[];
  durationMs: number;
  error?: ErrorInfo<DnsErrorKind>;
  /** Servers asked and each query, as in `DnsDirectData`. */
  servers?: string[];
  queries?: DnsQueryResult[];
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
  /** `DNS:name`, `IP:address`, `email:…`, `URI:…` in certificate order. */
  subjectAltNames: string[];
  serialNumber: string;
  /** ISO 8601. */
  validFrom: string;
  validTo: string;
  /** Whole days until validTo, negative when expired, at the time of the probe. */
  daysLeft: number;
  /** Node's key type: `rsa`, `rsa-pss`, `ec`, `ed25519`, `dsa`, … */
  keyType: string;
  /** RSA modulus or curve size; null when unknown. */
  keyBits: number | null;
  curve?: string;
  signatureAlgorithm: string;
  signatureAlgorithmOid: string;
  fingerprint256: string;
  isCA: boolean;
  selfSigned: boolean;
}

export type TlsErrorKind = 'alert' | 'reset' | 'closed' | 'timeout' | 'protocol' | 'other';

/** A TLS alert the server sent, e.g. `{ name: 'protocol_version', number: 70 }` (RFC 8446 names). */
export interface TlsAlert {
  name: string;
  number?: number;
}

/** Why the chain is not trusted, from OpenSSL's verification code (kept in `code`). */
export type TlsTrustErrorKind = 'expired' | 'not-yet-valid' | 'self-signed' | 'untrusted' | 'revoked' | 'invalid' | 'other';

export interface TlsHandshake {
  protocol?: string;
  cipher?: string;
  alpn?: string | null;
  /** From the TCP connect to the finished handshake (TCP connect time is the TCP probe's). */
  handshakeMs?: number;
  error?: ErrorInfo<TlsErrorKind>;
  /** Present when `error.kind` is `alert`. */
  alert?: TlsAlert;
}

export interface TlsData extends TlsHandshake {
  host: string;
  address: string;
  port: number;
  /** SNI sent; empty for an IP literal (no SNI). */
  servername: string;
  /**
   * Leaf first, as presented in the normal handshake, or in the legacy one when only that
   * succeeded; empty when no handshake succeeded.
   */
  chain: CertificateInfo[];
  /** Chain verification against Node's roots plus `--ca-file` (name checked separately). */
  trusted?: boolean;
  trustError?: ErrorInfo<TlsTrustErrorKind>;
  nameMatches?: boolean;
  nameError?: string;
  /** Only when the normal handshake failed: a second one allowing TLS 1.0/1.1 only. */
  legacy?: TlsHandshake & { ok: boolean };
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

/**
 * Why an HTTP exchange has no (complete) answer.
 *
 * `too-large`: the response headers exceeded the limit; `protocol`: not parseable as HTTP/1.x;
 * `unreachable`: no route to the address; `dns`: the name did not resolve (connectivity check).
 * A body cut at the size cap is not an error (`body.truncated`).
 */
export type HttpErrorKind =
  | 'timeout'
  | 'refused'
  | 'reset'
  | 'tls'
  | 'protocol'
  | 'too-large'
  | 'aborted'
  | 'unreachable'
  | 'dns'
  | 'other';

export interface HttpTimings {
  /** TCP connect, when this request opened a new connection. */
  connectMs?: number;
  tlsMs?: number;
  /** From sending the request until the response headers. */
  ttfbMs?: number;
  totalMs: number;
  /** Whether the request went over a connection an earlier request had opened. */
  reusedConnection?: boolean;
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
    /** As received, duplicates kept; Set-Cookie values and token68 in challenges redacted. */
    headers: HeaderList;
    challenges: AuthChallenge[];
    /** What the WWW-Authenticate parser had to skip or guess (absent when nothing). */
    challengeProblems?: string[];
    identity: ServerIdentity;
    /** Server's Date header, and server time minus local time in ms. */
    date?: string;
    clockSkewMs?: number;
    /** As sent (tokens in the query redacted); redirects are recorded, never followed. */
    location?: string;
    body: HttpBody;
  };
  timings: HttpTimings;
  startedAt: string;
  error?: ErrorInfo<HttpErrorKind>;
}

/**
 * What answered an Exchange URL, as far as one anonymous answer tells.
 *
 * `exchange-like`: Exchange's own headers, a WWW-Authenticate challenge, or the health check's
 * `200 OK<br/>SERVER` answer; `not-exchange`: an HTML page or a redirect without any challenge
 * and without Exchange headers, or a redirect to another host (a portal, a reverse proxy's
 * login, a web server that is not Exchange); `unknown`: anything else (errors, bare 404/5xx).
 */
export interface ResponderInfo {
  verdict: 'exchange-like' | 'not-exchange' | 'unknown';
  reason:
    | 'exchange-headers'
    | 'challenge'
    | 'healthcheck-answer'
    | 'html-without-challenge'
    | 'redirect-without-challenge'
    | 'redirect-foreign-host'
    | 'no-response'
    | 'other';
  /** Exchange-specific response headers seen (lower-case names, e.g. `x-feserver`). */
  exchangeHeaders: string[];
  challenged: boolean;
  /** The body is an HTML page (by content type or by its start). */
  html: boolean;
  /** Host of the redirect target, and whether it differs from the host asked. */
  redirectHost?: string;
  redirectForeign?: boolean;
}

export interface HttpEndpointData extends HttpExchange {
  host: string;
  address: string;
  port: number;
  endpoint: ExchangeEndpoint;
  /** For health checks: the virtual directory asked. */
  vdir?: string;
  /** Why this host was asked: the Exchange host, or an Autodiscover name of the mail domain. */
  role?: 'exchange' | 'autodiscover-name';
  responder?: ResponderInfo;
  /** For health checks answered `200 OK<br/>NAME`: the server name in the body. */
  healthServer?: string;
}

// ---------------------------------------------------------------------------------------------
// Connectivity check (captive portal)

export interface ConnectivityData extends HttpExchange {
  url: string;
  expected: string;
  /** `ok`: expected body; `portal`: redirected or answered by something else; `unreachable`: no answer. */
  outcome: 'ok' | 'portal' | 'wrong-answer' | 'unreachable';
  redirectHost?: string;
  /** Why `portal`: a redirect to another host, an HTML page, or 511 Network Authentication Required. */
  portalReason?: 'redirect-foreign-host' | 'html-page' | 'network-authentication-required';
  /** The address asked (after the name lookup) and every address the lookup returned. */
  address?: string;
  addresses?: string[];
  lookupMs?: number;
}

// ---------------------------------------------------------------------------------------------

export interface ProbeDataMap {
  'local.network': LocalNetworkData;
  'dns.system': DnsSystemData;
  'dns.direct': DnsDirectData;
  'dns.srv': DnsSrvData;
  tcp: TcpData;
  tls: TlsData;
  http: HttpEndpointData;
  connectivity: ConnectivityData;
}

export type ProbeId = keyof ProbeDataMap;
