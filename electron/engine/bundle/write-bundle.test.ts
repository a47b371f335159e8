import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PLANTED, PLANTED_NAMES, plantedSecretForms, sampleArtifacts, sampleChecklist, sampleMonitor, sampleReport } from '../../../e2e/fixtures/bundle-fixture';
import { readZipEntries } from '../../../e2e/support/zip-entries';
import { bundleManifestSchema } from '../../../shared/bundle/bundle-manifest';
import { checklistAnswersSchema } from '../../../shared/model/checklist-answers';
import { reportSchema } from '../../../shared/report/report-schema';
import { previewBundle } from './preview-bundle';
import { writeBundle } from './write-bundle';

const CREATED = new Date('2026-11-22T09:30:00.000Z');
const input = () => ({ report: sampleReport(), checklist: sampleChecklist(), artifacts: sampleArtifacts(), monitor: sampleMonitor(120) });
const EXPECTED_NAMES = [
  'report.json',
  'report.html',
  'http.har',
  'system/ipconfig-all.txt',
  'system/klist.txt',
  'system/curl-verbose.txt',
  'system/name-.txt',
  'monitor.csv',
  'checklist.json',
  'LIESMICH.txt',
  'manifest.json',
];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'od-bundle-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('writeBundle', () => {
  it('writes every entry, and the manifest lists each with its real size and SHA-256', async () => {
    const target = path.join(dir, 'bundle.zip');
    const result = await writeBundle(target, input(), { createdAt: CREATED, secrets: [PLANTED.password] });
    const entries = await readZipEntries(target);
    expect([...entries.keys()]).toEqual(EXPECTED_NAMES);

    const manifest = bundleManifestSchema.parse(JSON.parse(entries.get('manifest.json')!.toString('utf8')));
    expect(manifest).toEqual(result.manifest);
    expect(manifest.entries.map((e) => e.name)).toEqual(EXPECTED_NAMES.filter((n) => n !== 'manifest.json'));
    for (const e of manifest.entries) {
      const bytes = entries.get(e.name)!;
      expect(e.size, e.name).toBe(bytes.length);
      expect(e.sha256, e.name).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
    expect(manifest).toMatchObject({ format: 'outlook-doktor-bundle', formatVersion: 1, createdAt: CREATED.toISOString(), lang: 'de', anonymized: false, tool: { name: 'outlook-doktor', version: '0.0.0-test' } });
    expect(manifest.monitor?.lines).toBe(120);
    expect(manifest.entries.find((e) => e.name === 'system/klist.txt')).toMatchObject({ command: 'klist', exitCode: 0, durationMs: 95 });
    for (const kind of ['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'auth-token', 'url-token', 'password'] as const) {
      expect(manifest.redactions[kind], kind).toBeGreaterThan(0);
    }

    expect(reportSchema.safeParse(JSON.parse(entries.get('report.json')!.toString('utf8'))).success).toBe(true);
    expect(checklistAnswersSchema.safeParse(JSON.parse(entries.get('checklist.json')!.toString('utf8'))).success).toBe(true);
    expect(entries.get('monitor.csv')!.toString('utf8').split('\r\n').filter(Boolean)).toHaveLength(121);
    const system = entries.get('system/name-.txt')!.toString('utf8');
    expect(system).toMatch(/^# Befehl \/ command: netsh winhttp show proxy\n# Exitcode \/ exit code: 1\n/);
    const readme = entries.get('LIESMICH.txt')!.toString('utf8');
    expect(readme).toContain('Outlook-Doktor – Diagnosepaket');
    expect(readme).toContain('http.har');
    expect(readme).toContain('Fiddler');
    expect(readme).toContain('English version below');
    // The build writing the bundle (vitest.config.ts injects these), in both languages.
    expect(readme.replace(/\s+/g, ' ')).toContain('Outlook-Doktor 0.0.0-test (Stand test, Build vom 2026-01-01T00:00:00.000Z) am ');
    expect(readme.replace(/\s+/g, ' ')).toContain('Outlook-Doktor 0.0.0-test (commit test, built 2026-01-01T00:00:00.000Z) made this bundle');
    expect(readme).toMatch(/Anmeldedaten \(Authorization\): \d+/);
    expect(result.bytes).toBe(readFileSync(target).length);
  });

  it('passes unzip -t', async (ctx) => {
    if (spawnSync('unzip', ['-v']).status !== 0) {
      console.warn('skipped: unzip is not installed on this machine');
      ctx.skip();
    }
    const target = path.join(dir, 'bundle.zip');
    await writeBundle(target, input(), { createdAt: CREATED });
    const out = execFileSync('unzip', ['-t', target], { encoding: 'utf8' });
    expect(out).toContain('No errors detected');
    expect(out).toContain('testing: http.har');
  });

  it('leaves no planted secret in the bytes of any entry', async () => {
    const target = path.join(dir, 'bundle.zip');
    await writeBundle(target, input(), { createdAt: CREATED, secrets: [PLANTED.password] });
    const entries = await readZipEntries(target);
    const raw = readFileSync(target);
    const forms = plantedSecretForms();
    // Every form is really in what the bundle was made from, so finding none in the zip means something.
    const source = JSON.stringify(input());
    for (const form of forms) expect(source.includes(form) || source.includes(JSON.stringify(form).slice(1, -1)), form).toBe(true);
    for (const form of forms) {
      const needle = Buffer.from(form, 'utf8');
      expect(raw.indexOf(needle), `raw zip holds ${form}`).toBe(-1);
      for (const [name, bytes] of entries) expect(bytes.indexOf(needle), `${name} holds ${form}`).toBe(-1);
    }
    // The test can fail: without the password the plain text of the note stays.
    const careless = path.join(dir, 'no-secret-given.zip');
    await writeBundle(careless, input(), { createdAt: CREATED });
    const checklist = (await readZipEntries(careless)).get('checklist.json')!;
    expect(checklist.indexOf(Buffer.from(JSON.stringify(PLANTED.password).slice(1, -1)))).toBeGreaterThan(-1);
  });

  it('anonymises user, mailbox and computer names in every entry with stable placeholders', async () => {
    const target = path.join(dir, 'anon.zip');
    const result = await writeBundle(target, input(), { createdAt: CREATED, secrets: [PLANTED.password], anonymize: true });
    const entries = await readZipEntries(target);
    for (const [name, bytes] of entries) {
      const text = bytes.toString('utf8').toLowerCase();
      for (const personal of PLANTED_NAMES) expect(text.includes(personal.toLowerCase()), `${name} holds ${personal}`).toBe(false);
    }
    const report = JSON.parse(entries.get('report.json')!.toString('utf8')) as ReturnType<typeof sampleReport>;
    expect(report.input.user).toBe('benutzer-1');
    expect(report.input.email).toBe('postfach-1@contoso.test');
    expect((report.probes[0]!.data as { hostname: string }).hostname).toBe('computer-1');
    expect(entries.get('http.har')!.toString('utf8')).toContain('/v1.0/postfach-1@contoso.test?');
    expect(entries.get('system/ipconfig-all.txt')!.toString('utf8')).toContain('Hostname  . . . . . . . . . . . . : computer-1');
    expect(entries.get('monitor.csv')!.toString('utf8')).toContain(',Ethernet,computer-1');
    expect(result.manifest).toMatchObject({ anonymized: true });
    expect(result.anonymizations!.user).toBeGreaterThan(0);
    expect(result.anonymizations!.mailbox).toBeGreaterThan(0);
    expect(result.anonymizations!.computer).toBeGreaterThan(120);
    expect(entries.get('LIESMICH.txt')!.toString('utf8')).toContain('Anonymisiert: ja');
  });

  it('leaves nothing under the final name when the export fails half-way, and keeps an older file there', async () => {
    const target = path.join(dir, 'bundle.zip');
    writeFileSync(target, 'older bundle');
    const seen: string[] = [];
    await expect(
      writeBundle(target, { ...input(), monitor: sampleMonitor(20_000) }, {
        createdAt: CREATED,
        onEntry: (name) => {
          seen.push(name);
          if (name === 'monitor.csv') throw new Error('disk unplugged');
        },
      }),
    ).rejects.toThrow('disk unplugged');
    expect(seen.slice(0, 3)).toEqual(['report.json', 'report.html', 'http.har']);
    expect(readdirSync(dir)).toEqual(['bundle.zip']);
    expect(readFileSync(target, 'utf8')).toBe('older bundle');
  });

  it('stops on abort and removes the temporary file', async () => {
    const target = path.join(dir, 'bundle.zip');
    const controller = new AbortController();
    await expect(
      writeBundle(target, input(), {
        createdAt: CREATED,
        signal: controller.signal,
        onEntry: (name) => {
          if (name === 'system/klist.txt') controller.abort();
        },
      }),
    ).rejects.toThrow(/abort/i);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('fails clearly when the folder does not exist', async () => {
    await expect(writeBundle(path.join(dir, 'missing', 'b.zip'), input())).rejects.toThrow(/ENOENT/);
  });
});

describe('previewBundle', () => {
  it('lists exactly what the export writes, with the real sizes, descriptions and a default name', async () => {
    const preview = previewBundle(input(), { createdAt: CREATED, secrets: [PLANTED.password] });
    const target = path.join(dir, 'bundle.zip');
    const written = await writeBundle(target, input(), { createdAt: CREATED, secrets: [PLANTED.password] });
    expect(preview.entries.map((e) => e.name)).toEqual(EXPECTED_NAMES);
    const manifestBytes = (await readZipEntries(target)).get('manifest.json')!.length;
    expect(preview.entries.map((e) => e.bytes)).toEqual([...written.manifest.entries.map((e) => e.size), manifestBytes]);
    expect(preview.redactions).toEqual(written.redactions);
    expect(preview.entries.find((e) => e.name === 'http.har')!.description).toContain('(8)');
    expect(preview.entries.find((e) => e.name === 'system/klist.txt')!.description).toBe('Ausgabe von „klist“ (Exitcode 0)');
    expect(previewBundle(input(), { createdAt: CREATED, lang: 'en' }).entries[0]!.description).toMatch(/^Report as JSON/);
    expect(preview.suggestedName).toMatch(/^outlook-doktor-2026-11-22_\d\d-\d\d\.zip$/);
    expect(preview.totalBytes).toBe(preview.entries.reduce((s, e) => s + e.bytes, 0));
  });
});
