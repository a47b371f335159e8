import { describe, expect, it } from 'vitest';
import type { HeaderList } from '../model/probe-data';
import { exchangeHeadersIn, headerValues, redactRequestHeaders, redactResponseHeaders, redactUrl, serverIdentity } from './header-list';

describe('header lists', () => {
  const headers: HeaderList = [
    ['Server', 'Microsoft-IIS/10.0'],
    ['X-FEServer', 'AM0P190CA0001'],
    ['x-feserver', 'FR0P281CA0042'],
    ['X-BEServer', 'AM0PR09MB2882'],
    ['X-CalculatedBETarget', 'AM0PR09MB2882.eurprd09.prod.outlook.com'],
    ['X-DiagInfo', 'AM0PR09MB2882'],
    ['request-id', 'e379a219-4853-478b-ab37-842e5e5915b9'],
    ['X-OWA-Version', '15.2.986.14'],
    ['X-Powered-By', 'ASP.NET'],
  ];

  it('reads values case-insensitively, duplicates in order', () => {
    expect(headerValues(headers, 'X-FEServer')).toEqual(['AM0P190CA0001', 'FR0P281CA0042']);
  });

  it('collects the server identity headers', () => {
    expect(serverIdentity(headers)).toEqual({
      server: 'Microsoft-IIS/10.0',
      xFeServer: ['AM0P190CA0001', 'FR0P281CA0042'],
      xBeServer: 'AM0PR09MB2882',
      xCalculatedBeTarget: 'AM0PR09MB2882.eurprd09.prod.outlook.com',
      xDiagInfo: 'AM0PR09MB2882',
      requestId: 'e379a219-4853-478b-ab37-842e5e5915b9',
      xOwaVersion: '15.2.986.14',
      xPoweredBy: 'ASP.NET',
    });
    expect(serverIdentity([['Server', 'nginx']])).toEqual({ server: 'nginx' });
  });

  it('names the Exchange-only headers present', () => {
    expect(exchangeHeadersIn(headers)).toEqual(['x-feserver', 'x-beserver', 'x-calculatedbetarget', 'x-diaginfo', 'x-owa-version']);
    expect(exchangeHeadersIn([['Server', 'nginx'], ['X-Powered-By', 'PHP']])).toEqual([]);
  });
});

describe('redaction', () => {
  it('blanks credentials in request headers', () => {
    expect(
      redactRequestHeaders([
        ['authorization', 'Negotiate YIIabc'],
        ['Proxy-Authorization', 'Basic dTpw'],
        ['Cookie', 'a=b'],
        ['X-AnchorMailbox', 'user@contoso.com'],
      ]),
    ).toEqual([
      ['authorization', '[redacted]'],
      ['Proxy-Authorization', '[redacted]'],
      ['Cookie', '[redacted]'],
      ['X-AnchorMailbox', 'user@contoso.com'],
    ]);
  });

  it('keeps only cookie names, strips tokens from challenges and redirect URLs', () => {
    const redacted = redactResponseHeaders([
      ['Set-Cookie', 'X-BackEndCookie=S-1-5-21-1234=u56Lnp2ejJqBmZ; expires=Thu, 15-Aug-2041 03:08:59 GMT; path=/autodiscover; secure; HttpOnly'],
      ['set-cookie', 'flag; Secure'],
      ['WWW-Authenticate', 'NTLM TlRMTVNTUAACAAAADAAMADgAAAAFgokC=='],
      ['WWW-Authenticate', 'Basic realm="mail.contoso.com"'],
      ['Persistent-Auth', 'true'],
      ['Location', 'https://login.example/cb?code=abc123&state=ok#access_token=xyz'],
    ]);
    expect(redacted).toEqual([
      ['Set-Cookie', 'X-BackEndCookie=[redacted]'],
      ['set-cookie', 'flag=[redacted]'],
      ['WWW-Authenticate', 'NTLM [token68 redacted, 34 chars]'],
      ['WWW-Authenticate', 'Basic realm="mail.contoso.com"'],
      ['Persistent-Auth', '[redacted]'],
      ['Location', 'https://login.example/cb?code=[redacted]&state=ok#[redacted]'],
    ]);
  });

  it('redacts user info and token-like query values, keeps the rest', () => {
    expect(redactUrl('http://user:pw@proxy.test:8080/x?access_token=t&MailboxId=g@contoso.com')).toBe('http://[redacted]@proxy.test:8080/x?access_token=[redacted]&MailboxId=g@contoso.com');
    expect(redactUrl('/owa/auth/logon.aspx?url=https%3a%2f%2fmail%2fowa%2f&reason=0')).toBe('/owa/auth/logon.aspx?url=https%3a%2f%2fmail%2fowa%2f&reason=0');
    expect(redactUrl('not a url %zz?sig=%E0')).toBe('not a url %zz?sig=[redacted]');
  });
});
