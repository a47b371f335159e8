/**
 * The entry names of a diagnostic bundle (`../shared/spec/cli-and-report.md`) and the rules for
 * names under `system/`.
 *
 * Writer and reader share this list: the reader inflates only these names, so a crafted zip
 * cannot make it read (or anyone extract) anything else.
 */
export const BUNDLE_ENTRY = {
  report: 'report.json',
  html: 'report.html',
  har: 'http.har',
  monitor: 'monitor.csv',
  checklist: 'checklist.json',
  manifest: 'manifest.json',
  readme: 'LIESMICH.txt',
  /** The desktop app's own log (start, runs, errors), newest part; only when the app writes the bundle. */
  log: 'logs/app.log',
} as const;

export type FixedBundleEntry = (typeof BUNDLE_ENTRY)[keyof typeof BUNDLE_ENTRY];

export const SYSTEM_FOLDER = 'system/';

/** Longest name of a system entry (without the folder): plenty for `ipconfig-displaydns.txt`. */
const MAX_SYSTEM_NAME = 80;

const FIXED = new Set<string>(Object.values(BUNDLE_ENTRY));
const SYSTEM_NAME = new RegExp(`^[A-Za-z0-9][A-Za-z0-9._-]{0,${MAX_SYSTEM_NAME - 1}}$`);

/** What kind of entry a name is, or null when a bundle of ours never holds it. */
export function bundleEntryKind(name: string): 'fixed' | 'system' | null {
  if (FIXED.has(name)) return 'fixed';
  if (name.startsWith(SYSTEM_FOLDER)) {
    const rest = name.slice(SYSTEM_FOLDER.length);
    if (SYSTEM_NAME.test(rest) && !rest.includes('..')) return 'system';
  }
  return null;
}

/**
 * Why an entry name is dangerous to anyone who extracts the zip, or null when it is harmless.
 *
 * Rejected: `..` segments, absolute paths, drive letters, backslashes (Windows separators that
 * zip tools treat differently), control characters and empty segments.
 */
export function unsafeEntryNameReason(name: string): string | null {
  if (name.length === 0) return 'empty name';
  if (name.includes('\\')) return 'backslash in name';
  if (name.startsWith('/')) return 'absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'drive letter';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'control character in name';
  const segments = name.split('/');
  if (segments.some((s) => s === '..')) return 'parent folder (..)';
  if (segments.slice(0, -1).some((s) => s === '' || s === '.')) return 'empty or "." folder';
  return null;
}

/**
 * Turns a collector's file name into a safe `system/` entry name.
 *
 * Keeps letters, digits, dot, dash and underscore; everything else becomes a dash. Names that
 * are taken get `-2`, `-3`, … before the extension.
 */
export function systemEntryName(wanted: string, taken: ReadonlySet<string>): string {
  let base = wanted.replace(/^.*[\\/]/, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/\.{2,}/g, '.').replace(/^[^A-Za-z0-9]+/, '');
  if (!base) base = 'output';
  if (!/\.[A-Za-z0-9]{1,8}$/.test(base)) base = `${base}.txt`;
  base = base.slice(-MAX_SYSTEM_NAME).replace(/^[^A-Za-z0-9]+/, '') || 'output.txt';
  let name = `${SYSTEM_FOLDER}${base}`;
  const dot = base.lastIndexOf('.');
  for (let n = 2; taken.has(name); n += 1) {
    const suffixed = `${base.slice(0, dot)}-${n}${base.slice(dot)}`;
    name = `${SYSTEM_FOLDER}${suffixed.slice(-MAX_SYSTEM_NAME)}`;
  }
  return name;
}
