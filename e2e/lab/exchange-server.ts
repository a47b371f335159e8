import { randomBytes, randomUUID } from 'node:crypto';
import net, { type Server, type Socket } from 'node:net';
import tls from 'node:tls';
import { autodiscoverAnswer, autodiscoverV2Answer, type LabAutodiscover } from './lab-autodiscover';
import { checkAuthorization, type LabUser } from './lab-auth';
import { closeServer, listen, listenOnAddresses } from './listen';
import { createCa, issueCert, type CertOptions, type IssuedCert, type TestCa } from './pki';
import { headerOf, serveRawHttp, type RawRequest, type RawResponder } from './raw-http';

/**
 * An Exchange-like HTTPS responder on several loopback addresses, one behaviour per address.
 *
 * It answers the anonymous first requests the way Exchange 2016/2019 (or Exchange Online, or
 * something standing in Exchange's way) does: 401 with WWW-Authenticate lines and Exchange's
 * headers, health checks, OWA's redirect to its logon page; and it can misbehave in the ways the
 * probes must survive (back-end errors, missing protocols, blocked RPC methods, a wrong clock,
 * endless or huge bodies, broken or oversized headers, no answer at all). All addresses share
 * one port, as the addresses of a load-balanced name do.
 */

/** How the anonymous request is challenged, or what answers instead of Exchange. */
export type ExchangeAuth =
  /** On-premises: `Negotiate` and `NTLM` as separate header lines (plus Basic with `basicRealm`). */
  | 'windows'
  /** Only `Basic realm="<host>"`. */
  | 'basic-only'
  /** Exchange Online: a Bearer challenge for the Exchange resource plus `Basic Realm=""`. */
  | 'exchange-online'
  /** A reverse proxy with pre-authentication: 200 HTML login page on every path, no challenge. */
  | 'none'
  /** A portal or proxy login: 302 to a foreign host on every path, no challenge. */
  | 'redirect';

export type ExchangeFault =
  /** 200 with a chunked body that never ends (a chunk every 100 ms). */
  | 'endless-body'
  /** 200 with a body of `hugeBodyBytes` (default 20 MB). */
  | 'huge-body'
  /** A status line followed by header lines that are not HTTP. */
  | 'broken-headers'
  /** A 401 whose headers exceed 100 KB. */
  | 'oversized-headers'
  /** Reads the request and never answers. */
  | 'silent'
  /** Reads the request and drops the connection without a word. */
  | 'drop';

export interface ExchangeBehaviour {
  auth?: ExchangeAuth;
  /** With `windows`: also offer `Basic realm="<basicRealm>"` on its own line. */
  basicRealm?: string;
  /**
   * With `exchange-online`: answer as Exchange does to a token it rejects, `error="invalid_token"`
   * in the Bearer challenge and an `x-ms-diagnostics` reason (the Microsoft docs' HMA sample).
   */
  bearerRejects?: boolean;
  /** X-FEServer and the health check's server name; default EX01, EX02, … by address order. */
  serverName?: string;
  /** Every path answers with this status instead (500: broken back end, 503: app pool stopped). */
  status?: 500 | 502 | 503 | 504;
  /**
   * With `status`: the health checks still answer 200. The front end serves healthcheck.htm
   * itself, so a broken back end (500 from port 444) leaves them green until managed
   * availability notices.
   */
  healthchecksOk?: boolean;
  /** /mapi/ answers 404 (MAPI over HTTP disabled or its virtual directory missing). */
  mapiMissing?: boolean;
  /** RPC_IN_DATA and RPC_OUT_DATA are rejected with this status (a device that blocks the methods). */
  rpcMethods?: 405 | 501;
  /** The Date header is off by this many ms (server clock minus real clock). */
  clockOffsetMs?: number;
  /** Answer with HTTP/1.0 status lines and close each connection (old reverse proxies do). */
  httpVersion?: '1.0';
  fault?: ExchangeFault;
  /** Path prefixes (case-insensitive) the fault applies to; default every path. */
  faultPaths?: string[];
  hugeBodyBytes?: number;
  /** Autodiscover's answers beyond the anonymous 401: redirects, bodies, what a signed-in POST gets, v2. */
  autodiscover?: LabAutodiscover;
  /** Users that may sign in with Basic or NTLM (also inside Negotiate) on Autodiscover, /mapi and /EWS. */
  users?: LabUser[];
  /**
   * Signed-in requests on these paths get 500 (default /mapi/ and /EWS/): the front end accepts
   * the sign-in and proxies to the back end website (port 444), which fails, e.g. after its
   * certificate binding was changed. Anonymous requests still get the normal 401.
   */
  signedInError?: { status: 500; paths?: string[] };
  /**
   * A signed-in MAPI Connect is refused for this mailbox: `responseCode` answers 200 with that
   * X-ResponseCode (MS-OXCMAPIHTTP 2.2.3.3.3: 8 Anonymous Not Allowed, 11 No Privilege), `status`
   * answers 403 (what MAPIBlockOutlookExternalConnectivity gives a client coming in from outside).
   */
  mapiRefusal?: { responseCode: 8 | 11 } | { status: 403 };
}

export interface LabRequest {
  address: string;
  /** SNI the client sent (false when none). */
  servername: string | false;
  method: string;
  target: string;
  headers: [string, string][];
  bodyBytes: number;
  /** The request body as text (probes send XML or nothing). */
  body: string;
}

export interface ExchangeLabOptions {
  /** Names in the server certificate; the first is the Exchange host. Default mail./autodiscover./contoso.test. */
  hostNames?: string[];
  /** Loopback address → behaviour, e.g. `{ '127.0.0.2': {}, '127.0.0.3': { status: 503 } }`. */
  addresses: Record<string, ExchangeBehaviour>;
  /** The CA that issues the certificate; default a new one. */
  ca?: TestCa;
  /** Validity of the server certificate, e.g. an expired one (default: valid for a year). */
  validity?: Pick<CertOptions, 'notBefore' | 'notAfter'>;
  /**
   * Present this certificate (chain and key) instead of one the lab issues for `hostNames`:
   * expired, for another name, self-signed, from an unknown CA, a weak key.
   */
  certificate?: IssuedCert;
  /** `tls1.0-only`: a server that speaks TLS 1.0 and nothing newer (default: Node's modern defaults). */
  tlsProtocol?: 'modern' | 'tls1.0-only';
  /** Listen on this port on every address (443 for Autodiscover names, a lab namespace owns 443); default a free common port. */
  port?: number;
  /** Plain HTTP (no TLS) on these addresses and port, same behaviours: Autodiscover's http redirect step. */
  plain?: { port: number; addresses: Record<string, ExchangeBehaviour> };
  /**
   * A behaviour for the n-th request the lab receives (0-based, over all addresses and
   * connections) instead of its address's; undefined keeps the address's. Drives patterns such
   * as the monitor's flapping server.
   */
  behaviourOf?: (request: { address: string; index: number }) => ExchangeBehaviour | undefined;
}

/**
 * OpenSSL security level 0, so a weak certificate (RSA 1024, SHA-1) or TLS 1.0 loads at all:
 * OpenSSL 3 refuses them at its default level 1.
 */
const LAB_SECURITY_LEVEL = '@SECLEVEL=0';

export interface ExchangeLab {
  port: number;
  ca: TestCa;
  hostNames: string[];
  addresses: string[];
  /** Every request received, in order. */
  requests: LabRequest[];
  /**
   * Values of the session cookies the lab set on signed-in answers (X-BackEndCookie on
   * Autodiscover and EWS, MapiContext and MapiSequence on MAPI), fresh for each answer: what a
   * redaction test must never find.
   */
  cookies: string[];
  setBehaviour(address: string, behaviour: ExchangeBehaviour): void;
  /** Connections currently open to the lab (to check that clients close theirs). */
  openConnections(): number;
  close(): Promise<void>;
}

/** The Exchange resource's app id in every Exchange Online Bearer challenge. */
export const EXCHANGE_ONLINE_CLIENT_ID = '00000002-0000-0ff1-ce00-000000000000';

const EXO_BEARER =
  `Bearer client_id="${EXCHANGE_ONLINE_CLIENT_ID}", trusted_issuers="00000001-0000-0000-c000-000000000000@*", ` +
  'token_types="app_asserted_user_v1 service_asserted_app_v1", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize"';

/** Exchange's reason for a token with the wrong audience (Microsoft's HMA troubleshooting sample). */
export const BEARER_REJECTED_DIAGNOSTICS =
  '2000003;reason="The hostname component of the audience claim value is invalid. Expected \'https://mail.contoso.com\'. Actual \'http://mail.contoso.com\'.";error_category="invalid_resource"';

/** Virtual directories with a healthcheck.htm (as the managed availability probes use them). */
const HEALTHCHECK_VDIRS = ['mapi', 'ews', 'owa', 'autodiscover', 'rpc', 'oab', 'ecp', 'microsoft-server-activesync'];

/** Interval of the never-ending body's chunks: slow enough to stay small, fast enough to beat an idle timeout. */
const ENDLESS_CHUNK_INTERVAL_MS = 100;
const DEFAULT_HUGE_BODY_BYTES = 20 * 1024 * 1024;

export async function startExchangeLab(options: ExchangeLabOptions): Promise<ExchangeLab> {
  const hostNames = options.hostNames ?? ['mail.contoso.test', 'autodiscover.contoso.test', 'contoso.test'];
  const ca = options.ca ?? (await createCa());
  const cert = options.certificate ?? (await issueCert(ca, { names: hostNames, ...options.validity }));
  const versions: Pick<tls.TlsOptions, 'minVersion' | 'maxVersion' | 'ciphers'> =
    options.tlsProtocol === 'tls1.0-only'
      ? { minVersion: 'TLSv1', maxVersion: 'TLSv1', ciphers: `DEFAULT:${LAB_SECURITY_LEVEL}` }
      : { ciphers: `${tls.DEFAULT_CIPHERS}:${LAB_SECURITY_LEVEL}` };
  const behaviours = new Map(Object.entries(options.addresses));
  const defaultNames = new Map([...behaviours.keys()].map((address, i) => [address, `EX${String(i + 1).padStart(2, '0')}`]));
  const requests: LabRequest[] = [];
  const cookies: string[] = [];
  const sockets = new Set<Socket>();

  const serve = (socket: Socket, address: string, behaviourOf: (address: string) => ExchangeBehaviour | undefined, servername: string | false) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    serveRawHttp(socket, (request, respond) => {
      requests.push({
        address,
        servername,
        method: request.method,
        target: request.target,
        headers: request.headers,
        bodyBytes: request.body.length,
        body: request.body.toString('utf8'),
      });
      const behaviour = options.behaviourOf?.({ address, index: requests.length - 1 }) ?? behaviourOf(address) ?? {};
      answer(request, respond, { ...behaviour, serverName: behaviour.serverName ?? defaultNames.get(address) ?? 'EX01', cookies }, hostNames[0]!);
    });
  };
  const servers = [...behaviours.keys()].map((address) => {
    const server = tls.createServer({ key: cert.keyPem, cert: cert.chainPem, ...versions, ALPNProtocols: ['http/1.1'] }, (socket) => {
      serve(socket, address, (a) => behaviours.get(a), socket.servername ?? false);
    });
    // Plain TCP connects (the TCP probe) and aborted handshakes are normal here.
    server.on('tlsClientError', () => undefined);
    server.on('connection', (raw: Socket) => {
      sockets.add(raw);
      raw.on('close', () => sockets.delete(raw));
    });
    return { address, server };
  });
  const plainBehaviours = new Map(Object.entries(options.plain?.addresses ?? {}));
  const plainServers: { address: string; server: Server }[] = [...plainBehaviours.keys()].map((address) => ({
    address,
    server: net.createServer((socket) => serve(socket, address, (a) => plainBehaviours.get(a), false)),
  }));
  const port = options.port === undefined ? await listenOnAddresses(servers) : await listenAllOn(servers, options.port);
  for (const { server, address } of plainServers) await listen(server, address, options.plain!.port);

  return {
    port,
    ca,
    hostNames,
    addresses: [...behaviours.keys()],
    requests,
    cookies,
    setBehaviour(address, behaviour) {
      behaviours.set(address, behaviour);
    },
    openConnections: () => sockets.size,
    async close() {
      for (const socket of sockets) socket.destroy();
      await Promise.all([...servers, ...plainServers].map(({ server }) => closeServer(server)));
    },
  };
}

async function listenAllOn(servers: { address: string; server: tls.Server }[], port: number): Promise<number> {
  try {
    for (const { address, server } of servers) await listen(server, address, port);
  } catch (error) {
    await Promise.all(servers.map(({ server }) => closeServer(server)));
    throw error;
  }
  return port;
}

type Resolved = ExchangeBehaviour & { serverName: string; cookies: string[] };

function answer(request: RawRequest, respond: RawResponder, b: Resolved, exchangeHost: string): void {
  const path = request.path.toLowerCase();
  const host = (headerOf(request, 'host') ?? exchangeHost).replace(/:\d+$/, '');
  if (b.httpVersion) respond.version = b.httpVersion;

  if (b.fault && (b.faultPaths ?? ['/']).some((prefix) => path.startsWith(prefix.toLowerCase()))) {
    fault(b.fault, respond, b);
    return;
  }

  if (b.auth === 'none') {
    respond.send(200, 'OK', [['Content-Type', 'text/html; charset=utf-8'], ['Server', 'nginx'], ['Date', date(b)]], LOGIN_PAGE);
    return;
  }
  if (b.auth === 'redirect') {
    const location = `https://login.portal-example.test/login?orig=${encodeURIComponent(`https://${host}${request.target}`)}`;
    respond.send(302, 'Found', [['Location', location], ['Server', 'nginx'], ['Date', date(b)], ['Content-Type', 'text/html']], `<html><body><a href="${location}">Login</a></body></html>`);
    return;
  }
  if (b.status === 503) {
    // http.sys answers for a stopped application pool: no Exchange headers.
    respond.send(503, 'Service Unavailable', [['Content-Type', 'text/html; charset=us-ascii'], ['Server', 'Microsoft-HTTPAPI/2.0'], ['Date', date(b)]], HTTPAPI_503);
    return;
  }
  const healthcheck = /^\/([^/]+)\/healthcheck\.htm$/.exec(path)?.[1];
  if (b.status !== undefined && !(b.healthchecksOk && healthcheck !== undefined && HEALTHCHECK_VDIRS.includes(healthcheck))) {
    respond.send(b.status, b.status === 500 ? 'Internal Server Error' : 'Bad Gateway', [...exchangeHeaders(b), ['X-BackEndHttpStatus', String(b.status)], ['Content-Type', 'text/html']], ASPNET_ERROR);
    return;
  }

  if (path.startsWith('/autodiscover/autodiscover.json')) {
    const v2 = autodiscoverV2Answer(request, b.autodiscover, host);
    if (v2) return respond.replay(v2.statusLine, v2.headers, v2.body);
  }
  if (path === '/autodiscover/autodiscover.xml' && b.autodiscover) {
    const anonymous = autodiscoverAnswer(request, b.autodiscover, host, false);
    if (anonymous) return respond.send(anonymous.status, anonymous.statusText, [...(anonymous.bare ? [] : exchangeHeaders(b)), ...anonymous.headers], anonymous.body);
  }
  if (b.users && (path === '/autodiscover/autodiscover.xml' || path.startsWith('/mapi/') || path === '/ews/exchange.asmx')) {
    const verdict = checkAuthorization(headerOf(request, 'authorization'), respond.socket, b.users);
    if (verdict.kind === 'challenge') return respond.send(401, 'Unauthorized', [['WWW-Authenticate', verdict.header], ...exchangeHeaders(b)], '');
    if (verdict.kind === 'ok') return signedIn(request, respond, b, host);
    // 'rejected' and 'none' get the anonymous 401 again.
  }

  if (healthcheck !== undefined && HEALTHCHECK_VDIRS.includes(healthcheck)) {
    if (healthcheck === 'mapi' && b.mapiMissing) return notFound(respond, b);
    respond.send(200, 'OK', [...exchangeHeaders(b), ['Content-Type', 'text/html']], `200 OK<br/>${b.serverName}`);
    return;
  }

  if (path.startsWith('/mapi/')) {
    if (b.mapiMissing) return notFound(respond, b);
    return unauthorized(respond, b, host);
  }
  if (path === '/rpc/rpcproxy.dll') {
    if ((request.method === 'RPC_IN_DATA' || request.method === 'RPC_OUT_DATA') && b.rpcMethods) {
      respond.send(b.rpcMethods, b.rpcMethods === 405 ? 'Method Not Allowed' : 'Not Implemented', [['Server', 'BigIP'], ['Date', date(b)], ['Content-Type', 'text/html']], '<html><body>Method not allowed</body></html>');
      return;
    }
    return unauthorized(respond, b, host);
  }
  if (path === '/autodiscover/autodiscover.xml' || path === '/ews/exchange.asmx') return unauthorized(respond, b, host);
  if (path === '/owa/auth/logon.aspx' && b.auth !== 'exchange-online') {
    respond.send(200, 'OK', [...exchangeHeaders(b), ['Content-Type', 'text/html; charset=utf-8']], OWA_LOGON_PAGE);
    return;
  }
  if (path === '/owa' || path === '/owa/' || path === '/owa/auth/logon.aspx') {
    const back = encodeURIComponent(`https://${host}/owa/`);
    const location = b.auth === 'exchange-online' ? `https://login.microsoftonline.com/common/oauth2/authorize?client_id=${EXCHANGE_ONLINE_CLIENT_ID}&redirect_uri=${back}` : `https://${host}/owa/auth/logon.aspx?url=${back}&reason=0`;
    respond.send(302, 'Found', [...exchangeHeaders(b), ['Location', location], ['Set-Cookie', 'ClientId=1A2B3C4D5E6F; expires=Fri, 01-Jan-2100 00:00:00 GMT; path=/; secure; HttpOnly'], ['Content-Type', 'text/html; charset=utf-8']], `<html><head><title>Object moved</title></head><body><h2>Object moved to <a href="${location}">here</a>.</h2></body></html>`);
    return;
  }
  notFound(respond, b);
}

/** What a signed-in request gets: Autodiscover's configured answer, MAPI's Connect reply, EWS's page, with session cookies as Exchange sets them. */
function signedIn(request: RawRequest, respond: RawResponder, b: Resolved, host: string): void {
  const path = request.path.toLowerCase();
  if (b.signedInError && (b.signedInError.paths ?? ['/mapi/', '/ews/']).some((prefix) => path.startsWith(prefix.toLowerCase()))) {
    respond.send(b.signedInError.status, 'Internal Server Error', [...exchangeHeaders(b), ['X-BackEndHttpStatus', String(b.signedInError.status)], ['Content-Type', 'text/html']], ASPNET_ERROR);
    return;
  }
  if (path.startsWith('/mapi/') && b.mapiRefusal) {
    if ('status' in b.mapiRefusal) {
      respond.send(403, 'Forbidden', [...exchangeHeaders(b), ['Content-Type', 'text/html']], '<html><head><title>403 - Forbidden: Access is denied.</title></head><body><h2>403 - Forbidden: Access is denied.</h2></body></html>');
    } else {
      const code = String(b.mapiRefusal.responseCode);
      respond.send(200, 'OK', [...exchangeHeaders(b), ['Content-Type', 'text/html'], ['X-RequestType', 'Connect'], ['X-ResponseCode', code]], `<html><body>X-ResponseCode ${code}</body></html>`);
    }
    return;
  }
  const cookie = (name: string, cookiePath: string): [string, string] => {
    const value = randomBytes(24).toString('base64url');
    b.cookies.push(value);
    return ['Set-Cookie', `${name}=${value}; path=${cookiePath}; secure; HttpOnly`];
  };
  if (path === '/autodiscover/autodiscover.xml') {
    const reply = autodiscoverAnswer(request, b.autodiscover ?? {}, host, true)!;
    respond.send(reply.status, reply.statusText, [...exchangeHeaders(b), cookie('X-BackEndCookie', '/autodiscover'), ...reply.headers], reply.body);
    return;
  }
  if (path.startsWith('/mapi/')) {
    respond.send(200, 'OK', [...exchangeHeaders(b), cookie('MapiContext', '/mapi/emsmdb'), cookie('MapiSequence', '/mapi/emsmdb'), ['Content-Type', 'application/mapi-http'], ['X-RequestType', 'Connect'], ['X-ResponseCode', '0']], 'DONE\r\n');
    return;
  }
  respond.send(200, 'OK', [...exchangeHeaders(b), cookie('X-BackEndCookie', '/EWS'), ['Content-Type', 'text/xml; charset=utf-8']], '<?xml version="1.0" encoding="utf-8"?><wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"/>');
}

function date(b: ExchangeBehaviour): string {
  return new Date(Date.now() + (b.clockOffsetMs ?? 0)).toUTCString();
}

function exchangeHeaders(b: Resolved): [string, string][] {
  const online = b.auth === 'exchange-online';
  const headers: [string, string][] = [
    ['Cache-Control', 'private'],
    ['Server', 'Microsoft-IIS/10.0'],
    ['request-id', randomUUID()],
  ];
  if (online) {
    headers.push(['X-CalculatedBETarget', 'AM0PR09MB2882.eurprd09.prod.outlook.com'], ['X-BEServer', 'AM0PR09MB2882'], ['X-FEServer', 'FR0P281CA0042'], ['X-FEServer', b.serverName]);
  } else {
    headers.push(['X-CalculatedBETarget', `${b.serverName.toLowerCase()}.contoso.corp`], ['X-FEServer', b.serverName]);
  }
  headers.push(['X-OWA-Version', '15.2.1544.4'], ['X-AspNet-Version', '4.0.30319'], ['X-Powered-By', 'ASP.NET'], ['Date', date(b)]);
  return headers;
}

function challenges(b: Resolved, host: string): [string, string][] {
  switch (b.auth ?? 'windows') {
    case 'basic-only':
      return [['WWW-Authenticate', `Basic realm="${host}"`]];
    case 'exchange-online':
      return [
        ['WWW-Authenticate', b.bearerRejects ? `${EXO_BEARER}, error="invalid_token"` : EXO_BEARER],
        ['WWW-Authenticate', 'Basic Realm=""'],
        ...(b.bearerRejects ? [['x-ms-diagnostics', BEARER_REJECTED_DIAGNOSTICS] as [string, string]] : []),
      ];
    default:
      return [
        ['WWW-Authenticate', 'Negotiate'],
        ['WWW-Authenticate', 'NTLM'],
        ...(b.basicRealm !== undefined ? ([['WWW-Authenticate', `Basic realm="${b.basicRealm}"`]] as [string, string][]) : []),
      ];
  }
}

function unauthorized(respond: RawResponder, b: Resolved, host: string): void {
  const [first, ...rest] = exchangeHeaders(b);
  // Exchange interleaves WWW-Authenticate with its other headers; keep that shape.
  respond.send(401, 'Unauthorized', [first!, ...challenges(b, host), ...rest], '');
}

function notFound(respond: RawResponder, b: Resolved): void {
  respond.send(404, 'Not Found', [['Content-Type', 'text/html'], ['Server', 'Microsoft-IIS/10.0'], ['X-Powered-By', 'ASP.NET'], ['Date', date(b)]], IIS_404);
}

function fault(kind: ExchangeFault, respond: RawResponder, b: Resolved): void {
  const socket = respond.socket;
  switch (kind) {
    case 'silent':
      respond.hold();
      return;
    case 'drop':
      respond.destroy();
      return;
    case 'broken-headers':
      respond.writeRaw('HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate Negotiate\r\nX-FEServer\u0001: EX01\r\n\r\n');
      respond.end();
      return;
    case 'oversized-headers':
      respond.send(401, 'Unauthorized', [['WWW-Authenticate', 'Negotiate'], ['X-Padding', 'x'.repeat(100 * 1024)]], '');
      return;
    case 'endless-body': {
      respond.writeRaw(`HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nX-FEServer: ${b.serverName}\r\nDate: ${date(b)}\r\n\r\n`);
      const chunk = '<p>still loading</p>\n';
      const timer = setInterval(() => {
        if (socket.destroyed) clearInterval(timer);
        else respond.writeRaw(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
      }, ENDLESS_CHUNK_INTERVAL_MS);
      socket.once('close', () => clearInterval(timer));
      return;
    }
    case 'huge-body': {
      const total = b.hugeBodyBytes ?? DEFAULT_HUGE_BODY_BYTES;
      respond.writeRaw(`HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ${total}\r\nDate: ${date(b)}\r\n\r\n`);
      const block = Buffer.alloc(64 * 1024, 'A');
      let sent = 0;
      const pump = () => {
        while (sent < total && !socket.destroyed) {
          const piece = block.subarray(0, Math.min(block.length, total - sent));
          sent += piece.length;
          if (!respond.writeRaw(piece)) {
            socket.once('drain', pump);
            return;
          }
        }
      };
      pump();
      return;
    }
  }
}

const LOGIN_PAGE =
  '<!DOCTYPE html><html><head><title>Anmeldung</title></head><body><h1>Bitte anmelden</h1>' +
  '<form method="post" action="/login"><input name="user"><input type="password" name="password"><button>Anmelden</button></form></body></html>';

const HTTPAPI_503 =
  '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN""http://www.w3.org/TR/html4/strict.dtd">\r\n<HTML><HEAD><TITLE>Service Unavailable</TITLE>\r\n' +
  '<META HTTP-EQUIV="Content-Type" Content="text/html; charset=us-ascii"></HEAD>\r\n<BODY><h2>Service Unavailable</h2>\r\n<hr><p>HTTP Error 503. The service is unavailable.</p>\r\n</BODY></HTML>\r\n';

/**
 * Size of the lab's OWA sign-in page: OWA's forms sign-in page is the one large answer Exchange
 * gives without credentials (markup, inline style and script); the MTU probe asks for it to test
 * the server → client direction, so it must span several full-size packets.
 */
export const OWA_LOGON_PAGE_BYTES = 12 * 1024;

/** The lab's stand-in for OWA's forms sign-in page: a form, padded with style rules to its size. */
const OWA_LOGON_PAGE = (() => {
  const head = '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Outlook</title><style>';
  const form =
    '</style></head><body><div class="signInPage"><form action="/owa/auth.owa" method="POST" name="logonForm" autocomplete="off">' +
    '<input type="hidden" name="destination" value=""><input type="hidden" name="flags" value="4"><input type="hidden" name="forcedownlevel" value="0">' +
    '<label for="username">Domäne\\Benutzername:</label><input id="username" name="username" type="text">' +
    '<label for="password">Kennwort:</label><input id="password" name="password" type="password">' +
    '<input type="hidden" name="isUtf8" value="1"><div class="signinbutton" role="button" tabindex="0">Anmelden</div></form></div></body></html>';
  let rules = '';
  for (let i = 0; head.length + rules.length + form.length < OWA_LOGON_PAGE_BYTES; i += 1) rules += `.signInPage .r${i}{margin:${i % 17}px;color:#${(i * 4099).toString(16).padStart(6, '0').slice(-6)}}\n`;
  return `${head}${rules}${form}`;
})();

const ASPNET_ERROR = '<html><head><title>Runtime Error</title></head><body><h1>Server Error in \'/\' Application.</h1></body></html>';

const IIS_404 = '<!DOCTYPE html><html><head><title>404 - File or directory not found.</title></head><body><h2>404 - File or directory not found.</h2></body></html>';
