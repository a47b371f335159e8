import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PLANTED, sampleChecklist, sampleReport } from '../../../e2e/fixtures/bundle-fixture';
import { readZipEntries } from '../../../e2e/support/zip-entries';
import { openBundle } from './open-bundle';
import { previewBundle } from './preview-bundle';
import { writeBundle } from './write-bundle';

const CREATED = new Date('2026-11-22T09:30:00.000Z');

/** What a careless log line could hold: everything the app's log redaction should already have removed. */
const APP_LOG = [
  '[2026-11-22 10:29:58.120+01:00] [info] app start version=0.1.0 commit=abc123',
  `[2026-11-22 10:30:00.001+01:00] [warn] request Authorization: NTLM ${PLANTED.ntlmType3}`,
  `[2026-11-22 10:30:00.002+01:00] [warn] redirect https://mail.contoso.test/owa/?access_token=${PLANTED.urlToken}&x=1`,
  `[2026-11-22 10:30:00.003+01:00] [error] sign-in failed for ${PLANTED.email} password=${PLANTED.password}`,
  '[2026-11-22 10:30:02.500+01:00] [info] run end verdict=problem durationMs=2499 findings=tls.cert-expired',
  '',
].join('\n');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'od-bundle-log-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the app log in the bundle', () => {
  it('goes to logs/app.log, redacted, listed in the manifest and LIESMICH.txt, and verifies on opening', async () => {
    const target = path.join(dir, 'bundle.zip');
    const input = { report: sampleReport(), checklist: sampleChecklist(), log: APP_LOG };
    const result = await writeBundle(target, input, { createdAt: CREATED, secrets: [PLANTED.password] });
    const entries = await readZipEntries(target);
    const log = entries.get('logs/app.log')?.toString('utf8');
    expect(log).toBeDefined();
    expect(log).toContain('run end verdict=problem durationMs=2499');
    for (const secret of [PLANTED.ntlmType3.slice(10, 60), PLANTED.urlToken, PLANTED.password]) expect(log).not.toContain(secret);
    expect(log).toContain('Authorization: NTLM [entfernt]');

    expect(result.manifest.entries.map((e) => e.name)).toContain('logs/app.log');
    expect(entries.get('LIESMICH.txt')!.toString('utf8')).toMatch(/logs\/app\.log[\s\S]*Protokolldatei des Programms[\s\S]*5 Zeilen/);

    const opened = await openBundle(target);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.bundle.verification.status).toBe('verified');
    expect(opened.bundle.entries.find((e) => e.name === 'logs/app.log')?.status).toBe('verified');
  });

  it('anonymises names in the log like everywhere else', async () => {
    const target = path.join(dir, 'anon.zip');
    await writeBundle(target, { report: sampleReport(), log: APP_LOG }, { createdAt: CREATED, anonymize: true });
    const log = (await readZipEntries(target)).get('logs/app.log')!.toString('utf8');
    expect(log).not.toContain('anna.schmidt');
    expect(log).toContain('postfach-1@contoso.test');
  });

  it('is left out when there is no log (the command line), and shown in the preview when there is', () => {
    const without = previewBundle({ report: sampleReport() }, { createdAt: CREATED });
    expect(without.entries.map((e) => e.name)).not.toContain('logs/app.log');
    const withLog = previewBundle({ report: sampleReport(), log: APP_LOG }, { createdAt: CREATED, lang: 'en' });
    expect(withLog.entries.find((e) => e.name === 'logs/app.log')?.description).toMatch(/log file.*5 lines/);
  });
});
