import { createStore, type StoreApi } from 'zustand/vanilla';
import { checklistText, questionKey, type ChecklistAnswers } from '../../../shared/checklist/answers';
import type { Lang } from '../../../shared/i18n';
import type { AppInfo, DiagnosisEvent, OutlookDoktorApi, StartResponse, Unsubscribe } from '../../../shared/ipc/api';
import type { SectionId } from '../../../shared/model/sections';
import type { Report } from '../../../shared/report/report-schema';
import { textSummary } from '../../../shared/report/text-summary';
import { checkForm, hasProblems, type FormProblems } from '../start/input-check';
import { createExportActions, INITIAL_EXPORT, messageOf, type ExportActions, type ExportState } from './export-actions';
import { createMonitorActions, INITIAL_MONITOR, type MonitorActions, type MonitorViewState } from './monitor-actions';
import { applyRunEvent, newRunProgress, type RunProgress } from './run-progress';
import { isReachable, neighbour, STEP_IDS, type StepId } from './steps';
import { createViewerActions, INITIAL_VIEWER, type ViewerActions, type ViewerState } from './viewer-actions';

/**
 * The wizard's state and the only code that talks to the host API.
 *
 * Components read slices through selectors (`selectors.ts`) and call actions; no component
 * touches the API. Created per API, so a test drives it with an API of its own.
 */
export interface WizardState {
  /** `booting` until app info arrived; `broken` when the host cannot be reached. */
  status: 'booting' | 'ready' | 'broken';
  info: AppInfo | null;
  lang: Lang;
  form: { email: string; server: string };
  /** Which fields the system filled in (shown as such, so the user checks them). */
  prefilled: { email: boolean; server: boolean };
  formProblems: FormProblems;
  step: StepId;
  run: RunProgress | null;
  report: Report | null;
  answers: ChecklistAnswers;
  notice: Notice | null;
  /** The export dialog (the user's own run only). */
  exporting: ExportState;
  /** Someone else's bundle shown read-only on the result screens; the own run stays underneath. */
  viewer: ViewerState;
  /** The monitor ("Dauertest"): its form, or the one running or ended last. */
  monitor: MonitorViewState;
  actions: WizardActions & ExportActions & ViewerActions & MonitorActions;
}

export type StartOutcome = { ok: true } | { ok: false; problems: FormProblems };

export type Notice = { kind: 'copied' } | { kind: 'copy-failed'; message: string };

export interface WizardActions {
  /** Fetches app info and defaults and subscribes to events; call once. Returns the unsubscribe. */
  init: () => Promise<Unsubscribe>;
  setField: (field: 'email' | 'server', value: string) => void;
  /** Validates and starts a run; the problems when the form (or the host) refused it. */
  start: () => Promise<StartOutcome>;
  cancel: () => Promise<void>;
  /** A new run with the same input; the checklist answers stay. */
  rerun: () => Promise<StartOutcome>;
  goTo: (step: StepId) => void;
  next: () => void;
  back: () => void;
  setChoice: (section: SectionId, questionId: string, choice: string) => void;
  setDone: (section: SectionId, questionId: string, done: boolean) => void;
  setLang: (lang: Lang) => void;
  copySummary: () => Promise<void>;
  dismissNotice: () => void;
  handleEvent: (event: DiagnosisEvent) => void;
}

export type WizardStore = StoreApi<WizardState>;

/** A run id the host accepts (`[A-Za-z0-9_-]{8,64}`), random so runs of two tabs never collide. */
export function newRunId(random: () => Uint8Array = () => crypto.getRandomValues(new Uint8Array(12))): string {
  return Array.from(random(), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function createWizardStore(api: OutlookDoktorApi, options: { lang?: Lang; runId?: () => string } = {}): WizardStore {
  const makeRunId = options.runId ?? (() => newRunId());

  return createStore<WizardState>()((set, get) => {
    // A bundle on screen has results but no run of its own to watch.
    const reach = () => (get().viewer.bundle ? { hasRun: false, hasReport: true } : { hasRun: get().run !== null, hasReport: get().report !== null });

    const applyStartFailure = (response: Extract<StartResponse, { ok: false }>) => {
      const problems: FormProblems =
        response.field === 'email' || response.field === 'server'
          ? { [response.field]: { key: `ui/problem/${response.field}/${response.problem}` } }
          : { form: { key: `ui/problem/form/${response.problem}`, args: { message: response.message } } };
      set({ formProblems: problems, run: null, step: 'start' });
      return problems;
    };

    const actions: WizardState['actions'] = {
      async init() {
        const unsubscribe = [
          api.onDiagnosisEvent((event) => get().actions.handleEvent(event)),
          api.onAppCommand((command) => {
            if (command.command === 'new-run') get().actions.goTo('start');
            else if (command.command === 'open-bundle') void get().actions.openBundle();
          }),
          api.onBundleProgress((progress) => get().actions.handleBundleProgress(progress)),
          api.onMonitorEvent((payload) => get().actions.handleMonitorEvent(payload)),
        ];
        try {
          const [info, defaults] = await Promise.all([api.getAppInfo(), api.getDefaults()]);
          // A monitor the host already runs (the page was reloaded, the window reopened) is shown, not lost.
          if (info.capabilities.monitor && get().monitor.phase === 'idle') {
            const { monitor } = await api.getMonitorState().catch(() => ({ monitor: null }));
            if (monitor && get().monitor.phase === 'idle') get().actions.restoreMonitor(monitor);
          }
          const { form } = get();
          // The user may have typed already while defaults were on their way: never overwrite that.
          const email = form.email === '' && defaults.email ? defaults.email : form.email;
          const server = form.server === '' && defaults.server ? defaults.server : form.server;
          set({
            info,
            status: 'ready',
            form: { email, server },
            prefilled: { email: email !== form.email, server: server !== form.server },
          });
        } catch {
          set({ status: 'broken' });
        }
        return () => unsubscribe.forEach((u) => u());
      },

      setField(field, value) {
        const form = { ...get().form, [field]: value };
        const { formProblems } = get();
        // Problems disappear as soon as they are fixed, but new ones only show on the next start.
        const fresh = checkForm(form);
        const kept: FormProblems = {};
        if (formProblems.email && fresh.email) kept.email = fresh.email;
        if (formProblems.server && fresh.server) kept.server = fresh.server;
        if (formProblems.form && fresh.form) kept.form = fresh.form;
        set({ form, formProblems: kept, prefilled: { ...get().prefilled, [field]: false } });
      },

      async start() {
        const { form, lang, run: current } = get();
        if (current && (current.phase === 'starting' || current.phase === 'running' || current.phase === 'cancelling')) {
          // One run at a time; the one in progress keeps its screen and its events.
          const busy: FormProblems = { form: { key: 'ui/problem/form/busy' } };
          set({ formProblems: busy });
          return { ok: false, problems: busy };
        }
        const problems = checkForm(form);
        if (hasProblems(problems)) {
          set({ formProblems: problems });
          return { ok: false, problems };
        }
        const runId = makeRunId();
        set({
          formProblems: {},
          run: newRunProgress(runId),
          report: null,
          step: 'running',
          notice: null,
          viewer: { ...INITIAL_VIEWER },
          exporting: { ...INITIAL_EXPORT, anonymize: get().exporting.anonymize },
        });
        let response: StartResponse;
        try {
          response = await api.startDiagnosis({
            runId,
            ...(form.email.trim() ? { email: form.email.trim() } : {}),
            ...(form.server.trim() ? { server: form.server.trim() } : {}),
            lang,
          });
        } catch (error) {
          const failed: FormProblems = { form: { key: 'ui/problem/form/failed', args: { message: messageOf(error) } } };
          set({ formProblems: failed, run: null, step: 'start' });
          return { ok: false, problems: failed };
        }
        if (!response.ok) return { ok: false, problems: applyStartFailure(response) };
        const run = get().run;
        if (run?.id === runId && run.phase === 'starting') set({ run: { ...run, phase: 'running' } });
        return { ok: true };
      },

      async cancel() {
        const run = get().run;
        if (!run || (run.phase !== 'running' && run.phase !== 'starting')) return;
        set({ run: { ...run, phase: 'cancelling' } });
        try {
          await api.cancelDiagnosis({ runId: run.id });
        } catch {
          // The run ends at its deadline anyway; its report still arrives.
        }
      },

      rerun() {
        return get().actions.start();
      },

      goTo(step) {
        // "Start" and the monitor are the user's own: going there leaves someone else's bundle.
        if ((step === 'start' || step === 'monitor') && get().viewer.bundle) set({ viewer: { ...INITIAL_VIEWER } });
        // The monitor's form starts with the server the user checked (or typed).
        if (step === 'monitor' && get().monitor.phase === 'idle' && get().monitor.form.server === '') {
          const server = get().report?.input.server ?? get().form.server.trim();
          if (server) set({ monitor: { ...get().monitor, form: { ...get().monitor.form, server } } });
        }
        if (!STEP_IDS.includes(step) || !isReachable(step, reach())) return;
        const { exporting } = get();
        // A step change (the menu's "new check") takes the export dialog with it, unless it is writing.
        set({ step, notice: null, ...(exporting.open && exporting.phase !== 'saving' ? { exporting: { ...exporting, open: false } } : {}) });
      },

      next() {
        const step = neighbour(get().step, 1, reach());
        if (step) get().actions.goTo(step);
      },

      back() {
        const step = neighbour(get().step, -1, reach());
        if (step) get().actions.goTo(step);
      },

      setChoice(section, questionId, choice) {
        // A bundle's answers are a record of what someone else said: read-only.
        if (get().viewer.bundle) return;
        const key = questionKey(section, questionId);
        const previous = get().answers[key];
        set({ answers: { ...get().answers, [key]: { done: previous?.done ?? false, choice } } });
      },

      setDone(section, questionId, done) {
        if (get().viewer.bundle) return;
        const key = questionKey(section, questionId);
        const previous = get().answers[key];
        set({ answers: { ...get().answers, [key]: { ...previous, done } } });
      },

      setLang(lang) {
        set({ lang });
        // The preview's descriptions and report.html follow the language.
        if (get().exporting.open) void get().actions.refreshPreview();
        // The desktop app's menu follows; a host that cannot does not stop the page from switching.
        api.setLanguage({ lang }).catch(() => undefined);
      },

      async copySummary() {
        const { viewer, lang } = get();
        const report = viewer.bundle ? viewer.bundle.report : get().report;
        const answers = viewer.bundle ? viewer.answers : get().answers;
        if (!report) return;
        const text = `${textSummary(report, { lang })}\n\n${checklistText(answers, lang)}\n`;
        try {
          await api.writeClipboardText({ text });
          set({ notice: { kind: 'copied' } });
        } catch (error) {
          set({ notice: { kind: 'copy-failed', message: messageOf(error) } });
        }
      },

      dismissNotice() {
        set({ notice: null });
      },

      handleEvent(event) {
        const run = get().run;
        // Events of an earlier run (or of another tab on the same bridge) are not ours.
        if (!run || event.runId !== run.id) return;
        if (event.type === 'progress') {
          set({ run: applyRunEvent(run, event.event) });
        } else if (event.type === 'finished') {
          set({ run: { ...run, phase: 'finished', endedEarly: event.endedEarly }, report: event.report });
        } else {
          set({ run: { ...run, phase: 'failed', error: event.message } });
        }
      },
      ...createExportActions(api, get, set),
      ...createViewerActions(api, get, set),
      ...createMonitorActions(api, get, set, makeRunId),
    };

    return {
      status: 'booting',
      info: null,
      lang: options.lang ?? 'de',
      form: { email: '', server: '' },
      prefilled: { email: false, server: false },
      formProblems: {},
      step: 'start',
      run: null,
      report: null,
      answers: {},
      notice: null,
      exporting: { ...INITIAL_EXPORT },
      viewer: { ...INITIAL_VIEWER },
      monitor: { ...INITIAL_MONITOR },
      actions,
    };
  });
}

