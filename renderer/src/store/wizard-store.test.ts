import { describe, expect, it } from 'vitest';
import { questionKey } from '../../../shared/checklist/answers';
import type { ViewedBundle } from '../../../shared/bundle/viewed-bundle';
import type { AppCommand, BundleProgress, InvokeRequest, OutlookDoktorApi } from '../../../shared/ipc/api';
import { fakeApi, INFO, report } from './testing/fake-api';
import type { Report } from '../../../shared/report/report-schema';
import { selectAnswer, selectHasRun, selectReport, selectRun } from './selectors';
import { createWizardStore, newRunId, type WizardStore } from './wizard-store';

async function ready(api: OutlookDoktorApi, ids = ['run-0000001', 'run-0000002']) {
  const store = createWizardStore(api, { runId: () => ids.shift()! });
  await store.getState().actions.init();
  return store;
}

describe('the wizard store', () => {
  it('boots with app info and the system defaults, never overwriting what the user typed', async () => {
    const { api } = fakeApi({ getDefaults: async () => ({ email: 'anna@contoso.test', server: 'mail.contoso.test' }) });
    const store = createWizardStore(api);
    store.getState().actions.setField('server', 'typed.contoso.test');
    await store.getState().actions.init();
    expect(store.getState()).toMatchObject({
      status: 'ready',
      info: INFO,
      form: { email: 'anna@contoso.test', server: 'typed.contoso.test' },
      prefilled: { email: true, server: false },
    });
  });

  it('says the host is unreachable instead of hanging', async () => {
    const { api } = fakeApi({ getAppInfo: () => Promise.reject(new Error('down')) });
    const store = await ready(api);
    expect(store.getState().status).toBe('broken');
  });

  it('does not call the host while the form has problems', async () => {
    const { api, calls } = fakeApi();
    const store = await ready(api);
    expect(await store.getState().actions.start()).toEqual({ ok: false, problems: { form: { key: 'ui/problem/form/missing' } } });
    store.getState().actions.setField('email', 'anna.muster@contoso,test');
    const outcome = await store.getState().actions.start();
    expect(outcome.ok).toBe(false);
    expect(store.getState().formProblems.email).toEqual({ key: 'ui/problem/email/comma', suggestion: 'anna.muster@contoso.test' });
    expect(calls.filter((c) => c.verb === 'startDiagnosis')).toEqual([]);
    expect(store.getState().step).toBe('start');
  });

  it('clears a problem as soon as the field is fixed', async () => {
    const { api } = fakeApi();
    const store = await ready(api);
    store.getState().actions.setField('server', 'https://mail.contoso.test/owa');
    await store.getState().actions.start();
    expect(store.getState().formProblems.server?.suggestion).toBe('mail.contoso.test');
    store.getState().actions.setField('server', 'mail.contoso.test');
    expect(store.getState().formProblems).toEqual({});
  });

  it('starts with the trimmed input, its own run id and the page language, then follows the run', async () => {
    const { api, calls, emit } = fakeApi();
    const store = await ready(api);
    store.getState().actions.setLang('en');
    store.getState().actions.setField('server', '  mail.contoso.test ');
    expect(await store.getState().actions.start()).toEqual({ ok: true });
    expect(calls.find((c) => c.verb === 'startDiagnosis')?.request).toEqual({ runId: 'run-0000001', server: 'mail.contoso.test', lang: 'en' });
    expect(store.getState()).toMatchObject({ step: 'running', run: { id: 'run-0000001', phase: 'running' } });

    emit({ runId: 'run-0000001', type: 'progress', event: { type: 'probe-planned', id: 'tls:a', probe: 'tls', kind: 'tls', target: 'a', title: 'TLS' } });
    emit({ runId: 'someone-else', type: 'progress', event: { type: 'probe-planned', id: 'tcp:b', probe: 'tcp', kind: 'tcp', target: 'b', title: 'TCP' } });
    expect(store.getState().run?.planned.map((p) => p.id)).toEqual(['tls:a']);

    // Result steps stay closed until the report is there.
    store.getState().actions.goTo('summary');
    expect(store.getState().step).toBe('running');
    emit({ runId: 'run-0000001', type: 'finished', report: report(), endedEarly: null });
    expect(store.getState()).toMatchObject({ run: { phase: 'finished' }, report: { verdict: 'problem' } });
    store.getState().actions.next();
    expect(store.getState().step).toBe('section:physical');
    store.getState().actions.goTo('summary');
    store.getState().actions.next();
    expect(store.getState().step).toBe('summary');
    store.getState().actions.back();
    expect(store.getState().step).toBe('section:server');
  });

  it('refuses a second start while a run is in progress, keeping that run', async () => {
    const { api, calls } = fakeApi();
    const store = await ready(api);
    store.getState().actions.setField('server', 'mail.contoso.test');
    await store.getState().actions.start();
    store.getState().actions.goTo('start');
    expect(await store.getState().actions.start()).toEqual({ ok: false, problems: { form: { key: 'ui/problem/form/busy' } } });
    expect(store.getState().run?.id).toBe('run-0000001');
    expect(calls.filter((c) => c.verb === 'startDiagnosis')).toHaveLength(1);
  });

  it('shows the host’s refusal at the field it concerns', async () => {
    const { api } = fakeApi({ startDiagnosis: async () => ({ ok: false, field: 'server', problem: 'host-invalid', message: '--server is not a valid host name' }) });
    const store = await ready(api);
    store.getState().actions.setField('server', 'mail.contoso.test');
    const outcome = await store.getState().actions.start();
    expect(outcome).toEqual({ ok: false, problems: { server: { key: 'ui/problem/server/host-invalid' } } });
    expect(store.getState()).toMatchObject({ step: 'start', run: null });
  });

  it('cancels through the host and takes the partial report', async () => {
    const { api, calls, emit } = fakeApi();
    const store = await ready(api);
    store.getState().actions.setField('server', 'mail.contoso.test');
    await store.getState().actions.start();
    await store.getState().actions.cancel();
    expect(store.getState().run?.phase).toBe('cancelling');
    expect(calls.find((c) => c.verb === 'cancelDiagnosis')?.request).toEqual({ runId: 'run-0000001' });
    emit({ runId: 'run-0000001', type: 'finished', report: report('ok'), endedEarly: 'cancelled' });
    expect(store.getState().run).toMatchObject({ phase: 'finished', endedEarly: 'cancelled' });
  });

  it('reports an engine failure instead of waiting forever', async () => {
    const { api, emit } = fakeApi();
    const store = await ready(api);
    store.getState().actions.setField('server', 'mail.contoso.test');
    await store.getState().actions.start();
    emit({ runId: 'run-0000001', type: 'failed', message: 'boom' });
    expect(store.getState().run).toMatchObject({ phase: 'failed', error: 'boom' });
  });

  it('keeps the checklist answers across a new run', async () => {
    const { api, emit } = fakeApi();
    const store = await ready(api);
    store.getState().actions.setField('server', 'mail.contoso.test');
    await store.getState().actions.start();
    emit({ runId: 'run-0000001', type: 'finished', report: report(), endedEarly: null });
    store.getState().actions.setChoice('physical', 'scope', 'floor');
    store.getState().actions.setDone('physical', 'scope', true);
    store.getState().actions.setDone('physical', 'cable-seated', true);
    await store.getState().actions.rerun();
    expect(store.getState()).toMatchObject({ step: 'running', report: null, run: { id: 'run-0000002' } });
    expect(store.getState().answers).toEqual({
      [questionKey('physical', 'scope')]: { choice: 'floor', done: true },
      [questionKey('physical', 'cable-seated')]: { done: true },
    });
  });

  it('copies the text summary and the checklist answers for a ticket', async () => {
    const { api, calls, emit } = fakeApi();
    const store = await ready(api);
    store.getState().actions.setField('server', 'mail.contoso.test');
    await store.getState().actions.start();
    emit({ runId: 'run-0000001', type: 'finished', report: report(), endedEarly: null });
    store.getState().actions.setChoice('physical', 'scope', 'this-pc');
    await store.getState().actions.copySummary();
    const text = (calls.find((c) => c.verb === 'writeClipboardText')?.request as { text: string }).text;
    expect(text).toContain('Ergebnis der Prüfung: Problem gefunden');
    expect(text).toContain('Zertifikat abgelaufen');
    expect(text).toContain('Nur dieser PC (!)');
    expect(store.getState().notice).toEqual({ kind: 'copied' });
  });

  it('says so when copying fails', async () => {
    const { api, emit } = fakeApi({ writeClipboardText: () => Promise.reject(new Error('denied')) });
    const store = await ready(api);
    store.getState().actions.setField('server', 'mail.contoso.test');
    await store.getState().actions.start();
    emit({ runId: 'run-0000001', type: 'finished', report: report(), endedEarly: null });
    await store.getState().actions.copySummary();
    expect(store.getState().notice).toEqual({ kind: 'copy-failed', message: 'denied' });
  });

  it('tells the host about a language switch, and keeps working if it cannot follow', async () => {
    const { api, calls } = fakeApi({ setLanguage: () => Promise.reject(new Error('no menu')) });
    const store = await ready(api);
    store.getState().actions.setLang('en');
    expect(store.getState().lang).toBe('en');
    const { api: api2, calls: calls2 } = fakeApi();
    const store2 = await ready(api2);
    store2.getState().actions.setLang('en');
    expect(calls2.filter((c) => c.verb === 'setLanguage')).toEqual([{ verb: 'setLanguage', request: { lang: 'en' } }]);
    expect(calls.length).toBeGreaterThan(0);
  });

  it('makes run ids the host accepts', () => {
    expect(newRunId()).toMatch(/^[0-9a-f]{24}$/);
    expect(newRunId()).not.toBe(newRunId());
  });
});

const PREVIEW = {
  entries: [{ name: 'report.json', bytes: 1200, description: 'Bericht als JSON' }],
  totalBytes: 1200,
  redactions: { authorization: 1, 'proxy-authorization': 0, cookie: 0, 'set-cookie': 0, 'auth-token': 0, 'url-token': 0, password: 0, 'secret-field': 0 },
  anonymized: false,
  anonymizations: null,
  suggestedName: 'outlook-doktor-2026-01-01_10-00.zip',
};

function viewed(verdict: Report['verdict'] = 'ok'): ViewedBundle {
  return {
    fileName: 'paket.zip',
    fileBytes: 4096,
    report: { ...report(verdict), input: { email: 'postfach-1@contoso.test', lang: 'de' } },
    checklist: { version: 1, answers: { 'physical/scope': { done: true, choice: 'floor', section: 'physical', question: 'Wer ist betroffen?', choiceLabel: 'Alle auf der Etage oder im Raum' } } },
    origin: { toolVersion: '0.0.9', createdAt: '2026-01-01T10:00:05.000Z', anonymized: true },
    entries: [{ name: 'report.json', bytes: 1200, status: 'verified' }],
    verification: { status: 'verified', problems: [] },
    har: { entries: 3 },
  };
}

/** A store with a finished own run (problem verdict) on its summary. */
async function finished(overrides: Partial<OutlookDoktorApi> = {}) {
  const fake = fakeApi(overrides);
  const store = await ready(fake.api);
  store.getState().actions.setField('server', 'mail.contoso.test');
  await store.getState().actions.start();
  fake.emit({ runId: 'run-0000001', type: 'finished', report: report(), endedEarly: null });
  store.getState().actions.setChoice('physical', 'scope', 'this-pc');
  store.getState().actions.goTo('summary');
  return { ...fake, store };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the bundle export in the store', () => {
  it('asks for a preview of the run on screen, with the answers, and again when "Anonymisieren" changes', async () => {
    const requests: InvokeRequest<'bundle:preview'>[] = [];
    const { store } = await finished({ previewBundle: async (request) => (requests.push(request), { ok: true, preview: { ...PREVIEW, anonymized: request.anonymize } }) });
    store.getState().actions.openExport();
    await flush();
    expect(store.getState().exporting).toMatchObject({ open: true, loading: false, preview: { anonymized: false } });
    store.getState().actions.setAnonymize(true);
    await flush();
    expect(requests).toEqual([
      { runId: 'run-0000001', lang: 'de', anonymize: false, answers: { 'physical/scope': { choice: 'this-pc', done: false } } },
      { runId: 'run-0000001', lang: 'de', anonymize: true, answers: { 'physical/scope': { choice: 'this-pc', done: false } } },
    ]);
    expect(store.getState().exporting.preview?.anonymized).toBe(true);
  });

  it('shows only the answer to the last preview request when two cross', async () => {
    const pending: ((value: { ok: true; preview: typeof PREVIEW }) => void)[] = [];
    const { store } = await finished({ previewBundle: () => new Promise((resolve) => pending.push(resolve)) });
    store.getState().actions.openExport();
    store.getState().actions.setAnonymize(true);
    pending[1]!({ ok: true, preview: { ...PREVIEW, anonymized: true } });
    pending[0]!({ ok: true, preview: { ...PREVIEW, anonymized: false } });
    await flush();
    expect(store.getState().exporting.preview?.anonymized).toBe(true);
  });

  it('saves, follows the progress only while saving, and tells where the file went', async () => {
    let progress: (p: BundleProgress) => void = () => undefined;
    let finish: (value: Awaited<ReturnType<OutlookDoktorApi['saveBundle']>>) => void = () => undefined;
    const { store } = await finished({
      previewBundle: async () => ({ ok: true, preview: PREVIEW }),
      saveBundle: () => new Promise((resolve) => (finish = resolve)),
      onBundleProgress: (listener) => ((progress = listener), () => undefined),
    });
    progress({ entry: 'stray.json', index: 0, total: 1 });
    expect(store.getState().exporting.progress).toBeNull();
    store.getState().actions.openExport();
    await flush();
    const saving = store.getState().actions.saveBundle();
    expect(store.getState().exporting.phase).toBe('saving');
    progress({ entry: 'report.html', index: 1, total: 9 });
    expect(store.getState().exporting.progress).toEqual({ entry: 'report.html', index: 1, total: 9 });
    // The dialog stays while the file is written.
    store.getState().actions.closeExport();
    expect(store.getState().exporting.open).toBe(true);
    finish({ ok: true, target: { kind: 'file', path: 'C:\\Users\\anna\\Documents\\x.zip', fileName: 'x.zip' }, bytes: 900, anonymized: false });
    await saving;
    expect(store.getState().exporting).toMatchObject({ phase: 'saved', progress: null, saved: { kind: 'file', path: 'C:\\Users\\anna\\Documents\\x.zip' } });
  });

  it('goes back quietly when the user cancels the save dialog, and explains failures', async () => {
    let answer: Awaited<ReturnType<OutlookDoktorApi['saveBundle']>> = { ok: false, problem: 'cancelled', message: 'x' };
    const { store } = await finished({ previewBundle: async () => ({ ok: true, preview: PREVIEW }), saveBundle: async () => answer });
    store.getState().actions.openExport();
    await flush();
    await store.getState().actions.saveBundle();
    expect(store.getState().exporting).toMatchObject({ phase: 'idle', error: null, open: true });
    answer = { ok: false, problem: 'failed', message: 'disk full' };
    await store.getState().actions.saveBundle();
    expect(store.getState().exporting).toMatchObject({ phase: 'failed', error: { key: 'ui/export/failed', args: { message: 'disk full' } } });
    answer = { ok: false, problem: 'no-report', message: 'gone' };
    await store.getState().actions.saveBundle();
    expect(store.getState().exporting.error?.key).toBe('ui/export/noReport');
  });

  it('closes the dialog when the user goes elsewhere (menu: new check), so it does not come back by itself', async () => {
    const { store } = await finished({ previewBundle: async () => ({ ok: true, preview: PREVIEW }) });
    store.getState().actions.openExport();
    store.getState().actions.goTo('start');
    expect(store.getState().exporting.open).toBe(false);
  });

  it('offers no export without an own report or while a bundle is shown', async () => {
    const { api, calls } = fakeApi();
    const store = await ready(api);
    store.getState().actions.openExport();
    expect(store.getState().exporting.open).toBe(false);
    expect(calls.filter((c) => c.verb === 'previewBundle')).toEqual([]);
  });
});

describe('the bundle viewer in the store', () => {
  async function viewing(store: WizardStore) {
    await store.getState().actions.openBundle();
    return store.getState();
  }

  it('shows someone else’s bundle on the result screens, read-only, and returns to the own run', async () => {
    const { store } = await finished({ openBundle: async () => ({ ok: true, bundle: viewed('ok') }) });
    const state = await viewing(store);
    expect(state.step).toBe('summary');
    expect(selectReport(state)?.verdict).toBe('ok');
    expect(selectRun(state)).toBeNull();
    expect(selectHasRun(state)).toBe(false);
    expect(selectAnswer('physical', 'scope')(state)).toEqual({ done: true, choice: 'floor' });

    // Read-only: answers cannot change, the running step is closed.
    state.actions.setChoice('physical', 'scope', 'this-pc');
    state.actions.setDone('physical', 'scope', false);
    state.actions.goTo('running');
    expect(selectAnswer('physical', 'scope')(store.getState())).toEqual({ done: true, choice: 'floor' });
    expect(store.getState().step).toBe('summary');

    // The own run is untouched underneath.
    store.getState().actions.goTo('section:tls');
    store.getState().actions.closeBundle();
    expect(store.getState()).toMatchObject({ step: 'summary', report: { verdict: 'problem' }, viewer: { bundle: null } });
    expect(selectAnswer('physical', 'scope')(store.getState())).toEqual({ choice: 'this-pc', done: false });
  });

  it('leaves the bundle for the start screen and a new check', async () => {
    const commands: ((c: AppCommand) => void)[] = [];
    const { store } = await finished({ openBundle: async () => ({ ok: true, bundle: viewed() }), onAppCommand: (l) => (commands.push(l), () => undefined) });
    commands[0]!({ command: 'open-bundle' });
    await flush();
    expect(store.getState().viewer.bundle?.fileName).toBe('paket.zip');
    commands[0]!({ command: 'new-run' });
    expect(store.getState()).toMatchObject({ step: 'start', viewer: { bundle: null } });
  });

  it('refuses a dropped file that is not a .zip before asking the host', async () => {
    const opened: unknown[] = [];
    const { store } = await finished({ openBundleFile: async (file) => (opened.push(file), { ok: false, problem: 'cancelled' }) });
    await store.getState().actions.openBundleFile({ name: 'notizen.txt', size: 10 });
    expect(store.getState().viewer.problem).toEqual({ key: 'ui/viewer/notZipName', args: { name: 'notizen.txt' } });
    expect(opened).toEqual([]);
    await store.getState().actions.openBundleFile({ name: 'Paket.ZIP', size: 10 });
    expect(opened).toHaveLength(1);
  });

  it('shows the reader’s own message, or the size limit, when a bundle does not open', async () => {
    const message = { de: 'Die Datei ist kein Diagnosepaket (keine ZIP-Datei).', en: 'The file is not a diagnostic bundle (not a ZIP file).' };
    let answer: Awaited<ReturnType<OutlookDoktorApi['openBundle']>> = { ok: false, problem: 'error', error: { kind: 'not-a-zip', message } };
    const { store } = await finished({ openBundle: async () => answer });
    await store.getState().actions.openBundle();
    expect(store.getState().viewer).toMatchObject({ bundle: null, opening: false, problem: { message } });
    expect(store.getState().step).toBe('summary');
    answer = { ok: false, problem: 'too-large', bytes: 150 * 1024 * 1024, limit: 100 * 1024 * 1024 };
    await store.getState().actions.openBundle();
    expect(store.getState().viewer.problem).toEqual({ key: 'bundle/openError/too-large', args: { size: '150 MB', limit: '100 MB' } });
    store.getState().actions.dismissViewerProblem();
    expect(store.getState().viewer.problem).toBeNull();
    answer = { ok: false, problem: 'cancelled' };
    await store.getState().actions.openBundle();
    expect(store.getState().viewer).toMatchObject({ problem: null, opening: false });
  });
});
