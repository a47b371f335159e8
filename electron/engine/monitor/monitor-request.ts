import { randomUUID } from 'node:crypto';
import type { HeaderList } from '../../../shared/model/probe-data';
import { isIP } from '../../../shared/validate';
import { INVALID_MAILBOX_GUID, OUTLOOK_CLIENT_APPLICATION, OUTLOOK_USER_AGENT } from '../net/outlook-requests';

/**
 * The request the monitor sends every interval: the anonymous first request of Outlook, as
 * admins send it in their loops.
 *
 * With `--server`: MAPI over HTTP's Connect to an invalid mailbox,
 * `POST /mapi/emsmdb/?MailboxId=<null GUID>@<domain>`, with Outlook's headers. Exchange answers
 * it 401 with its challenges before it looks at the mailbox; Exchange Online adds its Bearer
 * challenge (with the authorization URI) because the request carries `Authorization: Bearer`
 * without a token — the dummy header admins use. Never a real token.
 * With `--url`: a GET of that URL with the same dummy header.
 */

/** The dummy header: the scheme alone, no token. It asks Exchange Online for its OAuth challenge. */
export const DUMMY_BEARER: [string, string] = ['Authorization', 'Bearer'];

export interface MonitorRequest {
  url: string;
  host: string;
  port: number;
  method: 'GET' | 'POST';
  /** Session id: X-RequestId is `{session}:<n>` as Outlook counts its requests, so server logs line up with the monitor's. */
  sessionId: string;
  headersFor(seq: number): HeaderList;
  body?: string;
}

/** The mailbox domain to name in MailboxId: the server name without its first label (`mail.contoso.com` → `contoso.com`). */
export function mailboxDomainOf(host: string): string {
  if (isIP(host)) return 'example.invalid';
  const labels = host.split('.');
  return labels.length >= 3 ? labels.slice(1).join('.') : host;
}

export function mapiMonitorRequest(server: { host: string; port: number }, domain = mailboxDomainOf(server.host)): MonitorRequest {
  const sessionId = randomUUID().toUpperCase();
  const clientInfo = randomUUID().toUpperCase();
  const hostPart = server.host.includes(':') ? `[${server.host}]` : server.host;
  const url = `https://${hostPart}${server.port === 443 ? '' : `:${server.port}`}/mapi/emsmdb/?MailboxId=${INVALID_MAILBOX_GUID}@${encodeURIComponent(domain)}`;
  return {
    url,
    host: server.host,
    port: server.port,
    method: 'POST',
    sessionId,
    body: '',
    headersFor: (seq) => [
      ['User-Agent', OUTLOOK_USER_AGENT],
      ['Content-Type', 'application/mapi-http'],
      ['X-RequestType', 'Connect'],
      ['X-RequestId', `{${sessionId}}:${seq + 1}`],
      ['X-ClientInfo', `{${clientInfo}}:1`],
      ['client-request-id', clientRequestId(sessionId, seq)],
      ['X-ClientApplication', OUTLOOK_CLIENT_APPLICATION],
      ['Accept', '*/*'],
      DUMMY_BEARER,
    ],
  };
}

export function urlMonitorRequest(url: URL): MonitorRequest {
  const sessionId = randomUUID().toUpperCase();
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return {
    url: url.href,
    host,
    port: url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80,
    method: 'GET',
    sessionId,
    headersFor: (seq) => [
      ['User-Agent', OUTLOOK_USER_AGENT],
      ['Accept', '*/*'],
      ['client-request-id', clientRequestId(sessionId, seq)],
      DUMMY_BEARER,
    ],
  };
}

/** A GUID per request, derived from the session and the tick: the session's first part, the tick in hex at the end. */
export function clientRequestId(sessionId: string, seq: number): string {
  return `${sessionId.slice(0, 24)}${seq.toString(16).toUpperCase().padStart(12, '0')}`.toLowerCase();
}
