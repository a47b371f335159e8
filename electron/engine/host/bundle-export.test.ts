import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleArtifacts, sampleReport } from '../../../e2e/fixtures/bundle-fixture';
import { readZipEntries } from '../../../e2e/support/zip-entries';
import { createBundleExporter, systemNames } from './bundle-export';

const RUN = 'run-0000001';
const request = { runId: RUN, lang: 'de' as const, anonymize: false, answers: { 'physical/scope': { choice: 'floor', done: true }, 'nowhere/unknown': { done: true } } };

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'od-bundle-export-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

function exporter(localNames = () => ({ users: ['svc-local'], computers: ['WS-4711'] }), appLog?: () => Promise<string | null>) {
  const report = sampleReport();
  const artifacts = [...sampleArtifacts(), { path: 'whoami.txt', commandLine: 'whoami', exitCode: 0, durationMs: 5, text: 'ws-4711\\svc-local\n' }];
  return createBundleExporter({
    finishedRun: (runId) => (runId === RUN ? { runId, report, artifacts } : undefined),
    localNames,
    now: () => new Date(2026, 10, 22, 14, 5),
    ...(appLog ? { appLog } : {}),
  });
}

describe('createBundleExporter', () => {
  it('suggests a name with date and time', () => {
    expect(exporter().suggestedName()).toBe('outlook-doktor-2026-11-22_14-05.zip');
  });

  it('writes the run’s report, system outputs and the page’s answers in the bundle’s words', async () => {
    const target = path.join(dir, 'plain.zip');
    await expect(exporter().write(target, request)).resolves.toMatchObject({ ok: true, anonymized: false });
    const entries = await readZipEntries(target);
    const checklist = JSON.parse(entries.get('checklist.json')!.toString('utf8')) as { answers: Record<string, unknown> };
    // Only questions of the catalog; the unknown key from the page is dropped.
    expect(Object.keys(checklist.answers)).toEqual(['physical/scope']);
    expect(checklist.answers['physical/scope']).toMatchObject({ choice: 'floor', choiceLabel: 'Alle auf der Etage oder im Raum', section: 'physical' });
    expect(entries.get('system/whoami.txt')!.toString('utf8')).toContain('ws-4711\\svc-local');
  });

  it('adds the app’s log where the app has one, and lists it in the preview', async () => {
    const bundles = exporter(undefined, async () => '2026-11-22 14:05:00 [info] run end {"verdict":"ok"}\n');
    const preview = await bundles.preview(request);
    expect(preview.ok && preview.preview.entries.map((e) => e.name)).toContain('logs/app.log');
    const target = path.join(dir, 'with-log.zip');
    await expect(bundles.write(target, request)).resolves.toMatchObject({ ok: true });
    expect((await readZipEntries(target)).get('logs/app.log')!.toString('utf8')).toContain('run end');
    // A log that cannot be read leaves it out; the export still works.
    const broken = exporter(undefined, () => Promise.reject(new Error('EACCES')));
    await expect(broken.write(path.join(dir, 'no-log.zip'), request)).resolves.toMatchObject({ ok: true });
    expect((await readZipEntries(path.join(dir, 'no-log.zip'))).has('logs/app.log')).toBe(false);
  });

  it('replaces this computer’s user and name too when anonymising', async () => {
    const target = path.join(dir, 'anonymous.zip');
    await expect(exporter().write(target, { ...request, anonymize: true })).resolves.toMatchObject({ ok: true, anonymized: true });
    const whoami = (await readZipEntries(target)).get('system/whoami.txt')!.toString('utf8');
    expect(whoami).not.toMatch(/svc-local|ws-4711/i);
    expect(whoami).toMatch(/computer-\d+\\benutzer-\d+/);
  });

  it('writes one bundle at a time, nothing for an unknown run, and says why a write failed', async () => {
    const bundles = exporter();
    const first = bundles.write(path.join(dir, 'first.zip'), request);
    await expect(bundles.write(path.join(dir, 'second.zip'), request)).resolves.toMatchObject({ ok: false, problem: 'busy' });
    await expect(first).resolves.toMatchObject({ ok: true });
    await expect(bundles.write(path.join(dir, 'other.zip'), { ...request, runId: 'run-9999999' })).resolves.toMatchObject({ ok: false, problem: 'no-report' });
    await expect(bundles.write(path.join(dir, 'missing-folder', 'x.zip'), request)).resolves.toMatchObject({ ok: false, problem: 'failed', message: expect.stringContaining('ENOENT') as unknown });
    await expect(bundles.preview({ ...request, runId: 'run-9999999' })).resolves.toEqual({ ok: false, problem: 'no-report' });
    expect((await readdir(dir)).filter((f) => f.startsWith('second') || f.startsWith('other'))).toEqual([]);
  });
});

describe('systemNames', () => {
  it('names this computer and, where the system tells, its user', () => {
    const names = systemNames();
    expect(names.computers.length).toBe(1);
    expect(names.users.every((u) => u.length > 0)).toBe(true);
  });
});
