import type { Evidence } from '../../model/evidence';
import type {
  AuthChallenge,
  AuthCredentialsData,
  AutodiscoverCandidate,
  AutodiscoverData,
  CertificateInfo,
  ConnectivityData,
  CredentialAttempt,
  ExchangeEndpoint,
  HttpEndpointData,
  KerberosData,
  ProxyConfigData,
  ProxyConnectData,
  TlsData,
} from '../../model/probe-data';
import type { ProbeKind, ProbeResult, ProbeResultOf, ProbeStatus } from '../../model/probe-result';
import type { RunInput } from '../../model/run-input';

/**
 * Small builders of evidence for the rules of part B (HTTP, sign-in, Autodiscover, proxy,
 * portal), for tests only.
 *
 * Every builder takes the few fields a test varies and fills the rest like a healthy Exchange
 * 2019 on premises would (see e2e/fixtures/samples/http-headers).
 */

export const HOST = 'mail.contoso.com';
export const DOMAIN = 'contoso.com';
export const ADDRESS = '192.0.2.20';
/** The time the diagnosis treats as now. */
export const NOW = Date.parse('2026-03-02T09:00:00.000Z');
const STARTED = new Date(NOW - 5_000).toISOString();

/** Evidence from probe results, with an input like the command line would make for user@contoso.com. */
export function evidenceOf(probes: readonly ProbeResult[], input: Partial<RunInput> = {}): Evidence {
  return {
    input: {
      email: `user@${DOMAIN}`,
      server: { host: HOST, port: 443 },
      serverSource: 'option',
      dnsServers: [],
      connectivityUrl: 'http://www.msftconnecttest.com/connecttest.txt',
      connectivityExpect: 'Microsoft Connect Test',
      proxy: { mode: 'system' },
      timeoutMs: 30_000,
      ...input,
    },
    startedAt: STARTED,
    now: NOW,
    probes,
  };
}

function result<P extends ProbeResult['probe']>(
  probe: P,
  kind: ProbeKind,
  key: string,
  data: ProbeResultOf<P>['data'],
  status: ProbeStatus = 'ok',
): ProbeResultOf<P> {
  return {
    id: `${probe}:${key}`,
    probe,
    kind,
    target: key,
    status,
    startedAt: STARTED,
    durationMs: 20,
    summary: `${probe} ${key}`,
    data,
  };
}

/** A challenge as the http probe records it; `token68Length` only for schemes that send one. */
export function challenge(scheme: string, params: Record<string, string> = {}): AuthChallenge {
  return { scheme, params };
}

/** The anonymous challenges of Exchange 2019 on premises (sample exchange2019-onprem-401…). */
export const ONPREM_CHALLENGES: AuthChallenge[] = [challenge('Negotiate'), challenge('NTLM'), challenge('Basic', { realm: HOST })];

/** Exchange Online / hybrid modern authentication (sample exchange-onprem-hma-activesync-401…). */
export const BEARER_CHALLENGES: AuthChallenge[] = [
  challenge('Bearer', {
    client_id: '00000002-0000-0ff1-ce00-000000000000',
    trusted_issuers: '00000001-0000-0000-c000-000000000000@5de110f8-2e0f-4d45-891d-bcf2218e253d',
    authorization_uri: 'https://login.windows.net/common/oauth2/authorize',
  }),
  challenge('Basic', { realm: HOST }),
];

const PATHS: Record<ExchangeEndpoint, { method: string; path: string }> = {
  autodiscover: { method: 'GET', path: '/autodiscover/autodiscover.xml' },
  mapi: { method: 'POST', path: '/mapi/emsmdb/' },
  rpc: { method: 'GET', path: '/rpc/rpcproxy.dll' },
  'rpc-in-data': { method: 'RPC_IN_DATA', path: '/rpc/rpcproxy.dll' },
  ews: { method: 'POST', path: '/EWS/Exchange.asmx' },
  owa: { method: 'GET', path: '/owa/' },
  healthcheck: { method: 'GET', path: '/mapi/healthcheck.htm' },
};

export interface HttpOptions {
  host?: string;
  address?: string;
  status?: number;
  challenges?: AuthChallenge[];
  contentType?: string;
  location?: string;
  server?: string;
  clockSkewMs?: number;
  /** For health checks: the virtual directory (`/mapi`). */
  vdir?: string;
  /** Path instead of the endpoint's usual one. */
  path?: string;
}

/** An answered http probe; without options the healthy anonymous 401 of that endpoint. */
export function http(endpoint: ExchangeEndpoint, options: HttpOptions = {}): ProbeResultOf<'http'> {
  const host = options.host ?? HOST;
  const address = options.address ?? ADDRESS;
  const healthyStatus = endpoint === 'healthcheck' ? 200 : endpoint === 'owa' ? 302 : 401;
  const status = options.status ?? healthyStatus;
  const challenges = options.challenges ?? (status === 401 ? ONPREM_CHALLENGES : []);
  const location = options.location ?? (endpoint === 'owa' && status === 302 ? `https://${host}/owa/auth/logon.aspx?url=x` : undefined);
  const vdir = options.vdir ?? (endpoint === 'healthcheck' ? '/mapi' : undefined);
  const path = options.path ?? (endpoint === 'healthcheck' && vdir ? `${vdir}/healthcheck.htm` : PATHS[endpoint].path);
  const skew = options.clockSkewMs ?? 400;
  const date = new Date(NOW + skew).toUTCString();
  const contentType = options.contentType ?? (status === 401 ? undefined : 'text/html; charset=utf-8');
  const data: HttpEndpointData = {
    host,
    address,
    port: 443,
    endpoint,
    ...(vdir ? { vdir } : {}),
    request: { method: PATHS[endpoint].method, url: `https://${host}${path}`, headers: [] },
    response: {
      status,
      statusText: '',
      httpVersion: '1.1',
      headers: [],
      challenges,
      identity: { server: options.server ?? 'Microsoft-IIS/10.0', xFeServer: ['EX19-01'] },
      date,
      clockSkewMs: skew,
      ...(location ? { location } : {}),
      body: { bytes: 0, truncated: false, ...(contentType ? { contentType } : {}) },
    },
    timings: { ttfbMs: 20, totalMs: 25 },
    startedAt: STARTED,
  };
  return result('http', 'http', `${endpoint}:${host}${path}@${address}`, data);
}

/** An http probe that got no answer (connection refused, timeout…). */
export function httpNoAnswer(endpoint: ExchangeEndpoint, kind: 'timeout' | 'refused' | 'tls' = 'timeout', host = HOST): ProbeResultOf<'http'> {
  const data: HttpEndpointData = {
    host,
    address: ADDRESS,
    port: 443,
    endpoint,
    request: { method: PATHS[endpoint].method, url: `https://${host}${PATHS[endpoint].path}`, headers: [] },
    timings: { totalMs: 5_000 },
    startedAt: STARTED,
    error: { kind, message: kind },
  };
  return result('http', 'http', `${endpoint}:${host}${PATHS[endpoint].path}@${ADDRESS}`, data, kind === 'timeout' ? 'timeout' : 'fail');
}

/**
 * An anonymous request that went out over a finished TLS handshake and got no response headers
 * in `waitedMs` (a server or load balancer that takes the connection and stays silent).
 */
export function httpSilent(endpoint: ExchangeEndpoint, options: { waitedMs?: number; host?: string; address?: string; vdir?: string } = {}): ProbeResultOf<'http'> {
  const host = options.host ?? HOST;
  const address = options.address ?? ADDRESS;
  const waitedMs = options.waitedMs ?? 2_800;
  const vdir = options.vdir ?? (endpoint === 'healthcheck' ? '/mapi' : undefined);
  const path = endpoint === 'healthcheck' && vdir ? `${vdir}/healthcheck.htm` : PATHS[endpoint].path;
  const data: HttpEndpointData = {
    host,
    address,
    port: 443,
    endpoint,
    ...(vdir ? { vdir } : {}),
    request: { method: PATHS[endpoint].method, url: `https://${host}${path}`, headers: [] },
    timings: { connectMs: 2, tlsMs: 9, totalMs: waitedMs + 11, reusedConnection: false, unansweredMs: waitedMs },
    startedAt: STARTED,
    error: { kind: 'timeout', message: 'run deadline reached (waiting for the response headers)' },
  };
  return result('http', 'http', `${endpoint}:${host}${path}@${address}`, data, 'timeout');
}

/** The anonymous answers of a healthy on-premises Exchange: every endpoint 401 with Negotiate/NTLM/Basic, OWA 302, health 200. */
export function healthyExchange(host = HOST, address = ADDRESS): ProbeResultOf<'http'>[] {
  return (['autodiscover', 'mapi', 'rpc', 'rpc-in-data', 'ews', 'owa', 'healthcheck'] as const).map((e) => http(e, { host, address }));
}

/** The healthy answers with some endpoints replaced. */
export function exchangeWith(...replacements: ProbeResultOf<'http'>[]): ProbeResultOf<'http'>[] {
  const replaced = new Set(replacements.map((r) => r.id));
  return [...healthyExchange().filter((r) => !replaced.has(r.id)), ...replacements];
}

// ---------------------------------------------------------------------------------------------

/** The connectivity check (NCSI-like) with an outcome. */
export function connectivity(outcome: ConnectivityData['outcome'], options: { status?: number; location?: string } = {}): ProbeResultOf<'connectivity'> {
  const url = 'http://www.msftconnecttest.com/connecttest.txt';
  const answered = outcome !== 'unreachable';
  const status = options.status ?? (outcome === 'portal' ? 302 : 200);
  const location = options.location ?? (outcome === 'portal' ? 'http://portal.hotel-wlan.example/login?mac=00:11' : undefined);
  const data: ConnectivityData = {
    url,
    expected: 'Microsoft Connect Test',
    outcome,
    ...(location ? { redirectHost: new URL(location).hostname } : {}),
    request: { method: 'GET', url, headers: [] },
    ...(answered
      ? {
          response: {
            status,
            statusText: '',
            httpVersion: '1.1',
            headers: [],
            challenges: [],
            identity: {},
            ...(location ? { location } : {}),
            body: { bytes: 20, truncated: false, contentType: 'text/html' },
          },
        }
      : { error: { kind: 'timeout' as const, message: 'no answer within 5000 ms' } }),
    timings: { totalMs: 30 },
    startedAt: STARTED,
  };
  return result('connectivity', 'http', url, data);
}

// ---------------------------------------------------------------------------------------------

export function certificate(subject: string, issuer: string, names: string[] = [], fingerprint = `fp-${subject}`): CertificateInfo {
  return {
    subject,
    issuer,
    subjectAltNames: names,
    serialNumber: '01',
    validFrom: '2026-01-01T00:00:00.000Z',
    validTo: '2027-01-01T00:00:00.000Z',
    daysLeft: 300,
    keyType: 'RSA',
    keyBits: 2048,
    signatureAlgorithm: 'sha256WithRSAEncryption',
    signatureAlgorithmOid: '1.2.840.113549.1.1.11',
    fingerprint256: fingerprint,
    spkiSha256: `key-${subject}@${issuer}`,
    isCA: false,
    selfSigned: false,
  };
}

/** The public CA chain Exchange presents. */
export const EXCHANGE_CHAIN: CertificateInfo[] = [
  certificate(`CN=${HOST}`, 'CN=R11,O=Let\'s Encrypt,C=US', [HOST, `autodiscover.${DOMAIN}`]),
  { ...certificate('CN=R11,O=Let\'s Encrypt,C=US', 'CN=ISRG Root X1,O=Internet Security Research Group,C=US'), isCA: true },
];

/** A direct TLS probe result. */
export function tls(chain: CertificateInfo[] = EXCHANGE_CHAIN, host = HOST): ProbeResultOf<'tls'> {
  const data: TlsData = {
    host,
    address: ADDRESS,
    port: 443,
    servername: host,
    protocol: 'TLSv1.3',
    chain,
    trusted: true,
    nameMatches: true,
  };
  return result('tls', 'tls', `${host}@${ADDRESS}`, data);
}

// ---------------------------------------------------------------------------------------------

export const PROXY = { url: 'http://proxy.contoso.com:8080', host: 'proxy.contoso.com', port: 8080 };

/** A proxy decision; by default a fixed WinINET proxy for the Exchange URL. */
export function proxyConfig(overrides: Partial<ProxyConfigData> = {}): ProbeResultOf<'proxy.config'> {
  const data: ProxyConfigData = {
    url: `https://${HOST}/mapi/emsmdb/`,
    source: 'wininet',
    proxies: [PROXY],
    directFallback: false,
    bypassed: false,
    readings: [{ source: 'wininet', proxy: 'proxy.contoso.com:8080', bypass: ['<local>'] }],
    ...overrides,
  };
  return result('proxy.config', 'proxy', data.url, data);
}

/** A CONNECT through the proxy; by default an open tunnel with the Exchange chain. */
export function proxyConnect(overrides: Partial<ProxyConnectData> = {}, host = HOST): ProbeResultOf<'proxy.connect'> {
  const data: ProxyConnectData = {
    proxy: PROXY,
    host,
    port: 443,
    outcome: 'tunnel',
    status: 200,
    statusText: 'Connection established',
    proxyChallenges: [],
    tls: { servername: host, protocol: 'TLSv1.3', chain: EXCHANGE_CHAIN, trusted: true },
    timings: { connectMs: 2, totalMs: 40 },
    ...overrides,
  };
  return result('proxy.connect', 'proxy', `${host}:443@${PROXY.host}`, data);
}

// ---------------------------------------------------------------------------------------------

/** An Autodiscover candidate; by default the healthy autodiscover.<domain> answering 401. */
export function candidate(overrides: Partial<AutodiscoverCandidate> = {}): AutodiscoverCandidate {
  const host = overrides.host ?? `autodiscover.${DOMAIN}`;
  return {
    method: 'autodiscover-domain',
    url: `https://${host}/autodiscover/autodiscover.xml`,
    host,
    decision: 'used',
    dns: { addresses: [ADDRESS] },
    tcp: { address: ADDRESS, connectMs: 3 },
    tls: { protocol: 'TLSv1.3', leaf: EXCHANGE_CHAIN[0], trusted: true, nameMatches: true },
    http: { method: 'POST', status: 401, challenges: ONPREM_CHALLENGES },
    response: 'exchange-401',
    ...overrides,
  };
}

/** The root-domain candidate answered by an unrelated web server (404). */
export function rootDomainCandidate(overrides: Partial<AutodiscoverCandidate> = {}): AutodiscoverCandidate {
  return candidate({
    method: 'root-domain',
    host: DOMAIN,
    url: `https://${DOMAIN}/autodiscover/autodiscover.xml`,
    decision: 'passed-over',
    reason: 'not-exchange',
    tls: { protocol: 'TLSv1.3', leaf: certificate(`CN=${DOMAIN}`, 'CN=R11', [DOMAIN, `www.${DOMAIN}`]), trusted: true, nameMatches: true },
    http: { method: 'POST', status: 404, challenges: [], body: { bytes: 300, truncated: false, contentType: 'text/html' } },
    response: 'not-exchange',
    ...overrides,
  });
}

/** The Autodiscover walk; `winner` defaults to the first candidate decided `used`. */
export function autodiscover(candidates: AutodiscoverCandidate[], winner?: number | null): ProbeResultOf<'autodiscover'> {
  const used = candidates.findIndex((c) => c.decision === 'used' && c.response !== 'http-redirect');
  const index = winner === null ? undefined : (winner ?? (used >= 0 ? used : undefined));
  const data: AutodiscoverData = { domain: DOMAIN, candidates, ...(index !== undefined ? { winner: index } : {}) };
  return result('autodiscover', 'autodiscover', DOMAIN, data);
}

// ---------------------------------------------------------------------------------------------

export function attempt(status: number, overrides: Partial<CredentialAttempt> = {}): CredentialAttempt {
  return { method: 'ntlm', status, rejected: status === 401, challenges: status === 401 ? ONPREM_CHALLENGES : [], ...overrides };
}

/** The optional credential test against one endpoint. */
export function credentials(
  endpoint: ExchangeEndpoint,
  attempts: CredentialAttempt[],
  extra: Partial<AuthCredentialsData> = {},
): ProbeResultOf<'auth.credentials'> {
  const host = extra.host ?? HOST;
  const data: AuthCredentialsData = { host, url: `https://${host}${PATHS[endpoint].path}`, endpoint, attempts, ...extra };
  return result('auth.credentials', 'auth', `${host}/${endpoint}`, data);
}

/** The Kerberos ticket check for HTTP/<host>. */
export function kerberos(overrides: Partial<KerberosData> = {}): ProbeResultOf<'auth.kerberos'> {
  const host = overrides.host ?? HOST;
  const data: KerberosData = {
    host,
    spn: `HTTP/${host}`,
    tool: 'windows-klist',
    tgt: true,
    realm: 'CONTOSO.COM',
    ticket: 'cached',
    ...overrides,
  };
  return result('auth.kerberos', 'auth', host, data);
}
