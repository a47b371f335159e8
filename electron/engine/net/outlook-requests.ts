import { randomUUID } from 'node:crypto';
import type { ExchangeEndpoint, HeaderList } from '../../../shared/model/probe-data';

/**
 * The anonymous first requests Outlook (Microsoft 365 Apps, Click-to-Run) sends to Exchange.
 *
 * Exchange answers each of them 401 with its WWW-Authenticate challenges before it reads the
 * body, so the bodies only need to look right, not be complete. Headers follow
 * `../shared/spec/protocol-facts.md` §1.3 (Autodiscover POX), §2 (MAPI over HTTP) and §3
 * (RPC over HTTP).
 */

/** Outlook's User-Agent for Autodiscover, MAPI/HTTP and EWS (a current Microsoft 365 Apps build). */
export const OUTLOOK_USER_AGENT = 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17928; Pro)';
/** X-ClientApplication of a MAPI/HTTP request, as Outlook sends it. */
export const OUTLOOK_CLIENT_APPLICATION = 'Outlook/16.0.17928.20114';
/** The RPC runtime's User-Agent on RPC over HTTP (Outlook Anywhere) channels. */
export const RPC_USER_AGENT = 'MSRPC';
/** A mailbox GUID no mailbox has: the 401 comes before Exchange looks it up. */
export const INVALID_MAILBOX_GUID = '00000000-0000-0000-0000-000000000000';
/** The Exchange store's port behind the RPC proxy (6001 store, 6002 DSReferral, 6004 NSPI). */
export const RPC_STORE_PORT = 6001;
/**
 * Body bytes of the RPC_IN_DATA request: the size of the RTS packet that opens an IN channel.
 * Outlook declares 1 GB and streams; a few bytes are enough to learn whether the method passes,
 * and a declared body keeps the request well-formed (undici sends no Content-Length without one).
 */
export const RPC_IN_DATA_BODY_BYTES = 76;

/** Virtual directories whose healthcheck.htm Exchange answers anonymously with `200 OK<br/>SERVER`. */
export const HEALTHCHECK_VDIRS: readonly { vdir: string; name: string }[] = [
  { vdir: '/mapi', name: 'mapi' },
  { vdir: '/EWS', name: 'ews' },
  { vdir: '/owa', name: 'owa' },
  { vdir: '/Autodiscover', name: 'autodiscover' },
  { vdir: '/rpc', name: 'rpc' },
];

export interface OutlookRequest {
  /** Unique within one address, part of the probe instance key. */
  name: string;
  endpoint: ExchangeEndpoint;
  method: string;
  /** Path and query. */
  path: string;
  headers: HeaderList;
  body?: string | Uint8Array;
  vdir?: string;
}

/** XML text with the five special characters escaped. */
function xmlText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * POST /autodiscover/autodiscover.xml with the POX request for the mailbox.
 *
 * `X-MapiHttpCapability: 1` is what Outlook sends unless MAPI/HTTP is disabled on the client
 * (`MapiHttpDisabled`, then `mapiHttp: false`). `X-ClientCanHandle` is left out: the spec does
 * not say Outlook sends it, and it changes only an authenticated answer.
 */
export function autodiscoverRequest(mailbox: string, options: { mapiHttp?: boolean } = {}): OutlookRequest {
  const body =
    '<?xml version="1.0" encoding="utf-8"?>' +
    '<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006">' +
    `<Request><EMailAddress>${xmlText(mailbox)}</EMailAddress>` +
    '<AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema>' +
    '</Request></Autodiscover>';
  return {
    name: 'autodiscover',
    endpoint: 'autodiscover',
    method: 'POST',
    path: '/autodiscover/autodiscover.xml',
    headers: [
      ['User-Agent', OUTLOOK_USER_AGENT],
      ['Content-Type', 'text/xml; charset=utf-8'],
      ...(options.mapiHttp === false ? [] : ([['X-MapiHttpCapability', '1']] as HeaderList)),
    ],
    body,
  };
}

/**
 * Every anonymous request to the Exchange host itself, for one address.
 *
 * Request ids are fresh per call unless given (the planner only needs names and paths).
 */
export function exchangeRequests(options: { host: string; mailbox: string; domain: string; requestId?: string; clientInfo?: string }): OutlookRequest[] {
  const requestId = options.requestId ?? randomUUID();
  const clientInfo = options.clientInfo ?? randomUUID();
  return [
    autodiscoverRequest(options.mailbox),
    {
      name: 'mapi',
      endpoint: 'mapi',
      method: 'POST',
      path: `/mapi/emsmdb/?MailboxId=${INVALID_MAILBOX_GUID}@${encodeURIComponent(options.domain)}`,
      headers: [
        ['User-Agent', OUTLOOK_USER_AGENT],
        ['Content-Type', 'application/mapi-http'],
        ['X-RequestType', 'Connect'],
        ['X-RequestId', `{${requestId.toUpperCase()}}:1`],
        ['X-ClientInfo', `{${clientInfo.toUpperCase()}}:1`],
        ['client-request-id', requestId],
        ['X-ClientApplication', OUTLOOK_CLIENT_APPLICATION],
        ['Accept', '*/*'],
      ],
      body: '',
    },
    {
      name: 'rpc',
      endpoint: 'rpc',
      method: 'GET',
      path: '/rpc/rpcproxy.dll',
      headers: [['User-Agent', RPC_USER_AGENT]],
    },
    {
      name: 'rpc-in-data',
      endpoint: 'rpc-in-data',
      method: 'RPC_IN_DATA',
      path: `/rpc/rpcproxy.dll?${options.host}:${RPC_STORE_PORT}`,
      headers: [
        ['User-Agent', RPC_USER_AGENT],
        ['Accept', 'application/rpc'],
        ['Cache-Control', 'no-cache'],
        ['Pragma', 'No-cache'],
      ],
      body: new Uint8Array(RPC_IN_DATA_BODY_BYTES),
    },
    {
      name: 'ews',
      endpoint: 'ews',
      method: 'GET',
      path: '/EWS/Exchange.asmx',
      headers: [['User-Agent', OUTLOOK_USER_AGENT]],
    },
    {
      name: 'owa',
      endpoint: 'owa',
      method: 'GET',
      path: '/owa/',
      headers: [['User-Agent', OUTLOOK_USER_AGENT]],
    },
    ...HEALTHCHECK_VDIRS.map(({ vdir, name }) => ({
      name: `healthcheck-${name}`,
      endpoint: 'healthcheck' as const,
      method: 'GET',
      path: `${vdir}/healthcheck.htm`,
      headers: [['User-Agent', OUTLOOK_USER_AGENT]] as HeaderList,
      vdir,
    })),
  ];
}
