import type { Evidence } from '../../model/evidence';
import type { FindingId } from '../../model/finding-catalog';
import type { Severity } from '../../model/severity';
import {
  attempt,
  autodiscover,
  BEARER_CHALLENGES,
  candidate,
  certificate,
  challenge,
  connectivity,
  credentials,
  DOMAIN,
  evidenceOf,
  exchangeWith,
  healthyExchange,
  HOST,
  http,
  kerberos,
  NOW,
  proxyConfig,
  proxyConnect,
  rootDomainCandidate,
  tls,
} from './http-evidence-builders';

/**
 * Evidence that must raise each finding of part B, with the severity it must get.
 *
 * The rule tests use these as their "raised" cases; the text test fills every text with the
 * args these produce, so a placeholder no rule fills cannot slip through.
 */

export const PART_B_IDS = [
  'tls.intercepted',
  'portal.detected',
  'portal.ncsi-unreachable',
  'proxy.configured',
  'proxy.auth-required',
  'proxy.connect-blocked',
  'proxy.pac-failed',
  'autodiscover.not-found',
  'autodiscover.cert-mismatch',
  'autodiscover.http-redirect',
  'autodiscover.invalid-response',
  'auth.no-challenge',
  'auth.methods',
  'auth.basic-only',
  'auth.kerberos-no-ticket',
  'auth.clock-skew',
  'auth.credentials-rejected',
  'auth.modern-auth',
  'server.backend-error',
  'server.unavailable',
  'server.protocol-missing',
  'server.rpc-methods-blocked',
  'server.mapi-blocked-external',
] as const satisfies readonly FindingId[];

export type PartBId = (typeof PART_B_IDS)[number];

export interface Scenario {
  name: string;
  evidence: Evidence;
  /** The severity the rule must give; the catalog's when absent. */
  severity?: Severity;
}

const INSPECTION_CHAIN = [
  certificate(`CN=${HOST}`, 'CN=Contoso Inspection CA,O=Contoso', [HOST]),
  { ...certificate('CN=Contoso Inspection CA,O=Contoso', 'CN=Contoso Inspection CA,O=Contoso'), isCA: true, selfSigned: true },
];

const ZSCALER_CHAIN = [
  certificate(`CN=${HOST}`, 'CN=Zscaler Intermediate Root CA (zscaler.net),O=Zscaler Inc.', [HOST]),
  { ...certificate('CN=Zscaler Intermediate Root CA (zscaler.net)', 'CN=Zscaler Root CA,O=Zscaler Inc.'), isCA: true },
];

const AUTODISCOVER_NXDOMAIN = candidate({
  decision: 'passed-over',
  reason: 'no-answer',
  dns: { addresses: [], error: { kind: 'nxdomain', message: `autodiscover.${DOMAIN} does not exist` } },
  tcp: undefined,
  tls: undefined,
  http: undefined,
  response: 'no-answer',
});

export const RAISING: Record<PartBId, Scenario[]> = {
  'tls.intercepted': [
    {
      name: 'the chain through the proxy has another issuer than the direct one',
      evidence: evidenceOf([tls(), proxyConfig(), proxyConnect({ tls: { servername: HOST, chain: INSPECTION_CHAIN, trusted: true } })]),
    },
    { name: 'the direct chain is issued by a known inspection product', evidence: evidenceOf([tls(ZSCALER_CHAIN), ...healthyExchange()]) },
  ],
  'portal.detected': [
    { name: 'the connectivity check is redirected to a portal', evidence: evidenceOf([connectivity('portal')]) },
    {
      name: 'wrong connectivity answer and /mapi redirected to a foreign host',
      evidence: evidenceOf([
        connectivity('wrong-answer', { status: 200 }),
        ...exchangeWith(http('mapi', { status: 302, location: 'https://login.hotspot.example/?ap=17' })),
      ]),
    },
  ],
  'portal.ncsi-unreachable': [
    { name: 'the connectivity URL does not answer', evidence: evidenceOf([connectivity('unreachable'), ...healthyExchange()]) },
    { name: 'the connectivity URL answers something else', evidence: evidenceOf([connectivity('wrong-answer', { status: 403 })]) },
  ],
  'proxy.configured': [
    { name: 'a fixed WinINET proxy applies', evidence: evidenceOf([proxyConfig()]) },
    {
      name: 'a PAC file chooses the proxy',
      evidence: evidenceOf([
        proxyConfig({
          source: 'pac',
          pac: { url: 'http://pac.contoso.com/proxy.pac', via: 'configured', status: 200, bytes: 900, result: 'PROXY proxy.contoso.com:8080' },
        }),
      ]),
    },
  ],
  'proxy.auth-required': [
    {
      name: 'CONNECT answered 407 with Negotiate and NTLM',
      evidence: evidenceOf([
        proxyConfig(),
        proxyConnect({ outcome: 'auth-required', status: 407, tls: undefined, proxyChallenges: [challenge('Negotiate'), challenge('NTLM')] }),
      ]),
    },
  ],
  'proxy.connect-blocked': [
    {
      name: 'CONNECT refused with 403',
      evidence: evidenceOf([proxyConfig(), proxyConnect({ outcome: 'refused', status: 403, statusText: 'Forbidden', tls: undefined })]),
    },
    {
      name: 'the proxy cannot be reached',
      evidence: evidenceOf([
        proxyConfig(),
        proxyConnect({ outcome: 'no-answer', status: undefined, statusText: undefined, tls: undefined, error: { kind: 'proxy-unreachable', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' } }),
      ]),
    },
  ],
  'proxy.pac-failed': [
    {
      name: 'the configured PAC file answers 404',
      evidence: evidenceOf([
        proxyConfig({
          source: 'pac',
          proxies: [],
          pac: { url: 'http://pac.contoso.com/proxy.pac', via: 'configured', status: 404, error: { kind: 'http-status', message: 'Not Found' } },
        }),
      ]),
    },
    {
      name: 'the PAC file found by WPAD does not evaluate',
      evidence: evidenceOf([
        proxyConfig({
          source: 'wpad',
          proxies: [],
          pac: { url: 'http://wpad.contoso.com/wpad.dat', via: 'wpad-dns', status: 200, bytes: 400, error: { kind: 'eval', message: 'ReferenceError: isInNett is not defined' } },
        }),
      ]),
    },
  ],
  'autodiscover.not-found': [
    {
      name: 'root domain 404, autodiscover name missing, nothing else',
      evidence: evidenceOf([autodiscover([rootDomainCandidate(), AUTODISCOVER_NXDOMAIN], null)]),
    },
  ],
  'autodiscover.cert-mismatch': [
    {
      name: 'autodiscover.<domain> presents the web site certificate',
      evidence: evidenceOf([
        autodiscover(
          [
            rootDomainCandidate(),
            candidate({
              decision: 'passed-over',
              reason: 'cert-name',
              tls: { protocol: 'TLSv1.3', leaf: certificate(`CN=www.${DOMAIN}`, 'CN=R11', [`www.${DOMAIN}`, DOMAIN]), trusted: true, nameMatches: false },
            }),
          ],
          null,
        ),
      ]),
    },
    {
      name: 'only the root domain mismatches and autodiscover.<domain> wins (Outlook 2016+ passes over silently)',
      severity: 'info',
      evidence: evidenceOf([
        autodiscover([
          rootDomainCandidate({
            tls: { protocol: 'TLSv1.3', leaf: certificate('CN=*.webhoster.example', 'CN=R11', ['*.webhoster.example']), trusted: true, nameMatches: false },
            reason: 'cert-name',
          }),
          candidate(),
        ]),
      ]),
    },
  ],
  'autodiscover.http-redirect': [
    {
      name: 'only the HTTP redirect leads to Exchange',
      evidence: evidenceOf([
        autodiscover(
          [
            rootDomainCandidate(),
            AUTODISCOVER_NXDOMAIN,
            candidate({
              method: 'http-redirect',
              url: `http://autodiscover.${DOMAIN}/autodiscover/autodiscover.xml`,
              host: `autodiscover.${DOMAIN}`,
              decision: 'used',
              tls: undefined,
              http: { method: 'GET', status: 302, challenges: [], location: `https://${HOST}/autodiscover/autodiscover.xml` },
              response: 'http-redirect',
              redirectTo: `https://${HOST}/autodiscover/autodiscover.xml`,
            }),
            candidate({ method: 'redirect', host: HOST, url: `https://${HOST}/autodiscover/autodiscover.xml`, redirectedFrom: 2 }),
          ],
          3,
        ),
      ]),
    },
  ],
  'autodiscover.invalid-response': [
    {
      name: 'the root domain answers 200 with a web page before autodiscover.<domain> wins',
      evidence: evidenceOf([
        autodiscover([
          rootDomainCandidate({
            http: { method: 'POST', status: 200, challenges: [], body: { bytes: 5_000, truncated: false, contentType: 'text/html; charset=UTF-8' } },
            response: 'invalid',
            reason: 'invalid',
          }),
          candidate(),
        ]),
      ]),
    },
  ],
  'auth.no-challenge': [
    {
      name: '/mapi answers 200 with a login page',
      evidence: evidenceOf(exchangeWith(http('mapi', { status: 200, server: 'BigIP' }))),
    },
    {
      name: 'only EWS is redirected to SSO while /mapi challenges',
      severity: 'warning',
      evidence: evidenceOf(exchangeWith(http('ews', { status: 302, location: 'https://sso.contoso.com/login?token=secret' }))),
    },
  ],
  'auth.methods': [{ name: 'a healthy on-premises Exchange', evidence: evidenceOf(healthyExchange()) }],
  'auth.basic-only': [
    {
      name: 'a reverse proxy offers only Basic',
      evidence: evidenceOf(
        (['autodiscover', 'mapi', 'rpc', 'ews'] as const).map((e) => http(e, { challenges: [challenge('Basic', { realm: HOST })] })),
      ),
    },
  ],
  'auth.kerberos-no-ticket': [
    {
      name: 'Negotiate offered, SPN unknown to the KDC',
      evidence: evidenceOf([
        ...healthyExchange(),
        kerberos({ ticket: 'failed', error: { kind: 'principal-unknown', code: 'KDC_ERR_S_PRINCIPAL_UNKNOWN', message: '0x7' } }),
      ]),
    },
  ],
  'auth.clock-skew': [
    {
      name: 'every answer is 12 minutes ahead, Negotiate offered',
      evidence: evidenceOf(healthyExchange().map((r) => reskew(r, 12 * 60_000))),
    },
    {
      name: 'Basic only: the skew does not hit sign-in',
      severity: 'warning',
      evidence: evidenceOf(
        (['mapi', 'ews'] as const).map((e) => http(e, { challenges: [challenge('Basic', { realm: HOST })], clockSkewMs: -20 * 60_000 })),
      ),
    },
  ],
  'auth.credentials-rejected': [
    {
      name: '/mapi answers 401 again to NTLM and Basic',
      evidence: evidenceOf([...healthyExchange(), credentials('mapi', [attempt(401), attempt(401, { method: 'basic' })])], { user: 'CONTOSO\\user' }),
    },
    {
      name: 'EWS refuses while /mapi accepts the same credentials',
      severity: 'warning',
      evidence: evidenceOf([...healthyExchange(), credentials('ews', [attempt(401)]), credentials('mapi', [attempt(200)])], { user: 'CONTOSO\\user' }),
    },
  ],
  'auth.modern-auth': [
    {
      name: 'Bearer challenge with Exchange\'s app id',
      evidence: evidenceOf((['mapi', 'ews', 'autodiscover'] as const).map((e) => http(e, { host: 'outlook.office365.com', challenges: BEARER_CHALLENGES }))),
    },
  ],
  'server.backend-error': [
    { name: '/mapi answers 500', evidence: evidenceOf(exchangeWith(http('mapi', { status: 500 }))) },
    { name: 'a credential test on /mapi gets 500', evidence: evidenceOf([...healthyExchange(), credentials('mapi', [attempt(500)])]) },
    { name: 'only OWA answers 500 while /mapi challenges', severity: 'warning', evidence: evidenceOf(exchangeWith(http('owa', { status: 500 }))) },
  ],
  'server.unavailable': [
    { name: '/mapi answers 503', evidence: evidenceOf(exchangeWith(http('mapi', { status: 503 }), http('rpc', { status: 503 }))) },
    { name: 'the MAPI health check is not 200', evidence: evidenceOf(exchangeWith(http('healthcheck', { status: 503 }))) },
    {
      name: 'only the OWA health check fails while /mapi challenges',
      severity: 'warning',
      evidence: evidenceOf([...healthyExchange(), http('healthcheck', { status: 500, vdir: '/owa' })]),
    },
  ],
  'server.protocol-missing': [
    { name: '/mapi answers 404', evidence: evidenceOf(exchangeWith(http('mapi', { status: 404 }))) },
    {
      name: '/rpc answers 404 while /mapi challenges (Exchange Online-like)',
      severity: 'info',
      evidence: evidenceOf(exchangeWith(http('rpc', { status: 404 }), http('rpc-in-data', { status: 404 }))),
    },
  ],
  'server.rpc-methods-blocked': [
    {
      name: 'RPC_IN_DATA answered 405 and no MAPI seen',
      evidence: evidenceOf([http('rpc'), http('rpc-in-data', { status: 405, server: 'nginx' }), http('ews')]),
    },
    {
      name: 'RPC_IN_DATA answered 501 while /mapi challenges',
      severity: 'info',
      evidence: evidenceOf(exchangeWith(http('rpc-in-data', { status: 501 }))),
    },
  ],
  'server.mapi-blocked-external': [
    {
      name: 'the credential test shows the external MAPI block with RPC off',
      evidence: evidenceOf(
        [...healthyExchange(), credentials('mapi', [attempt(200)], { mapi: { responseCode: 0, externalBlocked: true, rpcHttpOffered: false } })],
        { user: 'user@contoso.com' },
      ),
    },
  ],
};

/** A copy of an http result whose answer carries another clock skew. */
function reskew<T extends ReturnType<typeof http>>(r: T, skewMs: number): T {
  const response = r.data!.response!;
  const date = new Date(NOW + skewMs).toUTCString();
  return { ...r, data: { ...r.data!, response: { ...response, clockSkewMs: skewMs, date } } };
}

