import { describe, expect, it } from 'vitest';
import { readSample } from '../../../e2e/fixtures/samples';
import { MAX_POX_BYTES, parsePoxResponse } from './pox-response';
import { parseV2Json } from './v2-json';

/** The body of a saved `.http` sample (after the blank line ending the headers). */
function httpBody(relative: string): string {
  const text = readSample(relative).replace(/\r\n/g, '\n');
  return text.slice(text.search(/\n<?\s*\n/) + 1).replace(/^<?\s*\n/, '').trim();
}

describe('POX response (real samples)', () => {
  it('Exchange Online settings: EXCH, EXPR, WEB with their URLs and auth packages', () => {
    const parsed = parsePoxResponse(readSample('autodiscover/pox-response-exo-winrb.xml'));
    expect(parsed.kind).toBe('settings');
    if (parsed.kind !== 'settings') return;
    expect(parsed.microsoftOnline).toBe(true);
    expect(parsed.protocols.map((p) => p.type)).toEqual(['EXCH', 'EXPR', 'WEB']);
    expect(parsed.protocols[0]).toMatchObject({ server: '22222222-2222-2222-2222-222222222222@initech.local', authPackage: 'Anonymous', ewsUrl: 'https://outlook.office365.com/EWS/Exchange.asmx' });
    expect(parsed.protocols[1]).toMatchObject({ server: 'outlook.office365.com', authPackage: 'Basic' });
    expect(parsed.protocols[2]).toMatchObject({ internalUrl: 'https://outlook.office365.com/owa/', externalUrl: 'https://outlook.office365.com/owa/initech.local/' });
  });

  it('on-premises settings (https:// namespace of the documentation) with several internal OWA URLs', () => {
    const parsed = parsePoxResponse(readSample('autodiscover/pox-response-onprem-msdocs.xml'));
    expect(parsed.kind).toBe('settings');
    if (parsed.kind !== 'settings') return;
    expect(parsed.protocols).toEqual([
      { type: 'EXCH', server: 'MBX-SERVER.mail.internal.contoso.com', ewsUrl: 'https://mail.contoso.com/ews/exchange.asmx' },
      { type: 'EXPR', server: 'Exchange.contoso.com', ewsUrl: 'https://mail.contoso.com/ews/exchange.asmx' },
      { type: 'WEB', internalUrl: 'https://cas-01-server.mail.internal.contoso.com/owa' },
    ]);
  });

  it('redirectAddr and error 600', () => {
    expect(parsePoxResponse(readSample('autodiscover/pox-redirectAddr-msdocs.xml'))).toEqual({ kind: 'redirect-addr', address: 'elvin@mail.contoso.com' });
    expect(parsePoxResponse(readSample('autodiscover/pox-error-600-msdocs.xml'))).toEqual({ kind: 'error', errorCode: '600', message: 'Invalid Request' });
  });

  it('mapiHttp with MailStore and AddressBook, RedirectURL spelled either way, entities decoded', () => {
    const mapi = `<?xml version="1.0" encoding="utf-8"?>
<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
 <Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a">
  <Account><AccountType>email</AccountType><Action>settings</Action>
   <Protocol Type="mapiHttp" Version="1">
    <MailStore><InternalUrl>https://mail.contoso.com/mapi/emsmdb/?MailboxId=a@contoso.com&amp;x=1</InternalUrl><ExternalUrl>https://mail.contoso.com/mapi/emsmdb/?MailboxId=a@contoso.com</ExternalUrl></MailStore>
    <AddressBook><InternalUrl>https://mail.contoso.com/mapi/nspi/?MailboxId=a@contoso.com</InternalUrl></AddressBook>
   </Protocol>
  </Account></Response></Autodiscover>`;
    const parsed = parsePoxResponse(mapi);
    expect(parsed).toEqual({
      kind: 'settings',
      protocols: [
        {
          type: 'mapiHttp',
          version: '1',
          internalUrl: 'https://mail.contoso.com/mapi/emsmdb/?MailboxId=a@contoso.com&x=1',
          externalUrl: 'https://mail.contoso.com/mapi/emsmdb/?MailboxId=a@contoso.com',
          addressBookInternalUrl: 'https://mail.contoso.com/mapi/nspi/?MailboxId=a@contoso.com',
        },
      ],
    });
    for (const name of ['RedirectURL', 'RedirectUrl', 'redirecturl']) {
      const body = `<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006"><Response><Account><Action>redirectUrl</Action><${name}>https://ex.contoso.com/autodiscover/autodiscover.xml</${name}></Account></Response></Autodiscover>`;
      expect(parsePoxResponse(body)).toEqual({ kind: 'redirect-url', url: 'https://ex.contoso.com/autodiscover/autodiscover.xml' });
    }
  });

  it('prefixed elements (a:Autodiscover) are read like plain ones', () => {
    const body = '<a:Autodiscover xmlns:a="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006"><a:Response><a:Error><a:ErrorCode>500</a:ErrorCode><a:Message>The e-mail address cannot be found.</a:Message></a:Error></a:Response></a:Autodiscover>';
    expect(parsePoxResponse(body)).toEqual({ kind: 'error', errorCode: '500', message: 'The e-mail address cannot be found.' });
  });
});

describe('POX response (hostile and wrong bodies)', () => {
  const wrap = (inner: string) => `<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">${inner}</Autodiscover>`;

  it('a DTD with an external entity is refused before parsing', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE Autodiscover [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${wrap('<Response><Account><Action>redirectAddr</Action><RedirectAddr>&xxe;</RedirectAddr></Account></Response>')}`;
    expect(parsePoxResponse(xxe)).toMatchObject({ kind: 'invalid', reason: 'dtd' });
  });

  it('billion laughs is refused, fast', () => {
    const lol = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`)].join('');
    const started = performance.now();
    expect(parsePoxResponse(`<?xml version="1.0"?><!DOCTYPE lolz [${lol}]><Autodiscover>&lol9;</Autodiscover>`)).toMatchObject({ kind: 'invalid', reason: 'dtd' });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('100 MB is refused by size without being decoded', () => {
    const huge = Buffer.alloc(100 * 1024 * 1024, 0x41);
    expect(parsePoxResponse(huge)).toMatchObject({ kind: 'invalid', reason: 'too-large' });
    expect(parsePoxResponse(Buffer.alloc(MAX_POX_BYTES + 1, 0x20))).toMatchObject({ kind: 'invalid', reason: 'too-large' });
  });

  it('deep nesting is refused by the depth cap', () => {
    const deep = wrap(`<Response>${'<Account>'.repeat(5_000)}${'</Account>'.repeat(5_000)}</Response>`);
    expect(parsePoxResponse(deep)).toMatchObject({ kind: 'invalid', reason: 'too-deep' });
  });

  it('a wrong namespace, HTML, JSON, other XML, a SOAP answer and broken XML are invalid', () => {
    expect(parsePoxResponse('<Autodiscover xmlns="urn:example:other"><Response/></Autodiscover>')).toMatchObject({ kind: 'invalid', reason: 'namespace' });
    expect(parsePoxResponse('<!doctype html><html><head><title>Contoso</title></head><body>Welcome</body></html>')).toMatchObject({ kind: 'invalid', reason: 'dtd' });
    expect(parsePoxResponse('<html><head><title>404</title></head></html>')).toMatchObject({ kind: 'invalid', reason: 'not-autodiscover' });
    expect(parsePoxResponse('{"Protocol":"AutodiscoverV1"}')).toMatchObject({ kind: 'invalid', reason: 'not-autodiscover' });
    expect(parsePoxResponse(readSample('autodiscover/soap-getusersettings-redirectaddress-msdocs.xml'))).toMatchObject({ kind: 'invalid', reason: 'not-autodiscover' });
    expect(parsePoxResponse(wrap('<Response><Account><Action>settings</Action>'))).toMatchObject({ kind: 'invalid', reason: 'malformed' });
    expect(parsePoxResponse('')).toMatchObject({ kind: 'invalid', reason: 'empty' });
  });

  it('answers that parse but say nothing usable are invalid', () => {
    expect(parsePoxResponse(wrap(''))).toMatchObject({ kind: 'invalid', reason: 'no-response' });
    expect(parsePoxResponse(wrap('<Response><Account><Action>explode</Action></Account></Response>'))).toMatchObject({ kind: 'invalid', reason: 'no-action' });
    expect(parsePoxResponse(wrap('<Response><Account><Action>redirectUrl</Action><RedirectUrl>not a url</RedirectUrl></Account></Response>'))).toMatchObject({ kind: 'invalid', reason: 'bad-redirect' });
    expect(parsePoxResponse(wrap('<Response><Account><Action>settings</Action><__proto__>x</__proto__></Account></Response>'))).toMatchObject({ kind: 'invalid' });
  });
});

describe('Autodiscover v2 JSON', () => {
  it('reads the real Exchange Online answers', () => {
    expect(parseV2Json(httpBody('autodiscover/exo-autodiscover-json-v1.0-200.http'))).toEqual({
      kind: 'url',
      protocol: 'Autodiscoverv1',
      url: 'https://outlook.office365.com/autodiscover/autodiscover.xml',
    });
    expect(parseV2Json(httpBody('autodiscover/exo-autodiscover-json-400-protocolnotsupported.http'))).toMatchObject({ kind: 'error', errorCode: 'ProtocolNotSupported' });
    expect(parseV2Json(httpBody('autodiscover/exo-autodiscover-json-v1.0-302-unknown-user.http'))).toMatchObject({ kind: 'invalid' });
  });

  it('refuses oversized, non-object and non-https answers', () => {
    expect(parseV2Json(`{"Protocol":"AutodiscoverV1","Url":"https://x/${'a'.repeat(20_000)}"}`)).toMatchObject({ kind: 'invalid' });
    expect(parseV2Json('[1,2]')).toMatchObject({ kind: 'invalid' });
    expect(parseV2Json('{"Protocol":"AutodiscoverV1","Url":"http://outlook.office365.com/autodiscover/autodiscover.xml"}')).toMatchObject({ kind: 'invalid' });
    expect(parseV2Json('{"__proto__":{"polluted":1},"Protocol":"x","Url":"https://a.example/"}')).toEqual({ kind: 'url', protocol: 'x', url: 'https://a.example/' });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
