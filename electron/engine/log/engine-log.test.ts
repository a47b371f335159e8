import { describe, expect, it } from 'vitest';
import { PLANTED } from '../../../e2e/fixtures/bundle-fixture';
import { formatLogText, lineLog, SILENT_LOG } from './engine-log';
import { logRedactor } from './log-redaction';

describe('log lines', () => {
  it('are the message and flat key=value fields, quoted where needed', () => {
    expect(formatLogText('run end', { verdict: 'problem', durationMs: 2499, findings: ['tls.cert-expired', 'dns.nxdomain'], endedEarly: null, note: 'two words', skip: undefined })).toBe(
      'run end verdict=problem durationMs=2499 findings=tls.cert-expired,dns.nxdomain endedEarly=null note="two words"',
    );
  });

  it('never hold a secret: by field name and by pattern', () => {
    const basic = Buffer.from('anna:geheim').toString('base64');
    const line = formatLogText('request refused', {
      password: 'Kennw0rt',
      token: 'abc',
      url: `https://mail.contoso.test/ews?access_token=${PLANTED.urlToken}`,
      header: `Negotiate ${PLANTED.negotiate}`,
      jwt: PLANTED.bearer,
    });
    for (const secret of ['Kennw0rt', 'abc', PLANTED.urlToken, PLANTED.negotiate.slice(0, 40), PLANTED.bearer.split('.')[1]!]) expect(line).not.toContain(secret);
    expect(line).toContain('password=[entfernt]');
    expect(line).toContain('header="Negotiate [entfernt]"');
    // A header in the message itself: its value runs to the end of the line, and all of it goes.
    const echoed = formatLogText(`proxy said Proxy-Authorization: Basic ${basic}`, { status: 407 });
    expect(echoed).toBe('proxy said Proxy-Authorization: Basic [entfernt]');
  });

  it('remove a known password in any form', () => {
    const redactor = logRedactor([PLANTED.password]);
    expect(redactor.text(`body was ${encodeURIComponent(PLANTED.password)}`)).toBe('body was [entfernt]');
    const error = new Error(`login with ${PLANTED.password} refused`);
    expect(redactor.value(error)).toMatch(/^Error: login with \[entfernt\] refused\n\s+at /);
    expect(redactor.value({ headers: [['Authorization', 'Bearer abcdefghijklmnopqrstu']] })).toEqual({ headers: [['Authorization', 'Bearer [entfernt]']] });
  });
});

describe('lineLog (the command line with --verbose)', () => {
  it('writes lines of the chosen level and above, redacted', () => {
    const lines: string[] = [];
    const log = lineLog((l) => lines.push(l), 'info');
    log.debug('not shown');
    log.info('run start', { server: 'mail.contoso.test' });
    log.error('failed', { authorization: 'NTLM TlRMTVNTUAADAAAAGAAYAHAAAADeAN4A' });
    expect(lines).toEqual(['[info] run start server=mail.contoso.test\n', '[error] failed authorization="NTLM [entfernt]"\n']);
  });

  it('never throws, even when the stream does', () => {
    const log = lineLog(() => {
      throw new Error('EPIPE');
    }, 'debug');
    expect(() => log.error('x')).not.toThrow();
    expect(() => SILENT_LOG.error('x')).not.toThrow();
  });
});
