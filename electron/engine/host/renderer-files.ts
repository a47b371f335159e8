import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * The built renderer's files, served by the desktop app's `app://` protocol and the web bridge.
 */

/** Content types of what the renderer build contains. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** The renderer is a few MB at most; anything bigger under its folder is not ours to serve. */
const MAX_STATIC_FILE_BYTES = 20 * 1024 * 1024;

/**
 * Maps a URL path to a file under `root`, or null when it is outside it, hidden or unknown.
 *
 * `/` is `index.html`. Decoding happens before the check, so `%2e%2e/` cannot climb out.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  if (relative.split('/').some((part) => part.startsWith('.'))) return null;
  const base = path.resolve(root);
  const file = path.resolve(base, relative);
  if (!file.startsWith(base + path.sep)) return null;
  if (!(path.extname(file) in CONTENT_TYPES)) return null;
  return file;
}

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/** Reads a file resolved by `resolveStaticPath`; null when missing or too large. */
export async function readStaticFile(file: string): Promise<StaticFile | null> {
  try {
    const info = await stat(file);
    if (!info.isFile() || info.size > MAX_STATIC_FILE_BYTES) return null;
    return { body: await readFile(file), contentType: CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}
