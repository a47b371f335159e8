import type { AuthChallenge } from '../model/probe-data';

/**
 * A tolerant RFC 7235 parser for WWW-Authenticate (and Proxy-Authenticate) header fields.
 *
 * Real servers send challenges split over several header lines, several challenges per line
 * (`Negotiate, NTLM, Basic realm="x"`), no space after a comma (`Basic Realm="",Negotiate`),
 * quoted strings with escapes and commas, token68 with `=` padding, empty list elements and
 * trailing commas. The parser never throws: it returns every challenge it can make out and a list
 * of what it had to skip or guess. A token68 (a Negotiate/NTLM token) is never kept, only its length.
 *
 * Grammar (RFC 7235 §2.1, §4.1): `WWW-Authenticate = 1#challenge`,
 * `challenge = auth-scheme [ 1*SP ( token68 / #auth-param ) ]`,
 * `auth-param = token BWS "=" BWS ( token / quoted-string )`,
 * `token68 = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="`.
 * A comma separates either two parameters of one challenge or two challenges: a token followed by
 * `=` is a parameter, any other token starts a new challenge.
 */

/** Something the parser had to skip or guess, with where it happened. */
export interface AuthParseProblem {
  /** Index of the header field in the list given to the parser. */
  field: number;
  /** Character offset in that field value. */
  offset: number;
  message: string;
}

export interface ParsedChallenges {
  challenges: AuthChallenge[];
  problems: AuthParseProblem[];
}

/** A token68 found in a field value: where it is, so a recorder can blank it out. */
interface Token68Span {
  start: number;
  end: number;
}

/** RFC 7230 tchar. */
const TCHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;
/** Characters a token68 may hold before its padding. */
const TOKEN68_CHAR = /[A-Za-z0-9\-._~+/]/;
/** Optional whitespace; CR and LF count too so obsolete line folding parses like a space. */
const WS = /[ \t\r\n]/;

const isTchar = (c: string | undefined): boolean => c !== undefined && TCHAR.test(c);
const isWs = (c: string | undefined): boolean => c !== undefined && WS.test(c);

/**
 * Parses the values of all WWW-Authenticate header fields of one response, in order.
 *
 * Parameter names are lower-cased (they are case-insensitive), the scheme stays as sent.
 * A repeated parameter keeps its first value and is reported as a problem.
 */
export function parseWwwAuthenticate(fieldValues: readonly string[]): ParsedChallenges {
  const challenges: AuthChallenge[] = [];
  const problems: AuthParseProblem[] = [];
  fieldValues.forEach((value, field) => {
    const parsed = parseField(typeof value === 'string' ? value : String(value), field);
    challenges.push(...parsed.challenges);
    problems.push(...parsed.problems);
  });
  return { challenges, problems };
}

/** The scheme names of the challenges, as sent, without duplicates (first spelling wins). */
export function challengeSchemes(challenges: readonly AuthChallenge[]): string[] {
  const seen = new Map<string, string>();
  for (const c of challenges) if (!seen.has(c.scheme.toLowerCase())) seen.set(c.scheme.toLowerCase(), c.scheme);
  return [...seen.values()];
}

/** Whether a challenge of this scheme (case-insensitive) is among them. */
export function hasScheme(challenges: readonly AuthChallenge[], scheme: string): boolean {
  const wanted = scheme.toLowerCase();
  return challenges.some((c) => c.scheme.toLowerCase() === wanted);
}

/**
 * The field value with every token68 replaced by a length marker.
 *
 * For recording response headers: an NTLM type 2 or Negotiate token in a WWW-Authenticate line
 * must never reach evidence, but the rest of the line is useful as sent.
 */
export function redactChallengeTokens(fieldValue: string): string {
  const { spans } = parseField(fieldValue, 0);
  let out = '';
  let last = 0;
  for (const span of spans) {
    out += `${fieldValue.slice(last, span.start)}[token68 redacted, ${span.end - span.start} chars]`;
    last = span.end;
  }
  return out + fieldValue.slice(last);
}

function setParam(params: Record<string, string>, name: string, value: string): boolean {
  if (Object.prototype.hasOwnProperty.call(params, name)) return false;
  // defineProperty: a parameter called `__proto__` must stay a plain property.
  Object.defineProperty(params, name, { value, enumerable: true, writable: true, configurable: true });
  return true;
}

function parseField(value: string, field: number): ParsedChallenges & { spans: Token68Span[] } {
  const challenges: AuthChallenge[] = [];
  const problems: AuthParseProblem[] = [];
  const spans: Token68Span[] = [];
  const n = value.length;
  let pos = 0;
  let current: AuthChallenge | null = null;
  /** The current challenge ended with a token68: no parameters may follow it. */
  let currentHasToken68 = false;
  /** The scheme was followed directly by a comma (no space), e.g. `Basic, realm="x"`. */
  let schemeThenComma = false;

  const problem = (offset: number, message: string) => problems.push({ field, offset, message });
  const skipWs = () => {
    while (pos < n && isWs(value[pos])) pos += 1;
  };
  const readToken = (): string => {
    const start = pos;
    while (pos < n && isTchar(value[pos])) pos += 1;
    return value.slice(start, pos);
  };
  /** Skips to just after the next comma outside a quoted string, reporting what is skipped. */
  const skipToComma = (message: string) => {
    const start = pos;
    let quoted = false;
    while (pos < n) {
      const c = value[pos];
      if (quoted && c === '\\') pos += 1;
      else if (c === '"') quoted = !quoted;
      else if (c === ',' && !quoted) break;
      pos += 1;
    }
    problem(start, `${message}: ${JSON.stringify(value.slice(start, Math.min(pos, start + 40)))}`);
  };
  const readQuoted = (): string => {
    const start = pos;
    pos += 1; // opening quote
    let out = '';
    while (pos < n) {
      const c = value[pos]!;
      if (c === '\\' && pos + 1 < n) {
        out += value[pos + 1];
        pos += 2;
        continue;
      }
      if (c === '"') {
        pos += 1;
        return out;
      }
      out += c;
      pos += 1;
    }
    problem(start, 'quoted string without closing quote');
    return out;
  };
  /** After an element: only whitespace, then a comma or the end, may follow. */
  const endOfElement = () => {
    skipWs();
    if (pos < n && value[pos] !== ',') skipToComma('unexpected text skipped');
  };
  /** Reads `= value` after a parameter name (the `=` is at pos after BWS). */
  const readParam = (name: string, nameOffset: number) => {
    skipWs();
    pos += 1; // '='
    skipWs();
    let paramValue: string;
    if (value[pos] === '"') {
      paramValue = readQuoted();
    } else {
      const start = pos;
      paramValue = readToken();
      if (pos < n && value[pos] !== ',' && !isWs(value[pos])) {
        // Not a token (e.g. backslashes): keep the raw text up to the next separator, say so.
        while (pos < n && value[pos] !== ',' && !isWs(value[pos])) pos += 1;
        paramValue = value.slice(start, pos);
        problem(start, `parameter ${name} has a value that is neither a token nor a quoted string`);
      } else if (paramValue === '') {
        problem(start, `parameter ${name} has no value`);
      }
    }
    if (!current) {
      problem(nameOffset, `parameter ${name} without a scheme`);
    } else if (currentHasToken68) {
      problem(nameOffset, `parameter ${name} after a token68 ignored`);
    } else {
      if (schemeThenComma) {
        problem(nameOffset, `no space between scheme ${current.scheme} and its parameters`);
        schemeThenComma = false;
      }
      if (!setParam(current.params, name.toLowerCase(), paramValue)) problem(nameOffset, `parameter ${name} repeated; first value kept`);
    }
    endOfElement();
  };
  /** Looks past a token: is it `name BWS =` followed by a value (a parameter)? */
  const isParamAhead = (): boolean => {
    let p = pos;
    while (p < n && isWs(value[p])) p += 1;
    if (value[p] !== '=') return false;
    p += 1;
    // `name=` then end/comma, or `name==`: that is token68 padding, not a parameter.
    if (value[p] === '=') return false;
    while (p < n && isWs(value[p])) p += 1;
    return p < n && value[p] !== ',';
  };

  if (/\r?\n[ \t]/.test(value)) problem(value.search(/\r?\n/), 'obsolete line folding');

  while (pos < n) {
    // Empty list elements and whitespace between elements.
    while (pos < n && (isWs(value[pos]) || value[pos] === ',')) pos += 1;
    if (pos >= n) break;

    const start = pos;
    const word = readToken();
    if (word === '') {
      skipToComma('text that is not a scheme or parameter skipped');
      continue;
    }
    if (isParamAhead()) {
      readParam(word, start);
      continue;
    }

    // A new challenge.
    current = { scheme: word, params: {} };
    currentHasToken68 = false;
    schemeThenComma = false;
    challenges.push(current);
    if (pos >= n) break;
    if (value[pos] === ',') {
      schemeThenComma = true;
      continue;
    }
    if (!isWs(value[pos])) {
      skipToComma(`unexpected character after scheme ${word}`);
      continue;
    }
    skipWs();
    if (pos >= n || value[pos] === ',') continue;

    // token68 or the first auth-param.
    const first = pos;
    const paramName = readToken();
    if (paramName !== '' && isParamAhead()) {
      readParam(paramName, first);
      continue;
    }
    pos = first;
    while (pos < n && TOKEN68_CHAR.test(value[pos]!)) pos += 1;
    while (pos < n && value[pos] === '=') pos += 1;
    if (pos === first) {
      skipToComma(`unexpected text after scheme ${word}`);
      continue;
    }
    const afterToken = pos;
    skipWs();
    if (pos < n && value[pos] !== ',') {
      pos = afterToken;
      skipToComma(`unexpected text after scheme ${word}`);
      continue;
    }
    current.token68Length = afterToken - first;
    currentHasToken68 = true;
    spans.push({ start: first, end: afterToken });
  }
  return { challenges, problems, spans };
}
