import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { AutodiscoverProtocol } from '../../../shared/model/probe-data';

/**
 * The POX Autodiscover response (MS-OXDSCLI), read with a hardened XML parser.
 *
 * Whatever a candidate sends is untrusted: a web server's HTML, a hostile document with a DTD
 * or an entity bomb, megabytes of nesting. The body is refused before parsing when it is too
 * large or has a DTD (POX never has one, so no entity can be defined and none expanded); the
 * parser then runs with a depth cap and no DTD processing. Element names compare
 * case-insensitively (`RedirectURL` and `RedirectUrl` both occur) and namespace prefixes are
 * dropped; the namespace URI is accepted with `http://` or `https://` (Microsoft's documentation
 * shows the latter). Never throws.
 */

/** Largest body parsed. Real responses are 3–20 KB (EXO with every EcpUrl ~10 KB); 256 KiB leaves ample room. */
export const MAX_POX_BYTES = 256 * 1024;
/** Deepest element nesting accepted. A POX response nests 7 deep (Autodiscover/Response/Account/Protocol/Internal/Protocol/ASUrl). */
export const MAX_POX_DEPTH = 16;
/** Protocol blocks kept: an answer lists five or six; more is not Exchange. */
const MAX_PROTOCOLS = 32;
/** Characters kept of any text value (URLs, messages). */
const MAX_VALUE_CHARS = 2_048;

export type PoxInvalidReason =
  | 'empty'
  | 'too-large'
  | 'dtd'
  | 'malformed'
  | 'too-deep'
  | 'not-autodiscover'
  | 'namespace'
  | 'no-response'
  | 'no-action'
  | 'bad-redirect';

export type PoxResponse =
  | { kind: 'settings'; protocols: AutodiscoverProtocol[]; microsoftOnline?: boolean }
  | { kind: 'redirect-addr'; address: string }
  | { kind: 'redirect-url'; url: string }
  | { kind: 'error'; errorCode: string; message?: string }
  | { kind: 'invalid'; reason: PoxInvalidReason; detail: string };

/** The namespace of the Autodiscover schemas, with either scheme. */
const AUTODISCOVER_NAMESPACE = /^https?:\/\/schemas\.microsoft\.com\/exchange\/autodiscover\//i;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Only the five predefined entities and character references: there is never a DTD here.
  processEntities: { enabled: true, maxEntityCount: 0, maxTotalExpansions: 10_000, maxExpandedLength: MAX_POX_BYTES },
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: MAX_POX_DEPTH,
  transformTagName: (name) => name.toLowerCase(),
  transformAttributeName: (name) => name.toLowerCase(),
});

type Node = Record<string, unknown>;

/** Parses a POX answer body (bytes as received). */
export function parsePoxResponse(body: Uint8Array | string): PoxResponse {
  const size = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
  if (size === 0) return invalid('empty', 'empty body');
  if (size > MAX_POX_BYTES) return invalid('too-large', `${size} bytes, more than the ${MAX_POX_BYTES} accepted`);
  const text = (typeof body === 'string' ? body : Buffer.from(body).toString('utf8')).replace(/^\uFEFF/, '');
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return invalid('dtd', 'a document type declaration (DTD) is never part of an Autodiscover answer');

  const rootTag = /<(?:[\w.-]+:)?([\w.-]+)((?:\s[^>]*)?)>/.exec(text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, ''));
  if (!rootTag || rootTag[1]!.toLowerCase() !== 'autodiscover') {
    return invalid('not-autodiscover', rootTag ? `root element <${rootTag[1]!.slice(0, 40)}>` : 'no XML element');
  }
  const namespaces = [...(rootTag[2] ?? '').matchAll(/xmlns(?::[\w.-]+)?\s*=\s*["']([^"']*)["']/g)].map((m) => m[1]!);
  if (namespaces.length > 0 && !namespaces.some((ns) => AUTODISCOVER_NAMESPACE.test(ns))) {
    return invalid('namespace', `namespace ${namespaces[0]!.slice(0, 120)}`);
  }

  let doc: Node;
  try {
    const valid = XMLValidator.validate(text);
    if (valid !== true) return invalid('malformed', `${valid.err.msg} (line ${valid.err.line})`);
    doc = parser.parse(text) as Node;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return invalid(/nested/i.test(message) ? 'too-deep' : 'malformed', message.slice(0, 200));
  }

  const response = child(child(doc, 'autodiscover'), 'response');
  if (!response) return invalid('no-response', 'no <Response> element');
  const error = child(response, 'error');
  if (error) {
    const errorCode = textOf(child(error, 'errorcode') ?? error['errorcode']);
    const message = textOf(error['message']);
    return { kind: 'error', errorCode: errorCode ?? '', ...(message ? { message } : {}) };
  }
  const account = child(response, 'account');
  const action = textOf(account?.['action'])?.toLowerCase();
  if (!account || !action) return invalid('no-action', 'no <Account><Action>');
  if (action === 'redirectaddr') {
    const address = textOf(account['redirectaddr']);
    return address && /^[^@\s]+@[^@\s]+$/.test(address) ? { kind: 'redirect-addr', address } : invalid('bad-redirect', 'RedirectAddr is not a mail address');
  }
  if (action === 'redirecturl') {
    const url = textOf(account['redirecturl']);
    return url && URL.canParse(url) ? { kind: 'redirect-url', url } : invalid('bad-redirect', 'RedirectUrl is not a URL');
  }
  if (action !== 'settings') return invalid('no-action', `unknown Action ${action.slice(0, 40)}`);
  const protocols = asList(account['protocol']).slice(0, MAX_PROTOCOLS).map(protocolOf).filter((p): p is AutodiscoverProtocol => p !== undefined);
  const online = textOf(account['microsoftonline'])?.toLowerCase();
  return { kind: 'settings', protocols, ...(online === 'true' || online === 'false' ? { microsoftOnline: online === 'true' } : {}) };
}

/** One `<Protocol>` block: mapiHttp (attributes), EXCH/EXPR/EXHTTP/WEB/… (a `Type` element). */
function protocolOf(value: unknown): AutodiscoverProtocol | undefined {
  if (!isNode(value)) return undefined;
  const type = textOf(value['@type']) ?? textOf(value['type']);
  if (!type) return undefined;
  const protocol: AutodiscoverProtocol = { type };
  const set = (key: keyof AutodiscoverProtocol, raw: unknown) => {
    const text = textOf(raw);
    if (text) protocol[key] = text;
  };
  set('version', value['@version']);
  if (type.toLowerCase() === 'mapihttp') {
    const store = child(value, 'mailstore');
    const book = child(value, 'addressbook');
    set('internalUrl', store?.['internalurl']);
    set('externalUrl', store?.['externalurl']);
    set('addressBookInternalUrl', book?.['internalurl']);
    set('addressBookExternalUrl', book?.['externalurl']);
    return protocol;
  }
  set('server', value['server']);
  set('authPackage', value['authpackage']);
  set('ewsUrl', value['ewsurl'] ?? value['asurl']);
  if (type.toUpperCase() === 'WEB') {
    set('internalUrl', firstOf(child(value, 'internal')?.['owaurl']));
    set('externalUrl', firstOf(child(value, 'external')?.['owaurl']));
  } else {
    set('internalUrl', value['internalurl']);
    set('externalUrl', value['externalurl']);
  }
  return protocol;
}

function invalid(reason: PoxInvalidReason, detail: string): PoxResponse {
  return { kind: 'invalid', reason, detail };
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asList(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The first element of that name (an element may repeat where the schema says once). */
function child(node: Node | undefined, name: string): Node | undefined {
  const value = node?.[name];
  const first = Array.isArray(value) ? (value as unknown[])[0] : value;
  return isNode(first) ? first : undefined;
}

function firstOf(value: unknown): unknown {
  return Array.isArray(value) ? (value as unknown[])[0] : value;
}

/** Text of an element or attribute: a string, or `#text` of an element with attributes. */
function textOf(value: unknown): string | undefined {
  const v = firstOf(value);
  const text = typeof v === 'string' ? v : isNode(v) && typeof v['#text'] === 'string' ? v['#text'] : undefined;
  const trimmed = text?.trim();
  return trimmed ? trimmed.slice(0, MAX_VALUE_CHARS) : undefined;
}
