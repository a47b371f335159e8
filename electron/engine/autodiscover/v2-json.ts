/**
 * The Autodiscover v2 answer (`/autodiscover/autodiscover.json/v1.0/<smtp>?Protocol=…`).
 *
 * Exchange Online (and Exchange 2019 on-premises) answer anonymously with
 * `{"Protocol":"AutodiscoverV1","Url":"https://…/autodiscover/autodiscover.xml"}` for a mailbox
 * they host; an error is `{"ErrorCode":"…","ErrorMessage":"…"}` (protocol-facts §1.5). The body is
 * untrusted: size-capped before JSON.parse, and only the two string fields are read. Never throws.
 */

/** Largest v2 body read: a real answer is ~100 bytes, an error ~600. */
export const MAX_V2_JSON_BYTES = 16 * 1024;

export type V2JsonAnswer =
  | { kind: 'url'; protocol: string; url: string }
  | { kind: 'error'; errorCode: string; message?: string }
  | { kind: 'invalid'; detail: string };

export function parseV2Json(body: Uint8Array | string): V2JsonAnswer {
  const size = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
  if (size === 0) return { kind: 'invalid', detail: 'empty body' };
  if (size > MAX_V2_JSON_BYTES) return { kind: 'invalid', detail: `${size} bytes, more than the ${MAX_V2_JSON_BYTES} accepted` };
  let value: unknown;
  try {
    value = JSON.parse((typeof body === 'string' ? body : Buffer.from(body).toString('utf8')).replace(/^\uFEFF/, ''));
  } catch (error) {
    return { kind: 'invalid', detail: `not JSON: ${(error as Error).message.slice(0, 120)}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { kind: 'invalid', detail: 'not a JSON object' };
  const record = value as Record<string, unknown>;
  const url = typeof record['Url'] === 'string' ? record['Url'] : undefined;
  const protocol = typeof record['Protocol'] === 'string' ? record['Protocol'] : undefined;
  if (url !== undefined && protocol !== undefined) {
    if (!/^https:\/\//i.test(url) || !URL.canParse(url)) return { kind: 'invalid', detail: 'Url is not an https:// URL' };
    return { kind: 'url', protocol: protocol.slice(0, 64), url: url.slice(0, 2_048) };
  }
  if (typeof record['ErrorCode'] === 'string') {
    const message = typeof record['ErrorMessage'] === 'string' ? record['ErrorMessage'].slice(0, 500) : undefined;
    return { kind: 'error', errorCode: record['ErrorCode'].slice(0, 64), ...(message ? { message } : {}) };
  }
  return { kind: 'invalid', detail: 'neither Protocol/Url nor ErrorCode' };
}
