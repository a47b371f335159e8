import { ANONYMIZATION_KINDS, REDACTION_KINDS, type AnonymizationCounts, type AnonymizationKind, type RedactionCounts, type RedactionKind } from '../../../shared/bundle/bundle-input';
import { escapeHtml } from '../../../shared/bundle/html';

/**
 * Removes secrets from everything that goes into a bundle, and optionally replaces personal
 * names with placeholders; counts what it did.
 *
 * Two layers. `value()`/`text()` work on the data before it is serialised: header lists and
 * objects by their structure (every value of an Authorization, Proxy-Authorization, Cookie or
 * Set-Cookie header, fields named like a secret), every string by pattern (auth tokens, keys in
 * URLs, the run's password) and, when asked, by the names to anonymise. `finalPass()` runs over
 * the serialised bytes of each text entry right before it goes into the zip and catches what the
 * first layer missed; its patterns only replace characters that cannot break the entry's syntax.
 */
export const REDACTED = '[entfernt]';

export type EntryFormat = 'text' | 'json' | 'html';

export interface AnonymizeNames {
  users: readonly string[];
  mailboxes: readonly string[];
  computers: readonly string[];
}

export interface RedactorOptions {
  /** Passwords (kept in memory only); searched for in every form they may take. */
  secrets?: readonly string[];
  /** User names the passwords may be paired with (Basic credentials are base64 of `user:password`). */
  users?: readonly string[];
  /** Names to replace with placeholders; absent = no anonymisation. */
  anonymize?: AnonymizeNames;
}

const PLACEHOLDER: Record<AnonymizationKind, string> = { user: 'benutzer', mailbox: 'postfach', computer: 'computer' };

const SENSITIVE_HEADERS: Record<string, RedactionKind> = {
  authorization: 'authorization',
  'proxy-authorization': 'proxy-authorization',
  cookie: 'cookie',
  'set-cookie': 'set-cookie',
};

/** Object keys whose string value is a secret whatever it looks like. */
const SECRET_FIELDS = new Set(['password', 'passwd', 'pwd', 'secret', 'client_secret', 'access_token', 'refresh_token', 'id_token', 'token', 'apikey', 'api_key']);

/** Names of query parameters that carry credentials (OAuth, SAS signatures, login forms). */
const URL_SECRET_PARAMS = [
  'access_token',
  'id_token',
  'refresh_token',
  'client_secret',
  'token',
  'code',
  'sig',
  'signature',
  'password',
  'passwd',
  'pwd',
  'apikey',
  'api_key',
  'key',
  'ticket',
  'assertion',
  'samlresponse',
  'samlrequest',
];

/**
 * Shortest token after an auth scheme that is taken for a credential without other signs.
 *
 * Real NTLM, SPNEGO and bearer tokens are far longer; shorter words after "Negotiate" or
 * "Bearer" in prose ("Negotiate and NTLM") must stay.
 */
const MIN_SCHEME_TOKEN = 16;

/** Known starts of credential blobs: NTLMSSP in base64, SPNEGO/Kerberos (ASN.1 0x60 / 0xa1), JWT. */
const TOKEN_SIGNATURE = /^(TlRMTVNTUA|YII|YH|oY|eyJ)/;

const TOKEN68 = '[A-Za-z0-9\\-._~+/]+=*';
const SCHEME_TOKEN = new RegExp(`(?<![\\w-])(Basic|Bearer|Negotiate|NTLM|Kerberos|Digest)(\\s+)(${TOKEN68})`, 'gi');
const NTLM_BLOB = /(?<![A-Za-z0-9+/])TlRMTVNTUA[A-Za-z0-9+/]*=*/g;
const SPNEGO_BLOB = /(?<![A-Za-z0-9+/])YII[A-Za-z0-9+/]{16,}=*/g;
const JWT = /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g;
const URL_PARAM = new RegExp(
  `((?:[?&#;]|%3[Ff]|%26))(${URL_SECRET_PARAMS.join('|')})(=|%3[Dd])((?:%(?!26)[0-9A-Fa-f]{2}|[^&\\s"'<>#\\\\%])+)`,
  'gi',
);
const URL_USERINFO = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@"'<>\\]+):([^\s/@"'<>\\]+)@/gi;

/** Header lines in free text (curl logs, echoed requests); the value ends where the format's syntax would. */
const HEADER_LINE: Record<EntryFormat, RegExp> = {
  text: /(?<![\w-])(proxy-authorization|authorization|set-cookie|cookie)(\s*:[ \t]*)([^\r\n]+)/gi,
  json: /(?<![\w-])(proxy-authorization|authorization|set-cookie|cookie)(\s*:[ \t]*)([^\r\n"\\]+)/gi,
  html: /(?<![\w-])(proxy-authorization|authorization|set-cookie|cookie)(\s*:[ \t]*)([^\r\n<&]+)/gi,
};

/** `["Authorization", "…"]` pairs and `{"name": "Cookie", "value": "…"}` objects in serialised JSON. */
const JSON_HEADER_PAIR = /(\[\s*"(proxy-authorization|authorization|set-cookie|cookie)"\s*,\s*")((?:[^"\\]|\\.)*)"(?=\s*\])/gi;
const JSON_HEADER_OBJECT = /("name"\s*:\s*"(proxy-authorization|authorization|set-cookie|cookie)"\s*,\s*"value"\s*:\s*")((?:[^"\\]|\\.)*)"/gi;

export class Redactor {
  readonly counts: RedactionCounts = Object.fromEntries(REDACTION_KINDS.map((k) => [k, 0])) as RedactionCounts;
  readonly anonymizations: AnonymizationCounts = Object.fromEntries(ANONYMIZATION_KINDS.map((k) => [k, 0])) as AnonymizationCounts;
  readonly anonymized: boolean;
  private readonly secretPatterns: Record<EntryFormat, RegExp | null>;
  private readonly names: { pattern: RegExp; map: Map<string, { placeholder: string; kind: AnonymizationKind }> } | null;

  constructor(options: RedactorOptions = {}) {
    this.secretPatterns = {
      text: secretPattern(options, 'text'),
      json: secretPattern(options, 'json'),
      html: secretPattern(options, 'html'),
    };
    this.anonymized = !!options.anonymize;
    this.names = options.anonymize ? namePattern(options.anonymize) : null;
  }

  /** A deep copy of a value with every secret removed (and names replaced when anonymising). */
  value<T>(input: T): T {
    return this.walk(input, 0) as T;
  }

  /** One string of data (a body preview, a command's output, a note). */
  text(input: string): string {
    return this.anonymize(this.redactText(input, 'text'));
  }

  /** The last safety net over a serialised entry; never changes the entry's syntax. */
  finalPass(serialized: string, format: EntryFormat): string {
    let out = serialized;
    if (format === 'json') {
      const fix = (_m: string, head: string, name: string, escaped: string) => {
        const value = JSON.parse(`"${escaped}"`) as string;
        const redacted = this.headerValue(name, value);
        return `${head}${JSON.stringify(redacted).slice(1, -1)}"`;
      };
      out = out.replace(JSON_HEADER_PAIR, fix).replace(JSON_HEADER_OBJECT, fix);
    }
    return this.redactText(out, format);
  }

  /** Redacts the value of one header if its name marks it as a credential; other values come back unchanged. */
  headerValue(name: string, value: string): string {
    const kind = SENSITIVE_HEADERS[name.toLowerCase()];
    if (!kind || value.trim() === '') return value;
    let out: string;
    if (kind === 'authorization' || kind === 'proxy-authorization') {
      const m = /^\s*([A-Za-z][A-Za-z0-9_-]*)(\s+)\S/.exec(value);
      out = m ? `${m[1]} ${REDACTED}` : REDACTED;
    } else if (kind === 'cookie') {
      out = value
        .split(';')
        .map((pair) => {
          const eq = pair.indexOf('=');
          return eq > 0 ? `${pair.slice(0, eq).trim()}=${REDACTED}` : pair.trim() === '' ? '' : REDACTED;
        })
        .join('; ');
    } else {
      const [first = '', ...attributes] = value.split(';');
      const eq = first.indexOf('=');
      // Attributes (path, expiry, flags) carry no secret and tell a load balancer's affinity apart.
      out = [eq > 0 ? `${first.slice(0, eq).trim()}=${REDACTED}` : REDACTED, ...attributes.map((a) => this.redactText(a.trim(), 'text'))].join('; ');
    }
    if (out !== value) this.counts[kind] += 1;
    return out;
  }

  private walk(input: unknown, depth: number): unknown {
    // Evidence is shallow; a deep structure is a bug or an attack, and must not overflow the stack.
    if (depth > 200) return REDACTED;
    if (typeof input === 'string') return this.text(input);
    if (Array.isArray(input)) {
      if (isHeaderList(input)) {
        return input.map(([name, value]) => [name, SENSITIVE_HEADERS[name.toLowerCase()] ? this.anonymize(this.headerValue(name, value)) : this.text(value)]);
      }
      return input.map((v) => this.walk(v, depth + 1));
    }
    if (input && typeof input === 'object') {
      const source = input as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      const headerName = typeof source.name === 'string' && typeof source.value === 'string' && SENSITIVE_HEADERS[source.name.toLowerCase()] ? source.name : null;
      for (const [key, value] of Object.entries(source)) {
        const lower = key.toLowerCase();
        if (typeof value === 'string' && headerName && key === 'value') out[key] = this.anonymize(this.headerValue(headerName, value));
        else if (typeof value === 'string' && SENSITIVE_HEADERS[lower]) out[key] = this.anonymize(this.headerValue(key, value));
        else if (typeof value === 'string' && SECRET_FIELDS.has(lower) && value !== '') {
          if (value !== REDACTED) this.counts['secret-field'] += 1;
          out[key] = REDACTED;
        } else out[key] = this.walk(value, depth + 1);
      }
      return out;
    }
    return input;
  }

  private redactText(input: string, format: EntryFormat): string {
    let s = input;
    const secrets = this.secretPatterns[format];
    if (secrets) s = s.replace(secrets, () => this.count('password'));
    s = s.replace(URL_USERINFO, (m: string, head: string, pass: string) => (pass === REDACTED ? m : `${head}:${this.count('password')}@`));
    s = s.replace(HEADER_LINE[format], (m: string, name: string, sep: string, value: string) => {
      const redacted = this.headerValue(name, value.trimEnd());
      return redacted === value.trimEnd() ? m : `${name}${sep}${redacted}${value.slice(value.trimEnd().length)}`;
    });
    s = s.replace(SCHEME_TOKEN, (m: string, scheme: string, space: string, token: string, offset: number, whole: string) => {
      if (!isCredentialToken(scheme, token, whole[offset + m.length])) return m;
      return `${scheme}${space}${this.count('auth-token')}`;
    });
    s = s.replace(NTLM_BLOB, () => this.count('auth-token'));
    s = s.replace(SPNEGO_BLOB, () => this.count('auth-token'));
    s = s.replace(JWT, () => this.count('auth-token'));
    s = s.replace(URL_PARAM, (m: string, sep: string, name: string, eq: string, value: string) =>
      value === REDACTED ? m : `${sep}${name}${eq}${this.count('url-token')}`,
    );
    return s;
  }

  private anonymize(input: string): string {
    if (!this.names) return input;
    const { pattern, map } = this.names;
    return input.replace(pattern, (m: string) => {
      const hit = map.get(m.toLowerCase());
      if (!hit) return m;
      this.anonymizations[hit.kind] += 1;
      return hit.placeholder;
    });
  }

  private count(kind: RedactionKind): string {
    this.counts[kind] += 1;
    return REDACTED;
  }
}

function isHeaderList(value: unknown[]): value is [string, string][] {
  return value.length > 0 && value.every((h) => Array.isArray(h) && h.length === 2 && typeof h[0] === 'string' && typeof h[1] === 'string');
}

/**
 * Whether the word after an auth scheme is a credential rather than an auth parameter or prose.
 *
 * `realm="x"` and `realm=x` are parameters (a lower-case name, one `=`, a value right after);
 * Basic credentials decode to `user:password`; other tokens are long or start like a known blob.
 */
function isCredentialToken(scheme: string, token: string, next: string | undefined): boolean {
  if (token === REDACTED.slice(1, -1)) return false;
  const isParam = /^[a-z][a-z0-9_-]*=$/.test(token) && next !== undefined && /["A-Za-z0-9]/.test(next);
  if (isParam) return false;
  const bare = token.replace(/=+$/, '');
  if (scheme.toLowerCase() === 'basic') {
    if (bare.length >= MIN_SCHEME_TOKEN) return true;
    if (!/^[A-Za-z0-9+/]+$/.test(bare) || bare.length < 4) return false;
    return Buffer.from(bare, 'base64').toString('latin1').includes(':');
  }
  if (scheme.toLowerCase() === 'digest') return false;
  return bare.length >= MIN_SCHEME_TOKEN || (TOKEN_SIGNATURE.test(bare) && bare.length >= 8);
}

/** Every form a password can take in an entry of the given format, as one pattern (longest first). */
function secretPattern(options: RedactorOptions, format: EntryFormat): RegExp | null {
  const forms = new Set<string>();
  for (const secret of options.secrets ?? []) {
    if (!secret) continue;
    const encoded = encodeURIComponent(secret);
    const raw = [secret, encoded, encoded.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()), encoded.replace(/%20/g, '+')];
    // Base64 with its padding and without (a token cut at the padding still gives the password away).
    const b64 = (text: string) => {
      const padded = Buffer.from(text, 'utf8').toString('base64');
      raw.push(padded, padded.replace(/=+$/, ''));
    };
    b64(secret);
    for (const user of options.users ?? []) for (const u of userForms(user)) b64(`${u}:${secret}`);
    for (const form of raw) {
      if (!form) continue;
      if (format === 'text') forms.add(form);
      else if (format === 'json') forms.add(JSON.stringify(form).slice(1, -1));
      else forms.add(escapeHtml(form));
    }
  }
  if (forms.size === 0) return null;
  const sorted = [...forms].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(sorted.join('|'), 'g');
}

/** A user name as typed and its bare forms: `CONTOSO\anna` → `anna`, `anna@contoso.com` → `anna`. */
function userForms(user: string): string[] {
  const forms = new Set([user]);
  const afterSlash = user.slice(user.lastIndexOf('\\') + 1);
  forms.add(afterSlash);
  const at = afterSlash.indexOf('@');
  if (at > 0) forms.add(afterSlash.slice(0, at));
  return [...forms].filter((f) => f.trim() !== '');
}

function namePattern(names: AnonymizeNames): { pattern: RegExp; map: Map<string, { placeholder: string; kind: AnonymizationKind }> } | null {
  const map = new Map<string, { placeholder: string; kind: AnonymizationKind }>();
  const add = (value: string, kind: AnonymizationKind, index: number) => {
    const key = value.trim().toLowerCase();
    if (!key || map.has(key)) return;
    map.set(key, { placeholder: `${PLACEHOLDER[kind]}-${index}`, kind });
    // The same name inside URLs (Autodiscover's ?Email=…) is percent-encoded.
    const encoded = encodeURIComponent(value.trim()).toLowerCase();
    if (!map.has(encoded)) map.set(encoded, { placeholder: `${PLACEHOLDER[kind]}-${index}`, kind });
  };
  const distinct = (values: readonly string[]) => [...new Set(values.map((v) => v.trim()).filter(Boolean))];
  const users = distinct(names.users);
  const mailboxes = distinct(names.mailboxes.map((m) => (m.includes('@') ? m.slice(0, m.lastIndexOf('@')) : m)));
  const computers = distinct(names.computers);
  // Full forms first, so `CONTOSO\anna` stays one user and a bare `anna` that is also the mailbox keeps one placeholder.
  users.forEach((u, i) => add(u, 'user', i + 1));
  mailboxes.forEach((m, i) => add(m, 'mailbox', i + 1));
  users.forEach((u, i) => userForms(u).forEach((f) => add(f, 'user', i + 1)));
  computers.forEach((c, i) => {
    add(c, 'computer', i + 1);
    const label = c.split('.')[0];
    if (label) add(label, 'computer', i + 1);
  });
  if (map.size === 0) return null;
  const alternatives = [...map.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  // Whole names only: `anna` must not eat into `annabelle` or `hosanna`.
  return { pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu'), map };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
