import { describe, expect, it } from 'vitest';
import { findingsDe, findingsEn } from '../../../shared/i18n/findings';
import { de } from '../../../shared/i18n/de';
import { en } from '../../../shared/i18n/en';
import { readSample } from '../../../e2e/fixtures/samples';
import { REDACTED, Redactor } from './redactor';

const PASSWORD = 'Sommer2026!"<&>\\x';
const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('Redactor', () => {
  it('redacts credential headers in header lists and keeps the scheme and cookie names', () => {
    const r = new Redactor();
    const out = r.value({
      headers: [
        ['Authorization', basic('anna', 'pw-1234')],
        ['proxy-authorization', 'NTLM TlRMTVNTUAABAAAAB4IIogAAAAAAAAAAAAAAAAAAAAAKAGFKAAAADw=='],
        ['Cookie', 'X-BackEndCookie=S-1-5-21=abc; ClientId=ABCDEF'],
        ['Set-Cookie', 'OutlookSession=0123456789abcdef; path=/; secure; HttpOnly'],
        ['Host', 'mail.contoso.test'],
      ],
    });
    expect(out.headers).toEqual([
      ['Authorization', `Basic ${REDACTED}`],
      ['proxy-authorization', `NTLM ${REDACTED}`],
      ['Cookie', `X-BackEndCookie=${REDACTED}; ClientId=${REDACTED}`],
      ['Set-Cookie', `OutlookSession=${REDACTED}; path=/; secure; HttpOnly`],
      ['Host', 'mail.contoso.test'],
    ]);
    expect(r.counts).toMatchObject({ authorization: 1, 'proxy-authorization': 1, cookie: 1, 'set-cookie': 1 });
  });

  it('keeps challenges without tokens and prose about the methods', () => {
    const r = new Redactor();
    const keep = [
      'Negotiate',
      'NTLM',
      'Basic realm="mail.domain.corp"',
      'Basic realm=mail',
      'Bearer client_id="00000002-0000-0ff1-ce00-000000000000", trusted_issuers="00000001-0000-0000-c000-000000000000@5de110f8", token_types="app_asserted_user_v1 service_asserted_app_v1", authorization_uri="https://login.windows.net/common/oauth2/authorize"',
      'Negotiate and NTLM are offered, Basic auth only over TLS',
      'exit code=0',
      'https://mail.contoso.test/autodiscover/autodiscover.json/v1.0/anna@contoso.test?Protocol=AutodiscoverV1',
      ...readSample('http-headers/exchange2019-onprem-401-anonymous-negotiate-ntlm-basic.txt').split('\n'),
      ...readSample('http-headers/exchange-onprem-hma-activesync-401-msdocs.txt').split('\n'),
      ...strings(findingsDe),
      ...strings(findingsEn),
      ...strings(de),
      ...strings(en),
    ];
    for (const text of keep) expect(r.text(text)).toBe(text);
    expect(Object.values(r.counts).every((n) => n === 0)).toBe(true);
  });

  it('removes tokens after a scheme, standalone blobs, JWTs and keys in URLs', () => {
    const r = new Redactor();
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL291dGxvb2sifQ.c2lnbmF0dXJlLXBhcnQ';
    const cases: [string, string][] = [
      ['WWW-Authenticate: Negotiate oYG3MIG0oAMKAQChCwYJKoZIgvcSAQICooGfBIGcYIGZBgkqhkiG9xIBAgICAG+BiTCBhqADAgEFoQMCAQ8=', `WWW-Authenticate: Negotiate ${REDACTED}`],
      ['"NTLM TlRMTVNTUAACAAAADAAMADgAAAAFgoqiESIzRFVmd4gAAAAAAAAAAI4AjgBEAAAA"', `"NTLM ${REDACTED}"`],
      [`Bearer ${jwt}`, `Bearer ${REDACTED}`],
      [`token in body: ${jwt} end`, `token in body: ${REDACTED} end`],
      ['blob TlRMTVNTUAADAAAAGAAYAEAAAAA= here', `blob ${REDACTED} here`],
      ['https://login.test/cb?state=1&access_token=abc.DEF-123&x=2', `https://login.test/cb?state=1&access_token=${REDACTED}&x=2`],
      ['https://login.test/cb#code=0.AAAA-secret&session_state=x', `https://login.test/cb#code=${REDACTED}&session_state=x`],
      ['https://store.test/blob?sv=2020&sig=abc%2Bdef%3D&se=1', `https://store.test/blob?sv=2020&sig=${REDACTED}&se=1`],
      ['https://x.test/r?redirect=https%3A%2F%2Fy%2Fcb%3Ftoken%3Dsecret123%26a%3D1', `https://x.test/r?redirect=https%3A%2F%2Fy%2Fcb%3Ftoken%3D${REDACTED}%26a%3D1`],
      ['https://anna:geheim@proxy.test:8080/', `https://anna:${REDACTED}@proxy.test:8080/`],
      ['> Authorization: Basic YW5uYTpwdw==\r\n> Host: x', `> Authorization: Basic ${REDACTED}\r\n> Host: x`],
      [`Authorization: ${basic('a', 'b')}`, `Authorization: Basic ${REDACTED}`],
    ];
    for (const [input, expected] of cases) expect(r.text(input)).toBe(expected);
    expect(r.counts['auth-token']).toBeGreaterThanOrEqual(4);
    expect(r.counts['url-token']).toBe(4);
  });

  it('finds the password in every form, also in serialised JSON and HTML', () => {
    const r = new Redactor({ secrets: [PASSWORD], users: ['CONTOSO\\anna'] });
    const b64 = Buffer.from(`anna:${PASSWORD}`).toString('base64');
    expect(r.text(`pw ${PASSWORD} url ${encodeURIComponent(PASSWORD)} basic-less ${b64}`)).toBe(`pw ${REDACTED} url ${REDACTED} basic-less ${REDACTED}`);
    const json = JSON.stringify({ note: `said ${PASSWORD}` });
    expect(JSON.parse(r.finalPass(json, 'json'))).toEqual({ note: `said ${REDACTED}` });
    const html = `<p>said ${PASSWORD.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}</p>`;
    expect(r.finalPass(html, 'html')).toBe(`<p>said ${REDACTED}</p>`);
  });

  it('redacts header pairs in serialised JSON and keeps the JSON valid', () => {
    const r = new Redactor();
    const json = JSON.stringify({ h: [['Cookie', 'a="1"\\x; b=2']], har: [{ name: 'Set-Cookie', value: 'S=1; path=/' }] });
    const out = JSON.parse(r.finalPass(json, 'json')) as unknown;
    expect(out).toEqual({ h: [['Cookie', `a=${REDACTED}; b=${REDACTED}`]], har: [{ name: 'Set-Cookie', value: `S=${REDACTED}; path=/` }] });
  });

  it('is idempotent: a second pass changes nothing and counts nothing', () => {
    const r = new Redactor({ secrets: ['pw-123456'] });
    const once = r.text('Authorization: NTLM TlRMTVNTUAABAAAAB4IIogAAAA pw-123456 ?token=abc');
    const counts = { ...r.counts };
    expect(r.text(once)).toBe(once);
    expect(r.finalPass(JSON.stringify(once), 'json')).toBe(JSON.stringify(once));
    expect(r.counts).toEqual(counts);
  });

  it('anonymises user, mailbox and computer names consistently and only as whole names', () => {
    const r = new Redactor({ anonymize: { users: ['CONTOSO\\anna.schmidt'], mailboxes: ['Anna.Schmidt@contoso.test'], computers: ['PC-ANNA-0815.contoso.local'] } });
    expect(r.text('CONTOSO\\anna.schmidt on PC-ANNA-0815 (pc-anna-0815.contoso.local) mails anna.schmidt@contoso.test; annabelle stays')).toBe(
      'benutzer-1 on computer-1 (computer-1) mails postfach-1@contoso.test; annabelle stays',
    );
    expect(r.text('https://x/autodiscover?Email=anna.schmidt%40contoso.test')).toBe('https://x/autodiscover?Email=postfach-1%40contoso.test');
    expect(r.anonymizations).toEqual({ user: 1, mailbox: 2, computer: 2 });
  });
});
