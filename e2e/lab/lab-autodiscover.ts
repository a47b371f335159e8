import { readSample } from '../fixtures/samples';
import type { RawRequest } from './raw-http';

/**
 * Autodiscover's answers in the Exchange lab, beyond the anonymous 401.
 *
 * Replays the real samples (`e2e/fixtures/samples/autodiscover/`, the repository's copy of
 * `../shared/samples/`) where they fit and builds the settings a signed-in POST gets (MAPI over
 * HTTP with internal and external URLs, EWS, RPC over HTTP) the way Exchange 2016/2019 sends them.
 *
 * Samples are read when answered and sent as captured. What is changed, and why:
 * - POX samples: nothing. Their host names (contoso.com, initech.local, outlook.office365.com)
 *   are the lab's own: a test names them in the lab DNS zone and the certificate.
 * - v2 captures (`.http`): the `< ` prefix of curl's output is dropped and lines end in CRLF as on
 *   the wire; Content-Length is that of the body sent (the 302 capture lost whitespace in its
 *   copy, so its recorded 277 would leave the client waiting); the Date is now (a capture from
 *   2020 would read as a clock years off); `outlook.office365.com` in the Url and Location
 *   becomes the name the request was sent to, when that is another. The rest stays, duplicate
 *   headers and the status line without reason phrase included.
 */

/** The mailbox GUID in the lab's MAPI URLs. */
export const LAB_MAILBOX_GUID = '6c9b3ad2-4b7e-4d3c-9c55-3c1f0a8e4b21';
/** A name that exists only inside the company: the internal MAPI URL of a mailbox blocked from outside. */
export const INTERNAL_ONLY_HOST = 'mail.contoso.internal';

/** The real POX answers among the samples. */
export type PoxSample = 'pox-response-onprem-msdocs.xml' | 'pox-response-exo-winrb.xml' | 'pox-redirectAddr-msdocs.xml' | 'pox-error-600-msdocs.xml';

/** The real answers of Exchange Online's v2 endpoint among the samples (status line, headers, body). */
export type V2Sample = 'exo-autodiscover-json-v1.0-200.http' | 'exo-autodiscover-json-v1.0-302-unknown-user.http' | 'exo-autodiscover-json-400-protocolnotsupported.http';

export type LabSignedIn =
  | { settings: { mapiBlockedExternal?: boolean; rpcHttp?: boolean; mapiHost?: string } }
  | { redirectUrl: string }
  | { redirectAddr: string }
  /** The real error 600 sample. */
  | { error600: true }
  /** A real POX answer, verbatim. */
  | { sample: PoxSample }
  | { xml: string };

export interface LabAutodiscover {
  /** The anonymous request is redirected instead of challenged. */
  redirect?: { status?: 301 | 302 | 307; location: string };
  /** The anonymous request gets 200 with this body instead of a challenge (a web page, hostile XML, XML over plain http). */
  body?: { contentType: string; text: string | Buffer };
  /**
   * Anonymous redirects through `?hop=N` on the same host: `length` redirects, then the 401;
   * `loopTo` sends the last hop back to an earlier one; `downgradeAt` makes that hop http://.
   */
  chain?: { length: number; loopTo?: number; downgradeAt?: number };
  /** What a signed-in POST gets (default: the settings). */
  signedIn?: LabSignedIn;
  /** What a signed-in POST for one of these mailboxes (lower case) gets instead of `signedIn`: Exchange answers per mailbox. */
  signedInFor?: Record<string, LabSignedIn>;
  /**
   * The v2 JSON endpoint, answering with Exchange Online's captures: these mailboxes are here
   * (200 with the POX URL); those in `protocolNotSupported` get the 400 `ProtocolNotSupported`
   * (what Exchange Online answers a Protocol value it does not serve); any other is unknown (302).
   */
  v2?: { mailboxes: string[]; protocolNotSupported?: string[] };
}

export interface LabReply {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string | Buffer;
  /** Send without Exchange's headers (a web server that is not Exchange). */
  bare?: boolean;
}

/** A capture, sent with its own status line and headers only (RawResponder.replay). */
export interface ReplayedReply extends LabReply {
  statusLine: string;
}

const XML: [string, string] = ['Content-Type', 'text/xml; charset=utf-8'];

/** Anonymous (`signed` false: undefined = the normal 401) or signed-in answer of the POX endpoint. */
export function autodiscoverAnswer(request: RawRequest, ad: LabAutodiscover, host: string, signed: boolean): LabReply | undefined {
  if (signed) return signedInAnswer(request, ad, host);
  const query = new URLSearchParams(request.target.split('?')[1] ?? '');
  if (ad.chain) {
    const hop = Number(query.get('hop') ?? '0');
    if (hop < ad.chain.length) {
      const next = ad.chain.loopTo !== undefined && hop === ad.chain.length - 1 ? ad.chain.loopTo : hop + 1;
      const scheme = ad.chain.downgradeAt === hop + 1 ? 'http' : 'https';
      return redirect(302, `${scheme}://${host}/autodiscover/autodiscover.xml?hop=${next}`);
    }
    return undefined;
  }
  if (ad.redirect) return redirect(ad.redirect.status ?? 302, ad.redirect.location);
  if (ad.body) return { status: 200, statusText: 'OK', headers: [['Content-Type', ad.body.contentType], ['Server', 'Apache']], body: ad.body.text, bare: true };
  return undefined;
}

export function autodiscoverV2Answer(request: RawRequest, ad: LabAutodiscover | undefined, host: string): ReplayedReply | undefined {
  if (!ad?.v2) return undefined;
  const email = decodeURIComponent(request.path.split('/').pop() ?? '').toLowerCase();
  const listed = (list: string[] | undefined) => (list ?? []).some((m) => m.toLowerCase() === email);
  const sample: V2Sample = listed(ad.v2.mailboxes)
    ? 'exo-autodiscover-json-v1.0-200.http'
    : listed(ad.v2.protocolNotSupported)
      ? 'exo-autodiscover-json-400-protocolnotsupported.http'
      : 'exo-autodiscover-json-v1.0-302-unknown-user.http';
  return replayedHttp(sample, host);
}

/** Exchange Online's v2 host, as the captures name it. */
const CAPTURED_V2_HOST = 'outlook.office365.com';

/** A `.http` capture as the lab sends it (see the module comment for what is adapted). */
export function replayedHttp(sample: V2Sample, host: string): ReplayedReply {
  const raw = readSample(`autodiscover/${sample}`).replace(/\r?\n$/, '').split(/\r?\n/);
  // curl -v marks the response head with `< `; the body after it has no mark.
  const curl = raw[0]!.startsWith('< ');
  const lines = curl ? raw.map((line) => (line === '<' ? '' : line.startsWith('< ') ? line.slice(2) : line)) : raw;
  const blank = lines.indexOf('');
  const statusLine = lines[0]!;
  const adapt = (text: string) => (host.toLowerCase() === CAPTURED_V2_HOST ? text : text.split(CAPTURED_V2_HOST).join(host));
  const headers = lines.slice(1, blank).map((line): [string, string] => {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon);
    const value = line.slice(colon + 1).trim();
    if (name.toLowerCase() === 'date') return [name, new Date().toUTCString()];
    return [name, name.toLowerCase() === 'location' ? adapt(value) : value];
  });
  const status = Number(/^HTTP\/\d\.\d (\d{3})/.exec(statusLine)?.[1]);
  return { status, statusText: statusLine.split(' ').slice(2).join(' '), statusLine, headers, body: adapt(lines.slice(blank + 1).join('\r\n')), bare: true };
}

function redirect(status: number, location: string): LabReply {
  return { status, statusText: status === 301 ? 'Moved Permanently' : 'Found', headers: [['Location', location], ['Content-Type', 'text/html']], body: `<html><body><a href="${location}">moved</a></body></html>`, bare: true };
}

function signedInAnswer(request: RawRequest, ad: LabAutodiscover, host: string): LabReply {
  const ok = (body: string): LabReply => ({ status: 200, statusText: 'OK', headers: [XML], body });
  const email = /<EMailAddress>([^<]*)<\/EMailAddress>/.exec(request.body.toString('utf8'))?.[1] ?? 'user@contoso.test';
  const signedIn = ad.signedInFor?.[email.toLowerCase()] ?? ad.signedIn ?? { settings: {} };
  if ('xml' in signedIn) return ok(signedIn.xml);
  if ('sample' in signedIn) return ok(readSample(`autodiscover/${signedIn.sample}`));
  if ('error600' in signedIn) return ok(readSample('autodiscover/pox-error-600-msdocs.xml'));
  if ('redirectAddr' in signedIn) return ok(account(`<Action>redirectAddr</Action><RedirectAddr>${signedIn.redirectAddr}</RedirectAddr>`));
  if ('redirectUrl' in signedIn) return ok(account(`<Action>redirectUrl</Action><RedirectURL>${signedIn.redirectUrl}</RedirectURL>`));
  const domain = email.slice(email.indexOf('@') + 1);
  const { mapiBlockedExternal = false, rpcHttp = !mapiBlockedExternal, mapiHost = host } = signedIn.settings;
  const mailbox = `?MailboxId=${LAB_MAILBOX_GUID}@${domain}`;
  const internal = mapiBlockedExternal ? INTERNAL_ONLY_HOST : mapiHost;
  const urls = (path: string) =>
    `<InternalUrl>https://${internal}/mapi/${path}/${mailbox}</InternalUrl>` + (mapiBlockedExternal ? '' : `<ExternalUrl>https://${mapiHost}/mapi/${path}/${mailbox}</ExternalUrl>`);
  return ok(
    account(
      '<AccountType>email</AccountType><Action>settings</Action><MicrosoftOnline>False</MicrosoftOnline>' +
        `<Protocol Type="mapiHttp" Version="1"><MailStore>${urls('emsmdb')}</MailStore><AddressBook>${urls('nspi')}</AddressBook></Protocol>` +
        `<Protocol><Type>EXCH</Type><Server>${LAB_MAILBOX_GUID}@${domain}</Server><AuthPackage>Kerb</AuthPackage><EwsUrl>https://${mapiHost}/EWS/Exchange.asmx</EwsUrl></Protocol>` +
        (rpcHttp ? `<Protocol><Type>EXPR</Type><Server>${mapiHost}</Server><SSL>On</SSL><AuthPackage>Ntlm</AuthPackage><EwsUrl>https://${mapiHost}/EWS/Exchange.asmx</EwsUrl></Protocol>` : '') +
        `<Protocol><Type>WEB</Type><External><OWAUrl AuthenticationMethod="Fba">https://${mapiHost}/owa/</OWAUrl></External></Protocol>`,
      `<User><DisplayName>Anna Beispiel</DisplayName><AutoDiscoverSMTPAddress>${email}</AutoDiscoverSMTPAddress></User>`,
    ),
  );
}

function account(inner: string, user = ''): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?>\r\n' +
    '<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">' +
    `<Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a">${user}<Account>${inner}</Account></Response></Autodiscover>`
  );
}
