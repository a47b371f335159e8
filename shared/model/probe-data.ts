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
  /**
   * Windows, from `collector.net-adapters` (Get-NetAdapter), joined by the diagnosis
   * (`withNetAdapterFacts`), not by the probe: the adapter's status (`Up`, `Disconnected`, …).
   */
  status?: string;
  /** Windows, joined like `status`: the network of this adapter as Get-NetConnectionProfile names and classifies it. */
  network?: { name: string; category: string; ipv4Connectivity: string; ipv6Connectivity: string };
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
  /**
   * `null` when the platform's routing table could not be read (then no finding relies on it).
   * Linux: /proc; Windows: `route print`; macOS: `netstat -rn` (from the collectors). A default
   * route without a next hop (on-link, typical of VPN tunnels) has the gateway `0.0.0.0` / `::`.
   */
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
  /**
   * SHA-256 of the certificate's SubjectPublicKeyInfo (DER), colon-separated hex like
   * `fingerprint256`: the key itself, whatever certificate carries it. A TLS-inspecting device
   * can copy every name of a CA but not its key. Absent in reports made before it was recorded.
   */
  spkiSha256?: string;
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
  /**
   * The request went out on a ready connection (TCP and TLS done) and no response headers came:
   * how long it waited until the exchange ended (its timeout, the run's deadline). Absent when
   * headers came or the request never got that far.
   */
  unansweredMs?: number;
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
  /**
   * `x-ms-diagnostics` of an OAuth answer (`2000003;reason="…";error_category="invalid_resource"`):
   * why Exchange rejects a token; carries no secret.
   */
  xMsDiagnostics?: string;
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
  /**
   * The address the request went to (a proxy's for CONNECT), where the data around the exchange
   * does not say it already: exchanges nested in other probe data (`exchanges` lists).
   */
  address?: string;
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
  /**
   * Whether the server's certificate chain and name were trusted (the run's trust anchors), for
   * requests over TLS. The exchange goes on either way: the TLS probe judges certificates; the
   * monitor reports this per request (one node of a farm with a wrong certificate).
   */
  certificate?: { trusted: boolean; error?: string };
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
  /**
   * Sent through this proxy's CONNECT tunnel, the way Outlook goes when a proxy applies (probe
   * `http` after `proxy.connect`); `address` then names the proxy, not a server address. Absent
   * for the direct requests to one address of the host; rules comparing addresses skip these.
   */
  via?: ProxyServer;
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
// Proxy (issue 7)

/**
 * Where the proxy decision for a URL comes from.
 *
 * `option` = `--proxy`/`--no-proxy`; `wininet` = the user's Internet Options (fixed proxy and
 * ProxyOverride); `winhttp` = the machine setting of `netsh winhttp`; `pac` = a configured PAC
 * URL (AutoConfigURL); `wpad` = "detect settings automatically" found a PAC through WPAD;
 * `env` = HTTPS_PROXY/NO_PROXY; `system` = macOS/Linux system settings; `none` = nothing set.
 */
export type ProxySource = 'option' | 'wininet' | 'winhttp' | 'pac' | 'wpad' | 'env' | 'system' | 'none';

/** A proxy server as used; never with credentials. */
export interface ProxyServer {
  /** `http://host:port` (or `https://…`, `socks5://…`). */
  url: string;
  host: string;
  port: number;
}

export type PacErrorKind = 'fetch' | 'http-status' | 'too-large' | 'timeout' | 'syntax' | 'eval' | 'bad-result';

/** Fetching and evaluating a PAC file for the Exchange URL. */
export interface PacOutcome {
  /** Where the PAC file was fetched from (credentials and query removed). */
  url: string;
  via: 'configured' | 'wpad-dhcp' | 'wpad-dns';
  /** HTTP status of the fetch, when it got that far. */
  status?: number;
  bytes?: number;
  /** What `FindProxyForURL` returned for the Exchange URL, verbatim (`PROXY p:8080; DIRECT`). */
  result?: string;
  /** Absent when the file was fetched and evaluated to a usable result. */
  error?: ErrorInfo<PacErrorKind>;
  /** The download's requests (one per redirect), redacted, the script body capped as every body. */
  exchanges?: HttpExchange[];
}

/** What one configuration source says, whether or not it decided. */
export interface ProxySourceReading {
  source: ProxySource;
  /** The proxy as configured there (`host:port`, per-scheme lists kept verbatim), no credentials. */
  proxy?: string;
  bypass?: string[];
  pacUrl?: string;
  autoDetect?: boolean;
  /** The source could not be read (command missing, registry denied). */
  error?: string;
}

/**
 * The proxy for the Exchange URL as Windows decides it for Outlook, or as the option or the
 * platform decides elsewhere.
 *
 * WinINET order: automatic configuration overrides the manual settings, so "detect settings
 * automatically" (WPAD) is tried first, then the configuration script (PAC URL); only when
 * neither gives an answer does the fixed proxy with its bypass list apply.
 */
export interface ProxyConfigData {
  /** The URL the decision was made for (the Exchange URL). */
  url: string;
  /** The source that decided; `none` when nothing is configured. */
  source: ProxySource;
  /** Proxies in the order they are tried; empty = direct. */
  proxies: ProxyServer[];
  /** DIRECT is allowed after the proxies (PAC `PROXY p:8080; DIRECT`). */
  directFallback: boolean;
  /** The host matched a bypass list (`<local>`, ProxyOverride, NO_PROXY): direct although a proxy is set. */
  bypassed: boolean;
  /** Present when a PAC file (configured or found through WPAD) took part. */
  pac?: PacOutcome;
  /** Every source read, in the order they apply; WinHTTP also matters for Windows' own connectivity check. */
  readings: ProxySourceReading[];
}

export type ProxyConnectErrorKind = 'proxy-unreachable' | 'timeout' | 'reset' | 'protocol' | 'other';

/** The TLS handshake with the Exchange host inside a CONNECT tunnel. */
export interface ProxyTunnelTls extends TlsHandshake {
  servername: string;
  /** Leaf first, as seen through the proxy (compare with the `tls` probe's direct chain). */
  chain: CertificateInfo[];
  trusted?: boolean;
  trustError?: ErrorInfo;
}

/**
 * A CONNECT to the Exchange host through the proxy, without proxy credentials.
 *
 * `outcome`: `tunnel` = 2xx, the tunnel is open; `auth-required` = 407; `refused` = any other
 * answer (403 by policy, 502/504 the proxy could not reach the host, …); `no-answer` = the
 * proxy itself could not be reached or did not answer in time (see `error`).
 */
export interface ProxyConnectData {
  proxy: ProxyServer;
  /** CONNECT target. */
  host: string;
  port: number;
  outcome: 'tunnel' | 'auth-required' | 'refused' | 'no-answer';
  status?: number;
  statusText?: string;
  /** Proxy-Authenticate challenges of a 407 (redacted like WWW-Authenticate). */
  proxyChallenges: AuthChallenge[];
  /** Server/Via of the proxy's answer, for naming the product. */
  server?: string;
  via?: string;
  /** Body of a refusal (often a block page), capped. */
  body?: HttpBody;
  /** Only after `tunnel`: the handshake with the Exchange host through the tunnel. */
  tls?: ProxyTunnelTls;
  timings: { connectMs?: number; totalMs: number };
  error?: ErrorInfo<ProxyConnectErrorKind>;
  /** The CONNECT request and the proxy's answer as an HTTP exchange (request URL `https://host:port`). */
  exchanges?: HttpExchange[];
}

// ---------------------------------------------------------------------------------------------
// Autodiscover (issue 7)

/**
 * How a candidate URL was found, in Outlook's terms (protocol-facts §1.1): `local-xml` (the
 * admin's local file), `exo` (Exchange Online's endpoint), `scp` (Active Directory),
 * `root-domain` (https://<domain>/autodiscover/…), `autodiscover-domain`
 * (https://autodiscover.<domain>/…), `http-redirect` (http://autodiscover.<domain>/…, only a
 * redirect counts), `srv` (_autodiscover._tcp.<domain>), `v2-json` (autodiscover.json),
 * `redirect` (a hop reached from another candidate's 30x, RedirectUrl or RedirectAddr),
 * `last-known-good` (the URL that last worked for the profile's primary mailbox, step 3).
 */
export type AutodiscoverMethod =
  | 'local-xml'
  | 'last-known-good'
  | 'exo'
  | 'scp'
  | 'root-domain'
  | 'autodiscover-domain'
  | 'http-redirect'
  | 'srv'
  | 'v2-json'
  | 'redirect';

/**
 * What a candidate's answer is.
 *
 * `exchange-401`: 401 with a challenge, Exchange-like (the anonymous answer of a healthy
 * server); `settings`/`redirect-addr`/`redirect-url`: a valid POX response with that Action
 * (credential test); `pox-error`: a valid POX Error (see `errorCode`); `http-redirect`: 30x with
 * Location; `json-url`: a valid v2 answer; `invalid`: an answer that is no Autodiscover response
 * (HTML, other XML or JSON, unparsable, too large, refused by the hardened parser);
 * `not-exchange`: another status (403/404/405 of an unrelated web server); `server-error`: 5xx;
 * `no-answer`: DNS, TCP, TLS or HTTP did not get that far (see those parts).
 */
export type AutodiscoverResponseKind =
  | 'exchange-401'
  | 'settings'
  | 'redirect-addr'
  | 'redirect-url'
  | 'pox-error'
  | 'http-redirect'
  | 'json-url'
  | 'invalid'
  | 'not-exchange'
  | 'server-error'
  | 'no-answer';

/**
 * Outlook's view of a candidate: `used` (the winner, or a hop on the way to it), `passed-over`
 * (tried and rejected, see `reason`), `skipped` (not tried: excluded by registry, not
 * domain-joined, …), `not-reached` (after the winner: Outlook stops there).
 */
export type AutodiscoverDecision = 'used' | 'passed-over' | 'skipped' | 'not-reached';

export interface AutodiscoverCandidate {
  method: AutodiscoverMethod;
  url: string;
  host: string;
  decision: AutodiscoverDecision;
  /** Stable code for the decision (`registry:ExcludeSrvRecord`, `not-domain-joined`, `cert-name`, `http-body-ignored`, `not-https`, `redirect-limit`, …). */
  reason?: string;
  /** Index of the candidate whose redirect led here. */
  redirectedFrom?: number;
  dns?: { addresses: string[]; error?: ErrorInfo<DnsErrorKind> };
  tcp?: { address: string; connectMs?: number; error?: ErrorInfo<TcpErrorKind> };
  tls?: {
    protocol?: string;
    leaf?: CertificateInfo;
    trusted?: boolean;
    /** The certificate names the candidate host. */
    nameMatches?: boolean;
    error?: ErrorInfo<TlsErrorKind>;
  };
  http?: {
    method: string;
    status?: number;
    challenges: AuthChallenge[];
    location?: string;
    identity?: ServerIdentity;
    body?: HttpBody;
    error?: ErrorInfo<HttpErrorKind>;
  };
  response: AutodiscoverResponseKind;
  /** POX ErrorCode (500 unknown address, 600 invalid request, …) for `pox-error`; the v2 endpoint's JSON ErrorCode (`ProtocolNotSupported`) for a refused `v2-json`. */
  errorCode?: string;
  /** Where a redirect points to (Location, RedirectUrl, RedirectAddr, SRV target URL). */
  redirectTo?: string;
  /**
   * The credential test's requests to this candidate (winner and the hops after it), when it
   * ran; the `auth.credentials` result for Autodiscover is taken from here, so the password is
   * sent once per URL (every failed attempt counts towards the account's lockout).
   */
  credentialAttempts?: CredentialAttempt[];
  /**
   * Every HTTP request sent for this candidate, in order, as recorded (redacted): the anonymous
   * one and each leg of the credential test (NTLM's first leg included). Absent when the
   * candidate reused another probe's request (that probe holds it) or sent none.
   */
  exchanges?: HttpExchange[];
}

/** Settings from the winning POX response (credential test only). */
export interface AutodiscoverProtocol {
  /** `mapiHttp`, `EXCH`, `EXPR`, `EXHTTP`, `WEB`, … as sent. */
  type: string;
  server?: string;
  internalUrl?: string;
  externalUrl?: string;
  authPackage?: string;
  ewsUrl?: string;
  /** mapiHttp: `Version` attribute; AddressBook (NSPI) URLs beside the MailStore ones above. */
  version?: string;
  addressBookInternalUrl?: string;
  addressBookExternalUrl?: string;
}

/** The Autodiscover candidate walk for one mailbox domain, in Outlook's order. */
export interface AutodiscoverData {
  domain: string;
  /** Outlook's AutoDiscover registry values honoured (policy key wins); absent off Windows. */
  registry?: Record<string, number>;
  candidates: AutodiscoverCandidate[];
  /**
   * Index of the candidate whose answer Outlook would use: the first that answers like Exchange
   * (`exchange-401` without credentials, `settings` with them), after following its redirects.
   * Absent when none does.
   */
  winner?: number;
  /** With the credential test: the protocols of the winner's answer. */
  protocols?: AutodiscoverProtocol[];
  /**
   * The credential test of the walk: `done` (the winner was asked with credentials),
   * `no-password` (`--user` without a password), `no-winner`, `not-requested` (no `--user`),
   * `needs-confirmation` (the winner or a redirect lies outside the mail domain: credentials are
   * not sent there until the user confirms; the candidate's reason says the same).
   */
  credentialTest?: 'done' | 'no-password' | 'no-winner' | 'not-requested' | 'needs-confirmation';
}

// ---------------------------------------------------------------------------------------------
// Sign-in (issue 7)

export type CredentialMethod = 'basic' | 'ntlm' | 'negotiate' | 'bearer';

/** One authenticated request with the user's credentials (which are never recorded). */
export interface CredentialAttempt {
  method: CredentialMethod;
  status?: number;
  /** The server answered 401 again after the credentials were sent: they were not accepted. */
  rejected: boolean;
  /** Challenges of the final answer (a 401 again lists what else would be accepted). */
  challenges: AuthChallenge[];
  identity?: ServerIdentity;
  /** X-MS-Diagnostics / X-DiagInfo of the answer, verbatim (they carry no secret). */
  diagnostics?: string;
  error?: ErrorInfo<HttpErrorKind>;
}

/**
 * The optional credential test against one endpoint (Autodiscover, /mapi, /EWS).
 *
 * `mapi` only for the MAPI endpoint: `responseCode` is X-ResponseCode (MS-OXCMAPIHTTP
 * 2.2.3.3.3: 0 success, 8 anonymous not allowed, …); `externalBlocked` is set when the
 * authenticated answers show the per-mailbox block of MAPI from outside
 * (MAPIBlockOutlookExternalConnectivity: the mailbox's answer lacks every external MAPI URL
 * although the client came in through the external name, or MAPI refuses this mailbox while the
 * same credentials work on EWS); `rpcHttpOffered` says whether Outlook Anywhere is still offered
 * to the mailbox (false = MAPIBlockOutlookRpcHttp or no EXPR/EXHTTP in Autodiscover).
 */
export interface AuthCredentialsData {
  host: string;
  address?: string;
  /** Without query secrets. */
  url: string;
  endpoint: ExchangeEndpoint;
  attempts: CredentialAttempt[];
  mapi?: { responseCode?: number; externalBlocked?: boolean; rpcHttpOffered?: boolean };
  /**
   * The host lies outside the mail domain and the named Exchange host: it was asked anonymously
   * only, the password was not sent (no attempts).
   */
  heldBack?: boolean;
  /**
   * Every HTTP request this probe sent, in order, redacted: the anonymous one and each leg of
   * the sign-in. Absent for Autodiscover, whose requests the walk (`autodiscover`) holds.
   */
  exchanges?: HttpExchange[];
}

export type KerberosErrorKind = 'principal-unknown' | 'principal-not-unique' | 'clock-skew' | 'kdc-unreachable' | 'no-tgt' | 'other';

/**
 * Whether a Kerberos service ticket for `HTTP/<host>` exists or can be obtained (`klist`,
 * `klist get`, MIT `kvno`).
 */
export interface KerberosData {
  host: string;
  /** `HTTP/<host>`. */
  spn: string;
  /** The tool that answered; null when none is available (then the rest is unknown). */
  tool: 'windows-klist' | 'mit-klist' | null;
  /** A ticket-granting ticket exists (the user is signed in to a realm); null when unknown. */
  tgt: boolean | null;
  realm?: string;
  ticket: 'cached' | 'obtained' | 'failed' | 'unknown';
  /** Why `failed` (KDC_ERR_S_PRINCIPAL_UNKNOWN = no such SPN, KDC_ERR_PRINCIPAL_NOT_UNIQUE = duplicate SPN, …). */
  error?: ErrorInfo<KerberosErrorKind>;
}

// ---------------------------------------------------------------------------------------------
// System collectors (`collector.*`): what a second-level engineer would ask the user to type

/**
 * How one system command of a collector went.
 *
 * The raw output itself goes to the bundle's `system/` folder (see `artifact`), never into the
 * report: it can be long and is for people.
 */
export interface CommandRunInfo {
  /** The command line as run (program and fixed arguments; never through a shell). */
  commandLine: string;
  /**
   * `ok`: it ran (whatever its exit code: what that means is the collector's business);
   * `not-available`: the program does not exist on this system; `failed`: it could not be
   * started; `timeout`: stopped at the collector's timeout or the run's deadline.
   */
  outcome: 'ok' | 'not-available' | 'failed' | 'timeout';
  /** Process exit code; null when it did not run or was killed. */
  exitCode: number | null;
  durationMs: number;
  /** Output was longer than the collector's cap and was cut (and the process stopped). */
  truncated: boolean;
  /** Path of the raw output in the bundle, e.g. `system/ipconfig-all.txt`. */
  artifact: string;
  /** Why it did not run or failed, for people. */
  error?: string;
}

/**
 * What every collector records: its commands and the parsed result.
 *
 * `parsed` is null when no command produced output that could be read; the probe then ends
 * `fail` (or `timeout`), so rules that use `okProbesOf` always see a parsed value.
 */
export interface CollectorData<T> {
  commands: CommandRunInfo[];
  parsed: T | null;
}

/** One adapter of `ipconfig /all` (German or English output). */
export interface IpconfigAdapter {
  /** Connection name as in the header and in Node's interface list, e.g. `Ethernet 2`, `WLAN`. */
  name: string;
  /** From the header: `Ethernet-Adapter` → ethernet, `Drahtlos-LAN-Adapter` → wireless, `Tunneladapter` → tunnel, `PPP-Adapter` → ppp, `Unbekannter Adapter` → unknown. */
  type: 'ethernet' | 'wireless' | 'tunnel' | 'ppp' | 'mobile' | 'unknown' | 'other';
  description: string | null;
  /** As printed, e.g. `74-56-3C-C6-25-99`; null when empty (tunnels). */
  physicalAddress: string | null;
  /** "Medienstatus: Medium getrennt" / "Media disconnected". */
  mediaDisconnected: boolean;
  dhcpEnabled: boolean | null;
  connectionDnsSuffix: string | null;
  ipv4: { address: string; subnetMask: string | null; status: string | null }[];
  /** `status` is the bracketed word (Preferred/Bevorzugt, Deprecated/Veraltet, …), lower-cased. */
  ipv6: { address: string; kind: 'global' | 'temporary' | 'link-local'; scopeId: number | null; status: string | null }[];
  defaultGateways: string[];
  dhcpServer: string | null;
  dnsServers: string[];
  /** VPN-like by name or description (same patterns as `local.network`). */
  vpn: { reason: string } | null;
}

/** `ipconfig /all`. */
export interface IpconfigData {
  hostName: string | null;
  /** Set on domain-joined computers (the AD DNS domain). */
  primaryDnsSuffix: string | null;
  dnsSuffixSearchList: string[];
  adapters: IpconfigAdapter[];
}

/** One record of the Windows DNS client cache. */
export interface DnsCacheRecord {
  name: string;
  /** Numeric record type as printed (1 A, 5 CNAME, 28 AAAA, 33 SRV, 12 PTR). */
  type: number;
  typeName: string;
  ttl: number;
  section: 'answer' | 'additional' | 'authority' | 'other';
  /** Address, target name or text; for SRV the target. */
  data: string;
  srv?: { priority: number; weight: number; port: number };
}

/** One name in the cache: its records, or a cached negative answer. */
export interface DnsCacheEntry {
  /** The name as asked (block header), lower-cased. */
  name: string;
  records: DnsCacheRecord[];
  /** Text of a cached negative answer ("Name does not exist.", "No records of type AAAA"). */
  negative?: string;
}

/**
 * `ipconfig /displaydns`: the operating system's DNS cache (feeds `dns.system-mismatch`).
 *
 * In a run's evidence only the entries that concern the run's names are kept (the server, the
 * mailbox domain and names under it, and CNAME chains through them); `totalEntries` tells how
 * many the cache held. The bundle's `system/ipconfig-displaydns.txt` has all of them.
 */
export interface DnsCacheData {
  entries: DnsCacheEntry[];
  totalEntries: number;
}

export interface RouteEntry {
  family: IpFamily;
  /** CIDR, e.g. `0.0.0.0/0`, `10.0.0.0/8`, `::/0`. */
  destination: string;
  /** Next hop; null for on-link routes ("On-link"/"Auf Verbindung", no `via`). */
  gateway: string | null;
  /** Windows IPv4: the local address; Windows IPv6: the interface index; Linux/macOS: the device name. */
  interface: string | null;
  metric: number | null;
}

/** A routing table from `route print`, `ip route` or `netstat -rn`. */
export interface RouteTableData {
  routes: RouteEntry[];
  /** The default routes among them (0.0.0.0/0, ::/0), in table order. */
  defaultRoutes: RouteEntry[];
  /** Windows: "Ständige Routen"/"Persistent Routes". */
  persistent: RouteEntry[];
  /** Windows: the interface list (index, MAC, description). */
  interfaces: { index: number; mac: string | null; description: string }[];
}

/**
 * The WinINET proxy settings ("Internet Options > Connections > LAN settings"), from the registry.
 *
 * These are what Outlook follows: it sends MAPI/HTTP, RPC/HTTP and Autodiscover with the
 * signed-in user's Internet Options. `scope` is `machine` when the policy ProxySettingsPerUser = 0
 * makes the HKLM settings apply to every user.
 */
export interface WinInetProxyData {
  scope: 'user' | 'machine';
  /** "Use a proxy server for your LAN". */
  proxyEnabled: boolean;
  /** ProxyServer as stored: `host:port`, or per scheme `http=a:80;https=b:8443;socks=c:1080`. */
  proxyServer: string | null;
  /** ProxyOverride split at `;`, as written (`<local>`, `*.contoso.com`, `10.*`). */
  bypassList: string[];
  /** "Use automatic configuration script": AutoConfigURL. */
  autoConfigUrl: string | null;
  /** "Automatically detect settings" (WPAD); null when the settings do not say. */
  autoDetect: boolean | null;
  /**
   * Where the switches were read: the binary DefaultConnectionSettings (what the settings dialog
   * writes and WinINET reads) or, without it, the plain ProxyEnable/AutoConfigURL values.
   */
  flagsFrom: 'connection-settings' | 'values';
}

/** `netsh winhttp show proxy`: the machine-wide WinHTTP proxy (services, some Outlook/Office components). */
export interface WinHttpProxyData {
  direct: boolean;
  /** As printed, e.g. `proxy.corp:8080` or `http=a:80;https=b:443`. */
  proxyServer: string | null;
  bypassList: string[];
}

export interface KerberosTicket {
  /** Client principal without realm, e.g. `mike`; null where the tool does not print it per ticket. */
  client: string | null;
  /** Service principal without realm, e.g. `HTTP/mail.contoso.com`, `krbtgt/CONTOSO.COM`. */
  server: string;
  realm: string | null;
  /** Local times as ISO strings where the date could be read, else null. */
  start: string | null;
  end: string | null;
  renewUntil: string | null;
  encryptionType: string | null;
  flags: string[];
  kdcCalled: string | null;
}

/** `klist` (Windows, MIT or Heimdal): cached Kerberos tickets (feeds `auth.kerberos-no-ticket`). */
export interface KerberosTicketsData {
  format: 'windows' | 'mit' | 'heimdal';
  /** MIT/Heimdal default principal, e.g. `alice@CONTOSO.COM`. */
  defaultPrincipal: string | null;
  tickets: KerberosTicket[];
  /** No tickets at all: MIT/Heimdal without a credentials cache, Windows with "Cached Tickets: (0)". */
  noCredentials: boolean;
}

/** `nltest /dsgetdc:`: the domain controller this computer uses. */
export interface DomainControllerData {
  /** A domain controller was found; false does not prove the computer is not joined (offline). */
  dcFound: boolean;
  dc: string | null;
  dcAddress: string | null;
  domain: string | null;
  forest: string | null;
  dcSite: string | null;
  clientSite: string | null;
  flags: string[];
  /** Failure as printed, e.g. `{ status: 1355, name: 'ERROR_NO_SUCH_DOMAIN' }`. */
  error?: { status: number | null; name: string | null; message: string };
}

/** One Exchange Autodiscover service connection point in Active Directory. */
export interface ScpEntry {
  /** The SCP object's `cn` (usually the Client Access server's name). */
  name: string;
  /** `serviceBindingInformation`: the Autodiscover URL, or an LDAP URL for a pointer SCP. */
  url: string;
  /** `Site=` from `keywords`, null when the SCP is not bound to a site. */
  site: string | null;
  /** The SCP points to another directory (keyword 67661d7F-…) instead of naming a URL (77378F46-…). */
  pointer: boolean;
}

/**
 * The Autodiscover SCP lookup in Active Directory (Outlook's step 5, domain-joined Windows):
 * an LDAP query of the configuration partition for Exchange's service connection points.
 */
export interface ScpLookupData {
  entries: ScpEntry[];
  /** The query failed (not domain-joined, no domain controller reachable, …), as the directory said. */
  error?: string;
}

/** `whoami /upn`: the signed-in user's UPN, null for local/Microsoft accounts. */
export interface UserPrincipalData {
  upn: string | null;
  /** The tool's message when there is no UPN. */
  message?: string;
}

export interface NetAdapterInfo {
  name: string;
  description: string;
  index: number;
  /** `Up`, `Disconnected`, `Disabled`, `Not Present`, … (English, from PowerShell). */
  status: string;
  mac: string | null;
  linkSpeed: string | null;
  mediaType: string | null;
  physicalMediaType: string | null;
  virtual: boolean | null;
  hardwareInterface: boolean | null;
  vpn: { reason: string } | null;
}

export interface ConnectionProfileInfo {
  name: string;
  interfaceAlias: string;
  interfaceIndex: number;
  /** `Public`, `Private` or `DomainAuthenticated`. */
  networkCategory: string;
  /** `Internet`, `LocalNetwork`, `NoTraffic`, `Subnet`, `Disconnected`. */
  ipv4Connectivity: string;
  ipv6Connectivity: string;
}

/** PowerShell `Get-NetAdapter` and `Get-NetConnectionProfile` (language independent). */
export interface NetAdaptersData {
  adapters: NetAdapterInfo[];
  profiles: ConnectionProfileInfo[];
}

/** `w32tm /query /status`: Windows time synchronisation (enriches `auth.clock-skew`). */
export interface TimeSyncData {
  /** False when the time service is not running (0x80070426). */
  serviceRunning: boolean;
  leapIndicator: number | null;
  stratum: number | null;
  /** Time source as printed, e.g. `dc01.contoso.com`, `time.windows.com,0x9`, `Local CMOS Clock`. */
  source: string | null;
  /** Last successful sync as ISO (local time read), null when never or unreadable. */
  lastSync: string | null;
  lastSyncText: string | null;
  pollIntervalSeconds: number | null;
  /** False: free-running/local clock or never synced; true: synced from a source; null: unknown. */
  synchronized: boolean | null;
  error?: string;
}

/** A registry value as `reg query` prints it. */
export interface RegistryValue {
  key: string;
  name: string;
  type: string;
  /** REG_DWORD/QWORD as number, REG_MULTI_SZ as list, REG_BINARY as hex, others as text. */
  data: number | string | string[];
}

/** A setting with where it came from: a policy key wins over the user's own key. */
export interface EffectiveRegistryValue extends RegistryValue {
  source: 'policy' | 'user' | 'machine';
  /** The user value a policy value overrides, if both exist. */
  overridden?: RegistryValue;
}

/** Outlook's own registry settings that change how it connects (`reg query`, policy keys first). */
export interface OutlookSettingsData {
  officeVersion: string;
  /** Effective AutoDiscover switches (DWORD 1 = set); absent = not set. */
  autodiscover: {
    preferLocalXml?: boolean;
    excludeLastKnownGoodUrl?: boolean;
    excludeExplicitO365Endpoint?: boolean;
    excludeScpLookup?: boolean;
    excludeHttpsRootDomain?: boolean;
    excludeHttpsAutoDiscoverDomain?: boolean;
    excludeHttpRedirect?: boolean;
    excludeSrvRecord?: boolean;
  };
  /** `HKCU\Software\Microsoft\Exchange\MapiHttpDisabled` (or its policy variant) = 1. */
  mapiHttpDisabled: boolean | null;
  /** All values read, effective per name (AutoDiscover, Exchange, RPC keys). */
  values: EffectiveRegistryValue[];
}

/** Office/Outlook installation: version and bitness. */
export interface OutlookInstallData {
  clickToRun: boolean;
  /** e.g. `16.0.17928.20114` (Click-to-Run `VersionToReport`). */
  version: string | null;
  /** `x86` or `x64`. */
  bitness: 'x86' | 'x64' | null;
  updateChannel: string | null;
  productIds: string[];
}

/** One Exchange account found in an Outlook profile (values are byte-swapped MAPI property tags). */
export interface OutlookProfileAccount {
  profile: string;
  /** Registry key of the profile section. */
  key: string;
  smtpAddress: string | null;
  mapiHttpInternalUrl: string | null;
  mapiHttpExternalUrl: string | null;
  /** Outlook Anywhere (RPC over HTTP) proxy server name. */
  rpcProxyServer: string | null;
  homeServerFqdn: string | null;
  lastKnownGoodAutodiscoverUrl: string | null;
  /** The Exchange host Outlook talks to: external MAPI URL host, else internal, else RPC proxy. */
  server: string | null;
}

/** Outlook profiles (`HKCU\Software\Microsoft\Office\16.0\Outlook\Profiles`). */
export interface OutlookAccountData {
  defaultProfile: string | null;
  profiles: string[];
  accounts: OutlookProfileAccount[];
  /** The default profile's primary Exchange account. */
  primary: OutlookProfileAccount | null;
}

/** A site-to-zone mapping (Internet Options or the "Site to Zone Assignment List" policy). */
export interface ZoneMapping {
  /** Host pattern, e.g. `mail.contoso.com`, `*.contoso.com`, `contoso.com` (and subdomains). */
  host: string;
  /** `https`, `http`, `*`, … */
  scheme: string;
  /** 0 computer, 1 local intranet, 2 trusted, 3 internet, 4 restricted. */
  zone: number;
  source: 'user' | 'machine' | 'user-policy' | 'machine-policy';
}

/** Internet zone settings relevant to sign-in (automatic Windows sign-in only in the intranet zone). */
export interface InternetZonesData {
  mappings: ZoneMapping[];
  /** "User Authentication: Logon" (value 1A00) per zone, effective (policy first). */
  logon: {
    zone: number;
    value: number;
    meaning: 'automatic' | 'intranet-only' | 'prompt' | 'anonymous' | 'other';
    source: 'user' | 'user-policy' | 'machine-policy';
  }[];
}

/** One Linux network interface from `ip -j addr`. */
export interface IpAddrInterface {
  name: string;
  index: number;
  /** Kernel operstate: UP, DOWN, UNKNOWN, … */
  state: string;
  flags: string[];
  mtu: number | null;
  mac: string | null;
  linkType: string | null;
  addresses: { family: IpFamily; address: string; prefixLength: number; scope: string }[];
  vpn: { reason: string } | null;
}

/** `ip -j addr` (Linux). */
export interface IpAddrData {
  interfaces: IpAddrInterface[];
}

/** One resolver scope: global, per link, or a scutil resolver. */
export interface ResolverScope {
  /** `global`, `link eth0`, `resolver #1`, `resolv.conf`. */
  scope: string;
  interface: string | null;
  servers: string[];
  searchDomains: string[];
  /** Domains routed to this scope (resolvectl `~corp.example`, scutil `domain`). */
  routingDomains: string[];
}

/** DNS resolver configuration: `resolvectl status`, `/etc/resolv.conf`, `scutil --dns`. */
export interface ResolverConfigData {
  source: 'resolvectl' | 'resolv.conf' | 'scutil';
  scopes: ResolverScope[];
}

/** `scutil --proxy` (macOS): the effective system proxy configuration. */
export interface SystemProxyData {
  http: { host: string; port: number | null } | null;
  https: { host: string; port: number | null } | null;
  pacUrl: string | null;
  autoDiscovery: boolean;
  exceptions: string[];
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
  /** Status code of the answer, once its head arrived. */
  status?: number;
  /**
   * TLS bytes the server sent until the handshake was complete (its certificate flight): more
   * than one full-size packet means full-size packets from the server arrived.
   */
  handshakeBytes?: number;
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
  /** A large request (client → server), answered small. */
  large: MtuExchange;
  /**
   * A small request answered large (server → client): OWA's sign-in page. Absent in reports of
   * older versions. Where the server has no large anonymous answer (`responseBytes` small), this
   * direction is tested only by the handshake's `handshakeBytes`.
   */
  largeResponse?: MtuExchange & { path: string };
  /** Only where the platform can send DF pings. */
  dfSweep?: MtuDfSweep;
  /** The small and the large request as HTTP exchanges (the answer's head; bodies are not kept). */
  exchanges?: HttpExchange[];
}

// ---------------------------------------------------------------------------------------------

export interface ProbeDataMap {
  'local.network': LocalNetworkData;
  /**
   * The same snapshot as `local.network`, taken again at the end of the run (and periodically by
   * the monitor); a difference to `local.network` means the network changed while probing.
   */
  'local.network-recheck': LocalNetworkData;
  mtu: MtuData;
  'dns.system': DnsSystemData;
  'dns.direct': DnsDirectData;
  'dns.srv': DnsSrvData;
  tcp: TcpData;
  tls: TlsData;
  http: HttpEndpointData;
  connectivity: ConnectivityData;
  'proxy.config': ProxyConfigData;
  'proxy.connect': ProxyConnectData;
  autodiscover: AutodiscoverData;
  'auth.credentials': AuthCredentialsData;
  'auth.kerberos': KerberosData;
  'collector.ipconfig-all': CollectorData<IpconfigData>;
  'collector.dns-cache': CollectorData<DnsCacheData>;
  'collector.route-print': CollectorData<RouteTableData>;
  'collector.winhttp-proxy': CollectorData<WinHttpProxyData>;
  'collector.wininet-proxy': CollectorData<WinInetProxyData>;
  'collector.klist': CollectorData<KerberosTicketsData>;
  'collector.nltest-dsgetdc': CollectorData<DomainControllerData>;
  'collector.ad-scp': CollectorData<ScpLookupData>;
  'collector.whoami-upn': CollectorData<UserPrincipalData>;
  'collector.net-adapters': CollectorData<NetAdaptersData>;
  'collector.w32tm-status': CollectorData<TimeSyncData>;
  'collector.outlook-install': CollectorData<OutlookInstallData>;
  'collector.outlook-account': CollectorData<OutlookAccountData>;
  'collector.outlook-settings': CollectorData<OutlookSettingsData>;
  'collector.internet-zones': CollectorData<InternetZonesData>;
  'collector.ip-addr': CollectorData<IpAddrData>;
  'collector.ip-route': CollectorData<RouteTableData>;
  'collector.resolvectl': CollectorData<ResolverConfigData>;
  'collector.resolv-conf': CollectorData<ResolverConfigData>;
  'collector.scutil-dns': CollectorData<ResolverConfigData>;
  'collector.scutil-proxy': CollectorData<SystemProxyData>;
  'collector.netstat-routes': CollectorData<RouteTableData>;
}

export type ProbeId = keyof ProbeDataMap;
