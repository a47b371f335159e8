import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import electronLog from 'electron-log/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PLANTED } from '../../e2e/fixtures/bundle-fixture';
import { createAppLog, MAX_LOG_FILE_BYTES, ROTATED_LOG_FILES } from './app-log';

let dir: string;
let instance = 0;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'od-app-log-'));
  instance += 1;
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The real electron-log (its Node entry point) writing real files; a logger instance per test. */
describe('the app log (electron-log)', () => {
  it('writes app.log in the given folder with time, level and the redacted line, readable by the user only', async () => {
    const { log, file, readForBundle } = createAppLog({ dir, logId: `test-${instance}` });
    log.info('app start', { version: '0.1.0' });
    log.debug('not written at the default level');
    log.warn('ipc rejected', { channel: 'diagnosis:start', reason: `Authorization: Bearer ${PLANTED.bearer}` });
    log.error('request failed', { url: `https://mail.contoso.test/?access_token=${PLANTED.urlToken}`, cookie: `X-BackEndCookie=${PLANTED.backendCookie}` });
    const text = readFileSync(file, 'utf8');
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}\] \[info\]\s+app start version=0\.1\.0$/);
    // A header value runs to the end of the line in text, so the closing quote goes with it.
    expect(lines[1]).toMatch(/ipc rejected channel=diagnosis:start reason="Authorization: Bearer \[entfernt\]$/);
    for (const secret of [PLANTED.bearer.split('.')[1]!, PLANTED.urlToken, PLANTED.backendCookie]) expect(text).not.toContain(secret);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await readForBundle()).toBe(text);
  });

  it('redacts what reaches electron-log without the engine interface too (an Error with its stack, an object)', () => {
    const logId = `raw-${instance}`;
    const { file } = createAppLog({ dir, logId });
    // The same instance as a library or electron-log's own error handler would use it.
    const raw = (electronLog as unknown as { Logger: { getInstance(o: { logId: string }): { error(...data: unknown[]): void } } }).Logger.getInstance({ logId });
    raw.error(new Error(`login with ${PLANTED.ntlmType3} failed`), { headers: [['Cookie', `session=${PLANTED.sessionCookie}`]] });
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('login with [entfernt] failed');
    expect(text).toMatch(/\n\s+at /);
    for (const secret of [PLANTED.ntlmType3.slice(10, 60), PLANTED.sessionCookie]) expect(text).not.toContain(secret);
  });

  it('rotates at its size limit and keeps a few files', () => {
    const { log, file } = createAppLog({ dir, logId: `rotate-${instance}` });
    const line = 'x'.repeat(1000);
    // Enough for more rotations than files are kept.
    const lines = Math.ceil((MAX_LOG_FILE_BYTES * (ROTATED_LOG_FILES + 2)) / 1050);
    for (let i = 0; i < lines; i += 1) log.info('filler', { i, line });
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['app.1.log', 'app.2.log', 'app.3.log', 'app.log']);
    for (const f of files) expect(statSync(path.join(dir, f)).size).toBeLessThanOrEqual(MAX_LOG_FILE_BYTES + 2048);
    expect(existsSync(file)).toBe(true);
  });
});
