import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleArtifacts, sampleReport } from '../../../e2e/fixtures/bundle-fixture';
import type { BundleProgress } from '../../../shared/ipc/api';
import type { InvokeChannel } from '../../../shared/ipc/channels';
import { checklistAnswersSchema } from '../../../shared/model/checklist-answers';
import { openBundle } from '../../engine/bundle/open-bundle';
import { writeBundle } from '../../engine/bundle/write-bundle';
import { createBundleExporter } from '../../engine/host/bundle-export';
import { readZipEntries } from '../../../e2e/support/zip-entries';
import { createBundleHandlers, type BundleDialogs } from './bundle-handlers';
import { guardedHandler, IpcRejectedError } from './guarded-handler';
import type { SenderFacts } from './sender-check';

const RUN = 'run-0000001';
const trusted: SenderFacts = { webContentsId: 1, frame: { url: 'app://outlook-doktor/index.html', isMainFrame: true } };
const foreign: SenderFacts = { webContentsId: 1, frame: { url: 'https://evil.test/', isMainFrame: true } };
const request = { runId: RUN, lang: 'de', anonymize: false, answers: { 'physical/scope': { choice: 'floor', done: true } } };

let dir: string;
let existing: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'od-bundle-ipc-'));
  existing = path.join(dir, 'existing.zip');
  await writeBundle(existing, { report: sampleReport(), artifacts: sampleArtifacts() });
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

/**
 * The handlers behind the real guard (sender check, schema), with dialogs that record what they
 * were asked and answer what the test says: the user's choice in a native dialog.
 */
function setup(answers: { save?: string | null; open?: string | null } = {}) {
  const asked: { dialog: 'save' | 'open'; suggested?: string }[] = [];
  const shown: string[] = [];
  const progress: BundleProgress[] = [];
  const dialogs: BundleDialogs = {
    chooseSaveTarget: async (suggested) => (asked.push({ dialog: 'save', suggested }), answers.save ?? null),
    chooseBundleToOpen: async () => (asked.push({ dialog: 'open' }), answers.open ?? null),
    showInFolder: (file) => void shown.push(file),
  };
  const exporter = createBundleExporter({
    finishedRun: (runId) => (runId === RUN ? { runId, report: sampleReport(), artifacts: sampleArtifacts() } : undefined),
    localNames: () => ({ users: [], computers: [] }),
  });
  const handlers = createBundleHandlers({ exporter, dialogs, onProgress: (p) => progress.push(p) });
  const rejected: IpcRejectedError[] = [];
  const call = <C extends keyof typeof handlers & InvokeChannel>(channel: C, payload: unknown, facts: SenderFacts = trusted) =>
    guardedHandler(channel, handlers[channel], (f) => f.frame?.url.startsWith('app://outlook-doktor/') ?? false, (e) => rejected.push(e))(facts, payload);
  return { asked, shown, progress, rejected, call };
}

async function rejection(promise: Promise<unknown>): Promise<IpcRejectedError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IpcRejectedError);
  return error as IpcRejectedError;
}

describe('the bundle IPC handlers', () => {
  it('refuse a foreign sender before any dialog opens', async () => {
    const t = setup({ save: path.join(dir, 'never.zip'), open: existing });
    for (const channel of ['bundle:preview', 'bundle:save', 'bundle:reveal', 'bundle:open'] as const) {
      const payload = channel === 'bundle:preview' || channel === 'bundle:save' ? request : {};
      expect((await rejection(t.call(channel, payload, foreign))).reason).toBe('untrusted-sender');
    }
    expect((await rejection(t.call('bundle:open-file', { path: existing }, foreign))).reason).toBe('untrusted-sender');
    expect(t.asked).toEqual([]);
    expect(await readdir(dir)).not.toContain('never.zip');
  });

  it.each([
    ['a target path', { ...request, path: '/tmp/evil.zip' }],
    ['a default path', { ...request, defaultPath: '/tmp' }],
    ['a file name', { ...request, fileName: 'x.zip' }],
    ['no answers', { runId: RUN, lang: 'de', anonymize: false }],
    ['a string', '/tmp/evil.zip'],
  ])('refuse a save request with %s: the page cannot say where a bundle goes', async (_name, payload) => {
    const t = setup({ save: path.join(dir, 'never.zip') });
    expect((await rejection(t.call('bundle:save', payload))).reason).toBe('invalid-payload');
    expect(t.asked).toEqual([]);
  });

  it('write exactly where the user chose in the save dialog, offering a name with date and time', async () => {
    const target = path.join(dir, 'chosen', 'mein-paket.zip');
    await mkdir(path.dirname(target));
    const t = setup({ save: target });
    const response = await t.call('bundle:save', request);
    expect(response).toMatchObject({ ok: true, target: { kind: 'file', path: target, fileName: 'mein-paket.zip' }, anonymized: false });
    expect(t.asked).toEqual([{ dialog: 'save', suggested: expect.stringMatching(/^outlook-doktor-\d{4}-\d{2}-\d{2}_\d{2}-\d{2}\.zip$/) as unknown }]);
    expect(await readdir(path.dirname(target))).toEqual(['mein-paket.zip']);

    const opened = await openBundle(target);
    expect(opened.ok && opened.bundle.verification.status).toBe('verified');
    const checklist = checklistAnswersSchema.parse(JSON.parse((await readZipEntries(target)).get('checklist.json')!.toString('utf8')));
    expect(checklist.answers['physical/scope']).toMatchObject({ choice: 'floor', done: true, section: 'physical', choiceLabel: 'Alle auf der Etage oder im Raum' });

    // Progress for every entry, in order, ending with the manifest.
    expect(t.progress.map((p) => p.index)).toEqual(t.progress.map((_p, i) => i));
    expect(t.progress.at(-1)).toMatchObject({ entry: 'manifest.json', index: t.progress[0]!.total - 1 });
  });

  it('write nothing when the user cancels, and ask nothing for a run that is gone', async () => {
    const t = setup({ save: null });
    await expect(t.call('bundle:save', request)).resolves.toMatchObject({ ok: false, problem: 'cancelled' });
    await expect(t.call('bundle:save', { ...request, runId: 'run-9999999' })).resolves.toMatchObject({ ok: false, problem: 'no-report' });
    await expect(t.call('bundle:preview', { ...request, runId: 'run-9999999' })).resolves.toEqual({ ok: false, problem: 'no-report' });
    expect(t.asked).toEqual([{ dialog: 'save', suggested: expect.any(String) as unknown }]);
  });

  it('preview what goes in, and what anonymising changes', async () => {
    const t = setup();
    const plain = await t.call('bundle:preview', request);
    const anonymous = await t.call('bundle:preview', { ...request, anonymize: true });
    if (!plain.ok || !anonymous.ok) throw new Error('no preview');
    expect(plain.preview.entries.map((e) => e.name)).toEqual(expect.arrayContaining(['report.json', 'report.html', 'http.har', 'checklist.json', 'manifest.json', 'LIESMICH.txt']));
    expect(plain.preview.entries.some((e) => e.name.startsWith('system/'))).toBe(true);
    expect(plain.preview.redactions.authorization).toBeGreaterThan(0);
    expect(plain.preview).toMatchObject({ anonymized: false, anonymizations: null });
    expect(anonymous.preview.anonymized).toBe(true);
    expect(anonymous.preview.anonymizations!.mailbox).toBeGreaterThan(0);
  });

  it('show in the folder only the file this process saved', async () => {
    const target = path.join(dir, 'reveal.zip');
    const t = setup({ save: target });
    await expect(t.call('bundle:reveal', {})).resolves.toEqual({ shown: false });
    expect((await rejection(t.call('bundle:reveal', { path: '/etc/passwd' }))).reason).toBe('invalid-payload');
    await t.call('bundle:save', request);
    await expect(t.call('bundle:reveal', {})).resolves.toEqual({ shown: true });
    expect(t.shown).toEqual([target]);
  });

  it('open the bundle the user picked in the open dialog, naming it without its folder', async () => {
    const t = setup({ open: existing });
    const response = await t.call('bundle:open', {});
    expect(response).toMatchObject({ ok: true, bundle: { fileName: 'existing.zip', verification: { status: 'verified' } } });
    if (response.ok) expect(JSON.stringify(response.bundle)).not.toContain(dir);
    await expect(setup({ open: null }).call('bundle:open', {})).resolves.toEqual({ ok: false, problem: 'cancelled' });
  });

  it('open a dropped .zip, and refuse paths that are not an absolute path to a regular .zip file', async () => {
    const t = setup();
    await expect(t.call('bundle:open-file', { path: existing })).resolves.toMatchObject({ ok: true, bundle: { fileName: 'existing.zip' } });
    for (const bad of ['existing.zip', '../existing.zip', path.join(dir, 'notes.txt'), `${existing}\0.zip`]) {
      expect((await rejection(t.call('bundle:open-file', { path: bad }))).reason, bad).toBe('invalid-payload');
    }

    const folder = path.join(dir, 'folder.zip');
    await mkdir(folder);
    await expect(t.call('bundle:open-file', { path: folder })).resolves.toMatchObject({ ok: false, problem: 'error', error: { kind: 'not-found' } });
    await expect(t.call('bundle:open-file', { path: path.join(dir, 'missing.zip') })).resolves.toMatchObject({ ok: false, problem: 'error', error: { kind: 'not-found' } });

    const text = path.join(dir, 'notes.zip');
    await writeFile(text, 'just some notes, not a zip');
    const notZip = await t.call('bundle:open-file', { path: text });
    expect(notZip).toMatchObject({ ok: false, problem: 'error', error: { kind: 'not-a-zip' } });
    if (!notZip.ok && notZip.problem === 'error') expect(notZip.error.message.de).toBe('Die Datei ist kein Diagnosepaket (keine ZIP-Datei).');
  });

  it('does not hang on a FIFO named like a bundle', async (context) => {
    const fifo = path.join(dir, 'pipe.zip');
    try {
      execFileSync('mkfifo', [fifo]);
    } catch {
      console.log('skipped: mkfifo is not available here');
      context.skip();
    }
    const response = await setup().call('bundle:open-file', { path: fifo });
    expect(response).toMatchObject({ ok: false, problem: 'error', error: { kind: 'not-found', message: { de: expect.stringContaining('pipe.zip') as unknown } } });
  });
});
