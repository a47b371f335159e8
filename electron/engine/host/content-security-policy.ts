/**
 * Content Security Policies of the wizard page, in one place for both hosts.
 *
 * Nothing remote, no inline script, no eval. Styles arrive through the CSSOM (Fluent UI's
 * Griffel inserts rules with `insertRule`), which CSP does not govern, so `style-src` needs no
 * `'unsafe-inline'`. The desktop app talks to its host through IPC only (`connect-src 'none'`);
 * in the browser the page calls the web bridge on its own origin.
 */
const COMMON = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

export const APP_CSP = [...COMMON, "connect-src 'none'"].join('; ');
export const WEB_CSP = [...COMMON, "connect-src 'self'"].join('; ');
