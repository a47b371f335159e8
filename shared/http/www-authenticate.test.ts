import { describe, expect, it } from 'vitest';
import { readSample } from '../../e2e/fixtures/samples';
import type { AuthChallenge } from '../model/probe-data';
import { challengeSchemes, hasScheme, parseWwwAuthenticate, redactChallengeTokens } from './www-authenticate';

interface GreenbytesCase {
  id: string;
  header_fields: { field_value: string }[];
}

const cases = (JSON.parse(readSample('www-authenticate/greenbytes-httpauth-cases.json')) as { cases: GreenbytesCase[] }).cases;

const basic = (params: Record<string, string>): AuthChallenge => ({ scheme: 'Basic', params });

/**
 * What the parser must make of each greenbytes case (http://test.greenbytes.de/tech/tc/httpauth/).
 *
 * `problems` lists a fragment of every expected problem message, in order; a case without the
 * key must parse without any problem. Where the greenbytes page calls a value invalid, the
 * tolerant parser still returns what it can and names the problem.
 */
const EXPECTED: Record<string, { challenges: AuthChallenge[]; problems?: string[] }> = {
  simplebasic: { challenges: [basic({ realm: 'foo' })] },
  simplebasiclf: { challenges: [basic({ realm: 'foo' })], problems: ['obsolete line folding'] },
  simplebasicucase: { challenges: [{ scheme: 'BASIC', params: { realm: 'foo' } }] },
  simplebasictok: { challenges: [basic({ realm: 'foo' })] },
  simplebasictokbs: { challenges: [basic({ realm: '\\f\\o\\o' })], problems: ['neither a token nor a quoted string'] },
  // `'` is a tchar: the token includes the quotes, which are not quoting.
  simplebasicsq: { challenges: [basic({ realm: "'foo'" })] },
  simplebasicpct: { challenges: [basic({ realm: 'foo%20bar' })] },
  simplebasiccomma: { challenges: [basic({ realm: 'foo' })] },
  simplebasiccomma2: { challenges: [basic({ realm: 'foo' })], problems: ['no space between scheme Basic'] },
  simplebasicnorealm: { challenges: [basic({})] },
  simplebasic2realms: { challenges: [basic({ realm: 'foo' })], problems: ['realm repeated'] },
  // RFC 7235 allows BWS around `=`.
  simplebasicwsrealm: { challenges: [basic({ realm: 'foo' })] },
  simplebasicrealmsqc: { challenges: [basic({ realm: 'foo' })] },
  simplebasicrealmsqc2: { challenges: [basic({ realm: '"foo"' })] },
  simplebasicnewparam1: { challenges: [basic({ realm: 'foo', bar: 'xyz', a: 'b', c: 'd' })] },
  simplebasicnewparam2: { challenges: [basic({ bar: 'xyz', realm: 'foo' })] },
  simplebasicrealmiso88591: { challenges: [basic({ realm: 'foo-\u00e4' })] },
  // Header bytes arrive as latin-1; the parser does not re-decode them.
  simplebasicrealmutf8: { challenges: [basic({ realm: 'foo-\u00c3\u00a4' })] },
  simplebasicrealmrfc2047: { challenges: [basic({ realm: '=?ISO-8859-1?Q?foo-=E4?=' })] },
  multibasicunknown: { challenges: [basic({ realm: 'basic' }), { scheme: 'Newauth', params: { realm: 'newauth' } }] },
  multibasicunknown2: { challenges: [{ scheme: 'Newauth', params: { realm: 'newauth' } }, basic({ realm: 'basic' })] },
  multibasicunknown2mf: { challenges: [{ scheme: 'Newauth', params: { realm: 'newauth' } }, basic({ realm: 'basic' })] },
  multibasicempty: { challenges: [basic({ realm: 'basic' })] },
  multibasicqs: {
    challenges: [{ scheme: 'Newauth', params: { realm: 'apps', type: '1', title: 'Login to "apps"' } }, basic({ realm: 'simple' })],
  },
  multidisgscheme: {
    challenges: [{ scheme: 'Newauth', params: { realm: 'Newauth Realm', basic: 'foo' } }, basic({ realm: 'Basic Realm' })],
  },
  unknown: { challenges: [{ scheme: 'Newauth', params: { realm: 'newauth' } }] },
  disguisedrealm: { challenges: [basic({ foo: 'realm=nottherealm', realm: 'basic' })] },
  disguisedrealm2: { challenges: [basic({ nottherealm: 'nottherealm', realm: 'basic' })] },
  missingquote: { challenges: [basic({ realm: 'basic' })], problems: ['without closing quote'] },
};

describe('parseWwwAuthenticate: greenbytes cases', () => {
  it('has an expectation for all 29 cases of the sample file', () => {
    expect(cases).toHaveLength(29);
    expect(Object.keys(EXPECTED).sort()).toEqual(cases.map((c) => c.id).sort());
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s', (id, c) => {
    const expected = EXPECTED[id]!;
    const result = parseWwwAuthenticate(c.header_fields.map((f) => f.field_value));
    expect(result.challenges).toEqual(expected.challenges);
    const messages = result.problems.map((p) => p.message);
    expect(messages).toHaveLength(expected.problems?.length ?? 0);
    expected.problems?.forEach((fragment, i) => expect(messages[i]).toContain(fragment));
  });
});

/** `Name →Value` lines (Postman copy) or `Name: value` lines (raw dump) of a sample. */
function sampleHeaders(file: string): [string, string][] {
  return readSample(file)
    .split(/\r?\n/)
    .map((line) => /^([A-Za-z0-9-]+)(?: \u2192|:) ?(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [m[1]!, m[2]!]);
}

const wwwAuthenticate = (headers: [string, string][]) => headers.filter(([name]) => name.toLowerCase() === 'www-authenticate').map(([, v]) => v);

describe('parseWwwAuthenticate: Exchange samples', () => {
  it('Exchange 2019 on-prem, anonymous: Negotiate, NTLM and Basic on separate lines', () => {
    const values = wwwAuthenticate(sampleHeaders('http-headers/exchange2019-onprem-401-anonymous-negotiate-ntlm-basic.txt'));
    expect(values).toHaveLength(3);
    const { challenges, problems } = parseWwwAuthenticate(values);
    expect(problems).toEqual([]);
    expect(challenges).toEqual([
      { scheme: 'Negotiate', params: {} },
      { scheme: 'NTLM', params: {} },
      { scheme: 'Basic', params: { realm: 'mail.domain.corp' } },
    ]);
    expect(challengeSchemes(challenges)).toEqual(['Negotiate', 'NTLM', 'Basic']);
  });

  it('hybrid modern auth: Bearer with a quoted list containing commas and spaces, then Basic', () => {
    const values = wwwAuthenticate(sampleHeaders('http-headers/exchange-onprem-hma-activesync-401-msdocs.txt'));
    const { challenges, problems } = parseWwwAuthenticate(values);
    expect(problems).toEqual([]);
    expect(challenges).toEqual([
      {
        scheme: 'Bearer',
        params: {
          client_id: '00000002-0000-0ff1-ce00-000000000000',
          trusted_issuers: '00000001-0000-0000-c000-000000000000@5de110f8-2e0f-4d45-891d-bcf2218e253d,00000004-0000-0ff1-ce00-000000000000@contoso.com',
          token_types: 'app_asserted_user_v1 service_asserted_app_v1',
          authorization_uri: 'https://login.windows.net/common/oauth2/authorize',
        },
      },
      { scheme: 'Basic', params: { realm: 'mail.contoso.com' } },
    ]);
  });

  it('hybrid modern auth with an invalid token: the error parameter', () => {
    const values = wwwAuthenticate(sampleHeaders('http-headers/exchange-onprem-hma-activesync-401-invalid-token-msdocs.txt'));
    const { challenges, problems } = parseWwwAuthenticate(values);
    expect(problems).toEqual([]);
    expect(challenges.map((c) => c.scheme)).toEqual(['Bearer', 'Basic']);
    expect(challenges[0]!.params.error).toBe('invalid_token');
    expect(hasScheme(challenges, 'bearer')).toBe(true);
    expect(hasScheme(challenges, 'negotiate')).toBe(false);
  });

  it('the status page sample has no challenge at all', () => {
    const values = wwwAuthenticate(sampleHeaders('http-headers/exchange2016-mapi-nspi-status-page-200.txt'));
    expect(parseWwwAuthenticate(values)).toEqual({ challenges: [], problems: [] });
  });
});

describe('parseWwwAuthenticate: Exchange Online and protocol cases', () => {
  it('two challenges without a space after the comma, capitalised empty Realm', () => {
    expect(parseWwwAuthenticate(['Basic Realm="",Negotiate']).challenges).toEqual([
      { scheme: 'Basic', params: { realm: '' } },
      { scheme: 'Negotiate', params: {} },
    ]);
  });

  it('several challenges on one line, with a trailing comma', () => {
    const result = parseWwwAuthenticate(['Negotiate, NTLM, Basic realm="x",']);
    expect(result.challenges.map((c) => c.scheme)).toEqual(['Negotiate', 'NTLM', 'Basic']);
    expect(result.problems).toEqual([]);
  });

  it('keeps only the length of a token68, padding included', () => {
    const token = 'TlRMTVNTUAACAAAADAAMADgAAAAFgokCqmt+/0Q8==';
    const result = parseWwwAuthenticate([`NTLM ${token}`, 'Negotiate YIIabc=, Basic realm="r"']);
    expect(result.problems).toEqual([]);
    expect(result.challenges).toEqual([
      { scheme: 'NTLM', params: {}, token68Length: token.length },
      { scheme: 'Negotiate', params: {}, token68Length: 'YIIabc='.length },
      { scheme: 'Basic', params: { realm: 'r' } },
    ]);
    expect(JSON.stringify(result)).not.toContain('TlRMTVNT');
  });

  it('the RFC 7235 §4.1 example', () => {
    expect(parseWwwAuthenticate(['Newauth realm="apps", type=1, title="Login to \\"apps\\"", Basic realm="simple"']).challenges).toEqual([
      { scheme: 'Newauth', params: { realm: 'apps', type: '1', title: 'Login to "apps"' } },
      { scheme: 'Basic', params: { realm: 'simple' } },
    ]);
  });

  it('duplicated challenges are kept', () => {
    expect(parseWwwAuthenticate(['Negotiate', 'Negotiate']).challenges).toHaveLength(2);
  });

  it('never throws on hostile input and reports what it skipped', () => {
    const hostile = ['', ',,,', '=', '"', '"unterminated', 'Basic realm="a\\', '\u0000\u0001', 'Basic ==== x', 'x'.repeat(100_000), 'a=b', 'Basic __proto__="polluted"'];
    const result = parseWwwAuthenticate(hostile);
    expect(result.problems.length).toBeGreaterThan(0);
    const proto = result.challenges.find((c) => Object.prototype.hasOwnProperty.call(c.params, '__proto__'));
    expect(proto?.params.__proto__).toBe('polluted');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('redactChallengeTokens', () => {
  it('replaces token68 values and leaves the rest as sent', () => {
    expect(redactChallengeTokens('NTLM TlRMTVNTUAACAAAA==')).toBe('NTLM [token68 redacted, 18 chars]');
    expect(redactChallengeTokens('Negotiate oYH1MIHyoAMKAQA=, Basic realm="x"')).toBe('Negotiate [token68 redacted, 16 chars], Basic realm="x"');
    expect(redactChallengeTokens('Basic realm="x"')).toBe('Basic realm="x"');
  });
});
