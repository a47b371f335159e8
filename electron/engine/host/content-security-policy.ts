/**
 * Content Security Policies of the wizard page, in one place for both hosts.
 *
 * Nothing remote, no inline script, no eval. Styles arrive through the CSSOM (Fluent UI's
 * Griffel creates empty `<style>` elements and fills them with `insertRule`, which CSP does not
 * govern), so instead of `'unsafe-inline'` only the hash of the empty string is allowed: an empty
 * style element passes, any inline CSS text is still refused. The desktop app talks to its host
 * through IPC only (`connect-src 'none'`); in the browser the page calls the web bridge on its
 * own origin.
 */

/** `sha256` of the empty string, base64: what an empty `<style>` element hashes to. */
export const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

const COMMON = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src 'self' ${EMPTY_STYLE_HASH}`,
  "img-src 'self' data:",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

export const APP_CSP = [...COMMON, "connect-src 'none'"].join('; ');
export const WEB_CSP = [...COMMON, "connect-src 'self'"].join('; ');

/** The part of a policy a `<meta>` element can carry: everything but `frame-ancestors` (ignored there by browsers). */
export function metaPolicy(csp: string): string {
  return csp
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d !== '' && !d.startsWith('frame-ancestors'))
    .join('; ');
}

const META_CSP = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/i;

/**
 * The page with its `<meta>` policy set to `csp`, so the file as served states exactly the policy
 * its header enforces (the page in the repository carries the web harness's policy); null when
 * the page has no such element, which a host must treat as an error, not serve.
 */
export function withMetaPolicy(html: string, csp: string): string | null {
  if (!META_CSP.test(html)) return null;
  return html.replace(META_CSP, (_m, head: string, tail: string) => `${head}${metaPolicy(csp)}${tail}`);
}
