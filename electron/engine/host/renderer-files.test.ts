import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStaticFile, resolveStaticPath } from './renderer-files';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'od-renderer-'));
  await mkdir(path.join(root, 'assets'));
  await writeFile(path.join(root, 'index.html'), '<!doctype html>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'export {}');
  await writeFile(path.join(root, '.env'), 'SECRET=1');
});
afterAll(async () => rm(root, { recursive: true, force: true }));

describe('resolveStaticPath', () => {
  it('maps / to index.html and assets below the root', () => {
    expect(resolveStaticPath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
  });

  it.each(['/../secret.js', '/assets/../../etc/passwd.html', '/%2e%2e/%2e%2e/etc/x.js', '/..%2fx.js', '/.env', '/assets/.hidden.js', '/a%00.js', '/%E0%A4%A.js', '/assets\\..\\x.js', '/index.php'])(
    'refuses %s',
    (urlPath) => {
      expect(resolveStaticPath(root, urlPath)).toBeNull();
    },
  );

  it('reads a file with its content type, and nothing for a folder or a missing file', async () => {
    expect(await readStaticFile(resolveStaticPath(root, '/assets/app.js')!)).toMatchObject({ contentType: 'text/javascript; charset=utf-8' });
    expect(await readStaticFile(path.join(root, 'assets'))).toBeNull();
    expect(await readStaticFile(path.join(root, 'missing.js'))).toBeNull();
  });
});
