import type { Evidence } from '../../model/evidence';
import type {
  AuthChallenge,
  CertificateInfo,
  CollectorData,
  DnsCacheEntry,
  DnsErrorKind,
  ExchangeEndpoint,
  HostsFileEntry,
  IpFamily,
  LocalNetworkData,
  MtuData,
  MtuExchange,
  NetInterface,
  ProbeDataMap,
  ProbeId,
  TcpErrorKind,
  TlsData,
} from '../../model/probe-data';
import type { ProbeKind, ProbeResultOf, ProbeStatus } from '../../model/probe-result';
import type { RunInput } from '../../model/run-input';

/**
 * Evidence fixtures for rule tests and the scenario matrix.
 *
 * Each builder returns one probe result shaped like the real probe's (`<probe>:<key>` ids,
 * statuses as the runner records them) with healthy defaults, so a test states only the fault it
 * is about: `makeEvidence([...healthyRun(), tcp(HOST, '192.0.2.11', 'timeout')])`.
 */

/** "Now" of every fixture: certificate dates and clock checks are relative to it. */
export const FIXTURE_NOW = Date.parse('2026-03-02T10:00:00.000Z');
export const DOMAIN = 'contoso.com';
export const EMAIL = `anna.schmidt@${DOMAIN}`;
export const HOST = `mail.${DOMAIN}`;
export const AUTODISCOVER_HOST = `autodiscover.${DOMAIN}`;
const DAY = 86_400_000;

export function runInput(overrides: Partial<RunInput> = {}): RunInput {
  return {
    email: EMAIL,
    server: { host: HOST, port: 443 },
    serverSource: 'option',
    dnsServers: [],
    connectivityUrl: 'http://www.msftconnecttest.com/connecttest.txt',
    connectivityExpect: 'Microsoft Connect Test',
    proxy: { mode: 'system' },
    timeoutMs: 10_000,
    ...overrides,
  };
}

export function makeEvidence(
  probes: readonly ProbeResultOf<ProbeId>[],
  options: { input?: Partial<RunInput>; now?: number } = {},
): Evidence {
  const now = options.now ?? FIXTURE_NOW;
  return {
    input: runInput(options.input),
    startedAt: new Date(now - 5_000).toISOString(),
    now,
    probes: probes as Evidence['probes'],
  };
}

const KIND: Partial<Record<ProbeId, ProbeKind>> = {
  'local.network': 'system',
  'local.network-recheck': 'system',
  'dns.system': 'dns',
  'dns.direct': 'dns',
  'dns.srv': 'dns',
  tcp: 'tcp',
  tls: 'tls',
  http: 'http',
  connectivity: 'http',
  mtu: 'mtu',
};

export interface ResultOptions {
  status?: ProbeStatus;
  target?: string;
  durationMs?: number;
  after?: string[];
  summary?: string;
}

/** One probe result; `data` undefined for skipped or bare timeouts. */
export function result<P extends ProbeId>(probe: P, key: string, data: ProbeDataMap[P] | undefined, options: ResultOptions = {}): ProbeResultOf<P> {
  return {
    id: `${probe}:${key}`,
    probe,
    kind: KIND[probe] ?? (probe.startsWith('collector.') ? 'collector' : 'system'),
    target: options.target ?? key,
    status: options.status ?? 'ok',
    startedAt: new Date(FIXTURE_NOW - 4_000).toISOString(),
    durationMs: options.durationMs ?? 5,
    summary: options.summary ?? `${probe} ${key}`,
    ...(options.after ? { after: options.after } : {}),
    ...(data !== undefined ? { data } : {}),
  };
}

const familyOf = (address: string): IpFamily => (address.includes(':') ? 6 : 4);
const bracket = (address: string) => (familyOf(address) === 6 ? `[${address}]` : address);

// ---------------------------------------------------------------------------------------------
// Local network

/** An interface with these addresses (family and link-local derived), up and wired by default. */
export function iface(name: string, addresses: string[], options: Partial<NetInterface> = {}): NetInterface {
  return {
    name,
    mac: '00:15:5d:01:02:03',
    internal: false,
    addresses: addresses.map((address) => {
      const family = familyOf(address);
      const linkLocal = family === 4 ? address.startsWith('169.254.') : /^fe[89ab]/i.test(address);
      return { address, family, cidr: null, linkLocal };
    }),
    vpn: null,
    medium: 'wired',
    ...options,
  };
}

export const LOOPBACK_IFACE = iface('lo', ['127.0.0.1', '::1'], { internal: true, medium: 'virtual', mac: null });

/** A healthy office PC: one LAN adapter, a default route, one DNS server. */
export function localNetworkData(overrides: Partial<LocalNetworkData> = {}): LocalNetworkData {
  return {
    hostname: 'PC-0815',
    platform: 'win32 10.0.22631',
    interfaces: [LOOPBACK_IFACE, iface('Ethernet', ['192.168.10.23', 'fe80::1c2d:3e4f:5a6b:7c8d'])],
    defaultRoutes: [{ family: 4, gateway: '192.168.10.1', interface: 'Ethernet' }],
    routeSource: 'route print',
    dnsServers: ['192.168.10.2'],
    dnsServersSource: 'system',
    ...overrides,
  };
}

export function localNetwork(overrides: Partial<LocalNetworkData> = {}, options: ResultOptions = {}) {
  return result('local.network', 'this-computer', localNetworkData(overrides), { target: 'this computer', ...options });
}

export function localNetworkRecheck(overrides: Partial<LocalNetworkData> = {}, key = 'end-of-run', options: ResultOptions = {}) {
  return result('local.network-recheck', key, localNetworkData(overrides), { target: 'this computer', ...options });
}

// ---------------------------------------------------------------------------------------------
// DNS

type Answer = readonly string[] | DnsErrorKind;

const answerParts = (answer: Answer) =>
  typeof answer === 'string'
    ? { addresses: [], error: { kind: answer, code: answer.toUpperCase(), message: `${answer}` } }
    : { addresses: answer.map((address) => ({ address, family: familyOf(address), ttl: 300 })) };

/** The operating system's answer for a name: addresses, or the error kind it failed with. */
export function dnsSystem(
  name: string,
  answer: Answer,
  options: { durationMs?: number; hosts?: HostsFileEntry[]; method?: 'os-lookup' | 'resolver'; status?: ProbeStatus } = {},
) {
  const parts = answerParts(answer);
  return result(
    'dns.system',
    name,
    {
      name,
      method: options.method ?? 'os-lookup',
      ...parts,
      durationMs: options.durationMs ?? 12,
      hostsFile: { path: 'C:\\Windows\\System32\\drivers\\etc\\hosts', entries: options.hosts ?? [] },
    },
    { status: options.status ?? (typeof answer === 'string' ? (answer === 'timeout' ? 'timeout' : 'fail') : 'ok') },
  );
}

/** A fresh query to the DNS servers: addresses (some may time out with `partialError`), or an error. */
export function dnsDirect(
  name: string,
  answer: Answer,
  options: { durationMs?: number; servers?: string[]; cnameChain?: string[]; partialError?: DnsErrorKind; status?: ProbeStatus } = {},
) {
  const servers = options.servers ?? ['192.168.10.2'];
  const durationMs = options.durationMs ?? 18;
  const parts = answerParts(answer);
  const addresses = parts.addresses;
  const error = parts.error ?? (options.partialError ? { kind: options.partialError, message: options.partialError } : undefined);
  return result(
    'dns.direct',
    name,
    {
      name,
      servers,
      queries: (['A', 'AAAA'] as const).map((type) => ({
        server: servers[0] ?? '',
        type,
        durationMs,
        answers: addresses
          .filter((a) => (type === 'A' ? a.family === 4 : a.family === 6))
          .map((a) => ({ name, type, ttl: 300, data: a.address })),
        ...(parts.error ? { error: parts.error } : {}),
      })),
      cnameChain: options.cnameChain ?? [],
      addresses,
      ...(error ? { error } : {}),
      durationMs,
    },
    { status: options.status ?? (typeof answer === 'string' ? (answer === 'timeout' ? 'timeout' : 'fail') : 'ok') },
  );
}

/** Both DNS views of a name, agreeing. */
export function dnsBoth(name: string, answer: Answer) {
  return [dnsSystem(name, answer), dnsDirect(name, answer)];
}

/** A Windows DNS cache listing. */
export function dnsCache(entries: DnsCacheEntry[]) {
  const commands = [{ commandLine: 'ipconfig /displaydns', outcome: 'ok' as const, exitCode: 0, durationMs: 40, truncated: false, artifact: 'system/ipconfig-displaydns.txt' }];
  return result('collector.dns-cache', 'displaydns', { commands, parsed: { entries, totalEntries: entries.length } }, { target: 'ipconfig /displaydns' });
}

type CollectorProbe = Extract<ProbeId, `collector.${string}`>;
type CollectedOf<P extends CollectorProbe> = ProbeDataMap[P] extends CollectorData<infer T> ? T : never;

/**
 * A Windows collector's result as the runner records it: one command, its parsed data (from a
 * parser run on a recorded output), `fail` when nothing could be read.
 */
export function collected<P extends CollectorProbe>(probe: P, parsed: CollectedOf<P> | null, commandLine = probe.slice('collector.'.length)) {
  const commands = [{ commandLine, outcome: 'ok' as const, exitCode: parsed ? 0 : 1, durationMs: 60, truncated: false, artifact: `system/${probe.slice('collector.'.length)}.txt` }];
  return result(probe, 'this-computer', { commands, parsed } as ProbeDataMap[P], { target: 'this computer', status: parsed ? 'ok' : 'fail' });
}

/** A cache entry holding these addresses for a name. */
export function cacheEntry(name: string, addresses: string[], ttl = 1800): DnsCacheEntry {
  return {
    name,
    records: addresses.map((data) => {
      const v6 = familyOf(data) === 6;
      return { name, type: v6 ? 28 : 1, typeName: v6 ? 'AAAA' : 'A', ttl, section: 'answer' as const, data };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// TCP, TLS, HTTP, MTU

/** A TCP connect to one address: ok, or failed with this kind (a `timeout` also ends `timeout`). */
export function tcp(host: string, address: string, outcome: 'ok' | TcpErrorKind = 'ok', options: { port?: number } = {}) {
  const port = options.port ?? 443;
  const failed = outcome !== 'ok';
  return result(
    'tcp',
    `${host}/${bracket(address)}:${port}`,
    {
      host,
      address,
      family: familyOf(address),
      port,
      ...(failed ? { error: { kind: outcome, code: outcome === 'refused' ? 'ECONNREFUSED' : 'ETIMEDOUT', message: outcome } } : { connectMs: 11, localAddress: '192.168.10.23' }),
    },
    { status: outcome === 'ok' ? 'ok' : outcome === 'timeout' ? 'timeout' : 'fail', target: `${bracket(address)}:${port}` },
  );
}

/** A certificate valid from 60 days ago for 300 more days, for the host and its Autodiscover name. */
export function certificate(host = HOST, overrides: Partial<CertificateInfo> = {}): CertificateInfo {
  return {
    subject: `CN=${host}`,
    issuer: 'C=DE, O=Contoso, CN=Contoso Issuing CA 01',
    subjectAltNames: [`DNS:${host}`, `DNS:${AUTODISCOVER_HOST}`],
    serialNumber: '4F2A9C',
    validFrom: new Date(FIXTURE_NOW - 60 * DAY).toISOString(),
    validTo: new Date(FIXTURE_NOW + 300 * DAY).toISOString(),
    daysLeft: 300,
    keyType: 'rsa',
    keyBits: 2048,
    signatureAlgorithm: 'sha256WithRSAEncryption',
    signatureAlgorithmOid: '1.2.840.113549.1.1.11',
    fingerprint256: 'AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99',
    isCA: false,
    selfSigned: false,
    ...overrides,
  };
}

/** The issuing CA certificate that goes with `certificate()`. */
export function intermediate(overrides: Partial<CertificateInfo> = {}): CertificateInfo {
  return certificate(HOST, {
    subject: 'C=DE, O=Contoso, CN=Contoso Issuing CA 01',
    issuer: 'C=DE, O=Contoso, CN=Contoso Root CA',
    subjectAltNames: [],
    validFrom: new Date(FIXTURE_NOW - 700 * DAY).toISOString(),
    validTo: new Date(FIXTURE_NOW + 1500 * DAY).toISOString(),
    daysLeft: 1500,
    keyBits: 4096,
    fingerprint256: '11:22:33:44:55:66:77:88:99:00:AA:BB:CC:DD:EE:FF:11:22:33:44:55:66:77:88:99:00:AA:BB:CC:DD:EE:FF',
    isCA: true,
    ...overrides,
  });
}

/** A completed, trusted TLS 1.3 handshake presenting `certificate(host)`; override what differs. */
export function tls(host: string, address: string, overrides: Partial<TlsData> = {}, options: ResultOptions = {}) {
  const failed = overrides.error !== undefined && overrides.protocol === undefined;
  const data: TlsData = {
    host,
    address,
    port: 443,
    servername: host,
    ...(failed ? {} : { protocol: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384', alpn: 'http/1.1', handshakeMs: 14 }),
    chain: failed ? [] : [certificate(host), intermediate()],
    ...(failed ? {} : { trusted: true, nameMatches: true }),
    ...overrides,
  };
  return result('tls', `${host}/${bracket(address)}:443`, data, {
    status: failed ? (overrides.error?.kind === 'timeout' ? 'timeout' : 'fail') : 'ok',
    target: `${host} (${bracket(address)}:443)`,
    after: [`tcp:${host}/${bracket(address)}:443`],
    ...options,
  });
}

/** The anonymous request to an Exchange endpoint: 401 with Negotiate and NTLM unless told otherwise. */
export function http(
  host: string,
  address: string,
  endpoint: ExchangeEndpoint = 'mapi',
  options: { status?: number; schemes?: string[]; path?: string; error?: string; server?: string } = {},
) {
  const path = options.path ?? { mapi: '/mapi/emsmdb/', rpc: '/rpc/rpcproxy.dll', 'rpc-in-data': '/rpc/rpcproxy.dll', ews: '/EWS/Exchange.asmx', owa: '/owa/', healthcheck: '/mapi/healthcheck.htm', autodiscover: '/autodiscover/autodiscover.xml' }[endpoint];
  const status = options.status ?? (endpoint === 'healthcheck' ? 200 : 401);
  const challenges: AuthChallenge[] = status === 401 ? (options.schemes ?? ['Negotiate', 'NTLM']).map((scheme) => ({ scheme, params: {} })) : [];
  return result(
    'http',
    `${endpoint}:${host}/${bracket(address)}${path}`,
    {
      host,
      address,
      port: 443,
      endpoint,
      request: { method: endpoint === 'autodiscover' ? 'POST' : 'GET', url: `https://${host}${path}`, headers: [['User-Agent', 'outlook-doktor']] },
      ...(options.error
        ? { error: { kind: 'timeout', message: options.error } }
        : {
            response: {
              status,
              statusText: String(status),
              httpVersion: '1.1',
              headers: [['Server', options.server ?? 'Microsoft-IIS/10.0']],
              challenges,
              identity: { server: options.server ?? 'Microsoft-IIS/10.0' },
              body: { bytes: 0, truncated: false },
            },
          }),
      timings: { totalMs: 25 },
      startedAt: new Date(FIXTURE_NOW - 3_000).toISOString(),
    },
    { status: options.error ? 'timeout' : 'ok', target: `https://${host}${path} (${bracket(address)})` },
  );
}

function exchange(outcome: MtuExchange['outcome'], requestBytes: number, responseBytes: number): MtuExchange {
  return {
    requestBytes,
    responseBytes,
    receivedBytes: outcome === 'ok' ? responseBytes : Math.min(responseBytes, 1200),
    outcome,
    durationMs: outcome === 'stalled' ? 3000 : 40,
  };
}

/**
 * The MTU probe on one path: small exchange, large request, large answer (OWA's sign-in page;
 * `largeResponse: null` for a report of a version without it), optional DF ping sweep.
 */
export function mtu(
  host: string,
  address: string,
  options: { small?: MtuExchange['outcome']; large?: MtuExchange['outcome']; largeResponse?: MtuExchange['outcome'] | null; dfSweep?: MtuData['dfSweep'] } = {},
) {
  const largeResponse = options.largeResponse === null ? undefined : options.largeResponse ?? 'ok';
  return result(
    'mtu',
    `${host}/${bracket(address)}`,
    {
      host,
      address,
      family: familyOf(address),
      port: 443,
      small: exchange(options.small ?? 'ok', 300, 600),
      large: exchange(options.large ?? 'ok', 6_300, 600),
      ...(largeResponse ? { largeResponse: { ...exchange(largeResponse, 300, 64_000), path: '/owa/auth/logon.aspx' } } : {}),
      ...(options.dfSweep ? { dfSweep: options.dfSweep } : {}),
    },
    { status: [options.small, options.large, largeResponse].every((o) => (o ?? 'ok') === 'ok') ? 'ok' : 'fail' },
  );
}

// ---------------------------------------------------------------------------------------------
// Whole runs

export interface HostSpec {
  /** Addresses of the name (both DNS views agree). */
  addresses?: string[];
  /** TCP outcome per address; default ok. */
  tcp?: Record<string, 'ok' | TcpErrorKind>;
  /** TLS overrides per address, or for all. */
  tls?: Partial<TlsData> | ((address: string) => Partial<TlsData>);
  /** Which endpoint the anonymous request goes to (default: `autodiscover` for autodiscover.* names, else `mapi`); `false` for none. */
  endpoint?: ExchangeEndpoint | false;
}

/**
 * The probes of one host name as the engine runs them: both DNS views, TCP per address, TLS after
 * each successful connect (skipped otherwise), and the anonymous request per address.
 */
export function hostProbes(host: string, spec: HostSpec = {}): ProbeResultOf<ProbeId>[] {
  const addresses = spec.addresses ?? ['192.0.2.10'];
  const probes: ProbeResultOf<ProbeId>[] = [...dnsBoth(host, addresses)];
  for (const address of addresses) {
    const outcome = spec.tcp?.[address] ?? 'ok';
    probes.push(tcp(host, address, outcome));
    if (outcome !== 'ok') {
      probes.push(result('tls', `${host}/${bracket(address)}:443`, undefined, { status: 'skipped', summary: 'skipped: tcp failed' }));
      continue;
    }
    const overrides = typeof spec.tls === 'function' ? spec.tls(address) : (spec.tls ?? {});
    probes.push(tls(host, address, overrides));
    if (spec.endpoint !== false) probes.push(http(host, address, spec.endpoint ?? (host.startsWith('autodiscover.') ? 'autodiscover' : 'mapi')));
  }
  return probes;
}

/** A healthy run against `HOST`: local network, DNS, TCP, TLS and the anonymous 401. */
export function healthyRun(spec: HostSpec & { network?: Partial<LocalNetworkData> } = {}): ProbeResultOf<ProbeId>[] {
  return [localNetwork(spec.network), ...hostProbes(HOST, spec)];
}

/** The results without those matching a predicate (to take a probe out of a healthy run). */
export function without(probes: readonly ProbeResultOf<ProbeId>[], drop: (r: ProbeResultOf<ProbeId>) => boolean): ProbeResultOf<ProbeId>[] {
  return probes.filter((r) => !drop(r));
}
