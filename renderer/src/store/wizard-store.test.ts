import { describe, expect, it } from 'vitest';
import { questionKey } from '../../../shared/checklist/answers';
import type { AppInfo, DiagnosisEvent, InvokeRequest, OutlookDoktorApi } from '../../../shared/ipc/api';
import type { Report } from '../../../shared/report/report-schema';
import { SECTION_IDS } from '../../../shared/model/sections';
import { createWizardStore, newRunId } from './wizard-store';

const INFO: AppInfo = {
  name: 'Outlook-Doktor',
  version: '9.9.9',
  commit: 'abc',
  buildDate: '2026-01-01',
  platform: 'test',
  shell: 'web',
  capabilities: { bundleExport: true, monitor: false },
  testMode: true,
};

function report(verdict: Report['verdict'] = 'problem'): Report {
  return {
    schemaVersion: 1,
    tool: { name: 'outlook-doktor', version: '9.9.9' },
    startedAt: '2026-01-01T10:00:00.000Z',
    finishedAt: '2026-01-01T10:00:01.000Z',
    durationMs: 1000,
    input: { server: 'mail.contoso.test', lang: 'de' },
    verdict,
    findings:
      verdict === 'problem'
        ? [{ id: 'tls.cert-expired', severity: 'problem', section: 'tls', title: 'Zertifikat abgelaufen', detail: 'd', userAction: 'u', adminAction: 'a', evidence: ['tls:x'] }]
        : [],
    sections: SECTION_IDS.map((id) => ({ id, status: id === 'tls' && verdict === 'problem' ? 'problem' : 'not-checked', findings: [] })),
    probes: [],
  };
}

/**
 * The host API as the store sees it, recording every call: the store is the only code that
 * calls the API, so its behaviour is exactly what it sends and what it does with the answers.
 */
function fakeApi(overrides: Partial<OutlookDoktorApi> = {}) {
  const calls: { verb: string; request?: unknown }[] = [];
  const listeners: ((event: DiagnosisEvent) => void)[] = [];
  const api: OutlookDoktorApi = {
    getAppInfo: async () => (calls.push({ verb: 'getAppInfo' }), INFO),
    getDefaults: async () => (calls.push({ verb: 'getDefaults' }), {}),
    setLanguage: async (request) => void calls.push({ verb: 'setLanguage', request }),
    startDiagnosis: async (request: InvokeRequest<'diagnosis:start'>) => (calls.push({ verb: 'startDiagnosis', request }), { ok: true }),
    cancelDiagnosis: async (request) => (calls.push({ verb: 'cancelDiagnosis', request }), { cancelled: true }),
    writeClipboardText: async (request) => void calls.push({ verb: 'writeClipboardText', request }),
    onDiagnosisEvent: (listener) => {
      listeners.push(listener);
      return () => listeners.splice(listeners.indexOf(listener), 1);
    },
    onAppCommand: () => () => undefined,
    previewBundle: async () => ({ ok: false, problem: 'no-report' }),
    saveBundle: async () => ({ ok: false, problem: 'no-report', message: 'none' }),
    revealBundle: async () => ({ shown: false }),
    openBundle: async () => ({ ok: false, problem: 'cancelled' }),
    openBundleFile: async () => ({ ok: false, problem: 'cancelled' }),
    onBundleProgress: () => () => undefined,
    ...overrides,
  };
  return { api, calls, emit: (event: DiagnosisEvent) => listeners.forEach((l) => l(event)), listeners };
}

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
