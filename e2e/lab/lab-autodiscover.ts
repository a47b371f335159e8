import { readSample } from '../fixtures/samples';
import type { RawRequest } from './raw-http';

/**
 * Autodiscover's answers in the Exchange lab, beyond the anonymous 401.
 *
 * Replays the real samples (`e2e/fixtures/samples/autodiscover/`) where they fit and builds the
 * settings a signed-in POST gets (MAPI over HTTP with internal and external URLs, EWS, RPC over
 * HTTP) the way Exchange 2016/2019 sends them.
 */

/** The mailbox GUID in the lab's MAPI URLs. */
export const LAB_MAILBOX_GUID = '6c9b3ad2-4b7e-4d3c-9c55-3c1f0a8e4b21';
/** A name that exists only inside the company: the internal MAPI URL of a mailbox blocked from outside. */
export const INTERNAL_ONLY_HOST = 'mail.contoso.internal';

export type LabSignedIn =
  | { settings: { mapiBlockedExternal?: boolean; rpcHttp?: boolean; mapiHost?: string } }
  | { redirectUrl: string }
  | { redirectAddr: string }
  /** The real error 600 sample. */
  | { error600: true }
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
  /** The v2 JSON endpoint: these mailboxes are here (200 with the POX URL); any other is unknown (302, as Exchange Online answers). */
  v2?: { mailboxes: string[] };
}

export interface LabReply {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string | Buffer;
  /** Send without Exchange's headers (a web server that is not Exchange). */
  bare?: boolean;
}

const XML: [string, string] = ['Content-Type', 'text/xml; charset=utf-8'];

/** Anonymous (`signed` false: undefined = the normal 401) or signed-in answer of the POX endpoint. */
export function autodiscoverAnswer(request: RawRequest, ad: LabAutodiscover, host: string, signed: boolean): LabReply | undefined {
  if (signed) return signedInAnswer(request, ad.signedIn ?? { settings: {} }, host);
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

export function autodiscoverV2Answer(request: RawRequest, ad: LabAutodiscover | undefined, host: string): LabReply | undefined {
  if (!ad?.v2) return undefined;
  const email = decodeURIComponent(request.path.split('/').pop() ?? '');
  if (ad.v2.mailboxes.some((m) => m.toLowerCase() === email.toLowerCase())) {
    return { status: 200, statusText: 'OK', headers: [['Content-Type', 'application/json; charset=utf-8']], body: JSON.stringify({ Protocol: 'AutodiscoverV1', Url: `https://${host}/autodiscover/autodiscover.xml` }) };
  }
  const location = `https://${host}/autodiscover/autodiscover.json?Email=${encodeURIComponent(email)}&Protocol=Autodiscoverv1&RedirectCount=1`;
  return { status: 302, statusText: 'Found', headers: [['Location', location], ['Content-Type', 'text/html; charset=utf-8']], body: `<html><head><title>Object moved</title></head><body><h2>Object moved to <a href="${location}">here</a>.</h2></body></html>` };
}

function redirect(status: number, location: string): LabReply {
  return { status, statusText: status === 301 ? 'Moved Permanently' : 'Found', headers: [['Location', location], ['Content-Type', 'text/html']], body: `<html><body><a href="${location}">moved</a></body></html>`, bare: true };
}

function signedInAnswer(request: RawRequest, signedIn: LabSignedIn, host: string): LabReply {
  const ok = (body: string): LabReply => ({ status: 200, statusText: 'OK', headers: [XML], body });
  if ('xml' in signedIn) return ok(signedIn.xml);
  if ('error600' in signedIn) return ok(readSample('autodiscover/pox-error-600-msdocs.xml'));
  if ('redirectAddr' in signedIn) return ok(account(`<Action>redirectAddr</Action><RedirectAddr>${signedIn.redirectAddr}</RedirectAddr>`));
  if ('redirectUrl' in signedIn) return ok(account(`<Action>redirectUrl</Action><RedirectURL>${signedIn.redirectUrl}</RedirectURL>`));
  const email = /<EMailAddress>([^<]*)<\/EMailAddress>/.exec(request.body.toString('utf8'))?.[1] ?? 'user@contoso.test';
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
