import { describe, expect, it } from 'vitest';
import type { HeaderList } from '../model/probe-data';
import { classifyResponder, healthcheckServer, looksLikeHtml } from './responder';
import { parseWwwAuthenticate } from './www-authenticate';

const HOST = 'mail.contoso.com';
const URL_MAPI = `https://${HOST}/mapi/emsmdb/?MailboxId=x@contoso.com`;

function classify(status: number, headers: HeaderList, extra: { contentType?: string; preview?: string } = {}) {
  const challenges = parseWwwAuthenticate(headers.filter(([n]) => n.toLowerCase() === 'www-authenticate').map(([, v]) => v)).challenges;
  return classifyResponder({ host: HOST, url: URL_MAPI, status, headers, challenges, ...extra });
}

describe('classifyResponder', () => {
  it('Exchange on-premises: 401 with challenges and X-FEServer', () => {
    expect(classify(401, [['WWW-Authenticate', 'Negotiate'], ['WWW-Authenticate', 'NTLM'], ['X-FEServer', 'EX01']])).toEqual({
      verdict: 'exchange-like',
      reason: 'exchange-headers',
      exchangeHeaders: ['x-feserver'],
      challenged: true,
      html: false,
    });
  });

  it('a 401 with a challenge but no Exchange headers still looks like Exchange (or its front end)', () => {
    expect(classify(401, [['WWW-Authenticate', 'Basic realm="x"']])).toMatchObject({ verdict: 'exchange-like', reason: 'challenge' });
  });

  it('the health check answer', () => {
    expect(classify(200, [['Content-Type', 'text/html']], { contentType: 'text/html', preview: '200 OK<br/>EX01' })).toMatchObject({ verdict: 'exchange-like', reason: 'healthcheck-answer' });
    expect(healthcheckServer('200 OK<br/>EX01')).toBe('EX01');
    expect(healthcheckServer('200 OK<br />EX-02\r\n')).toBe('EX-02');
    expect(healthcheckServer('<html>')).toBeUndefined();
  });

  it('a portal or reverse proxy: HTML without a challenge', () => {
    expect(classify(200, [['Server', 'nginx']], { contentType: 'text/html', preview: '<!DOCTYPE html><html>' })).toMatchObject({ verdict: 'not-exchange', reason: 'html-without-challenge', html: true });
  });

  it('a redirect to another host without a challenge, and one to the same host', () => {
    expect(classify(302, [['Location', 'https://login.hotspot.test/?x=1']])).toMatchObject({ verdict: 'not-exchange', reason: 'redirect-foreign-host', redirectHost: 'login.hotspot.test', redirectForeign: true });
    expect(classify(302, [['Location', '/my.policy']])).toMatchObject({ verdict: 'not-exchange', reason: 'redirect-without-challenge', redirectHost: HOST, redirectForeign: false });
  });

  it('Exchange Online redirects OWA to another host, with its own headers', () => {
    expect(classify(302, [['Location', 'https://login.microsoftonline.com/common/oauth2/authorize'], ['X-FEServer', 'FR0P281CA0042']])).toMatchObject({ verdict: 'exchange-like', redirectForeign: true });
  });

  it('a bare error without markers is unknown', () => {
    expect(classify(404, [['Server', 'Microsoft-IIS/10.0']], { contentType: 'text/html', preview: '<html>' })).toMatchObject({ verdict: 'unknown', reason: 'other', html: true });
  });

  it('recognises HTML by its start when the content type is missing', () => {
    expect(looksLikeHtml(undefined, '  <HTML><HEAD>')).toBe(true);
    expect(looksLikeHtml('text/plain', 'Microsoft Connect Test')).toBe(false);
  });
});
