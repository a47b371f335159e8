import type { MonitorEventPayload, MonitorSnapshot, MonitorStartResponse, OutlookDoktorApi } from '../../../shared/ipc/api';
import type {
  MarkerEvent,
  MonitorEndReason,
  MonitorRunInfo,
  MonitorSample,
  MonitorStats,
  MonitorTimelineEvent,
} from '../../../shared/monitor/monitor-types';
import { checkServerInput, type FieldProblem } from '../start/input-check';
import { messageOf, type PageMessage } from './export-actions';
import type { WizardState } from './wizard-store';

/**
 * The monitor ("Dauertest") in the page: the form, the live timeline fed by the host's events,
 * the figures, markers.
 *
 * The host measures; the page only shows. Memory is bounded like the engine's: the timeline
 * keeps TIMELINE_ROWS rows of TIMELINE_ROW_LENGTH samples (older rows are counted, not kept),
 * events a fixed number. Finished rows keep their identity, so only the newest row re-renders.
 */

/** Samples per timeline row: a minute at the default interval, as admins read such logs. */
export const TIMELINE_ROW_LENGTH = 60;
/** Rows kept on screen: an hour at one request a second; the bundle's log has everything. */
export const TIMELINE_ROWS = 60;
/** Timeline events kept on screen (network changes, gaps, markers, address changes). */
export const MAX_VIEW_EVENTS = 500;

export const INTERVAL_CHOICES = [0.5, 1, 2, 5, 10] as const;
export const DURATION_CHOICES = { unlimited: null, m15: 15 * 60, h1: 3600, h8: 8 * 3600 } as const;
export type DurationChoice = keyof typeof DURATION_CHOICES;

export interface MonitorForm {
  server: string;
  intervalSeconds: number;
  duration: DurationChoice;
  resolveEach: boolean;
  keepAlive: boolean;
}

/** One row of the timeline: the samples of ticks `first` … `first + TIMELINE_ROW_LENGTH - 1` (holes where none arrived). */
export interface TimelineRow {
  first: number;
  /** Index = seq − first; undefined: not yet measured. */
  samples: readonly (MonitorSample | undefined)[];
}

/** A timeline event and the tick it came after (−1: before the first). */
export interface PlacedEvent {
  event: MonitorTimelineEvent;
  afterSeq: number;
}

export interface MonitorViewState {
  form: MonitorForm;
  problems: { server?: FieldProblem; form?: PageMessage };
  phase: 'idle' | 'starting' | 'running' | 'stopping' | 'ended';
  id: string | null;
  info: MonitorRunInfo | null;
  rows: readonly TimelineRow[];
  /** Samples of rows no longer kept. */
  olderSamples: number;
  lastSeq: number;
  events: readonly PlacedEvent[];
  stats: MonitorStats | null;
  ended: MonitorEndReason | null;
  note: string;
  lastMarker: MarkerEvent | null;
}

export interface MonitorActions {
  setMonitorField: <K extends keyof MonitorForm>(field: K, value: MonitorForm[K]) => void;
  /** Validates and starts; false when the form or the host refused. */
  startMonitor: () => Promise<boolean>;
  /** From the summary: the checked server, the default settings, at once. */
  startMonitorFromSummary: () => Promise<boolean>;
  stopMonitor: () => Promise<void>;
  setMonitorNote: (note: string) => void;
  markProblem: () => Promise<void>;
  /** Back to the form after a monitor ended, keeping its settings. */
  newMonitor: () => void;
  handleMonitorEvent: (payload: MonitorEventPayload) => void;
  /** A monitor the host already runs (the page was reloaded): shown as it stands. */
  restoreMonitor: (snapshot: MonitorSnapshot) => void;
}

export const INITIAL_MONITOR: MonitorViewState = {
  form: { server: '', intervalSeconds: 1, duration: 'unlimited', resolveEach: false, keepAlive: false },
  problems: {},
  phase: 'idle',
  id: null,
  info: null,
  rows: [],
  olderSamples: 0,
  lastSeq: -1,
  events: [],
  stats: null,
  ended: null,
  note: '',
  lastMarker: null,
};

type Get = () => WizardState;
type Set = (partial: Partial<WizardState>) => void;

/** The samples placed into rows: pure, so the store and its tests share it. */
export function addSample(view: Pick<MonitorViewState, 'rows' | 'olderSamples' | 'lastSeq'>, sample: MonitorSample): Pick<MonitorViewState, 'rows' | 'olderSamples' | 'lastSeq'> {
  const first = sample.seq - (sample.seq % TIMELINE_ROW_LENGTH);
  const rows = [...view.rows];
  let index = rows.findIndex((r) => r.first === first);
  if (index < 0) {
    // Rows stay in tick order; a sample of a row already dropped is counted, not shown.
    if (rows.length > 0 && first < rows[0]!.first) return { ...view, olderSamples: view.olderSamples + 1 };
    rows.push({ first, samples: [] });
    rows.sort((a, b) => a.first - b.first);
    index = rows.findIndex((r) => r.first === first);
  }
  const row = rows[index]!;
  const samples = [...row.samples];
  samples[sample.seq - first] = sample;
  rows[index] = { first, samples };
  let olderSamples = view.olderSamples;
  while (rows.length > TIMELINE_ROWS) olderSamples += rows.shift()!.samples.filter(Boolean).length;
  return { rows, olderSamples, lastSeq: Math.max(view.lastSeq, sample.seq) };
}

export function createMonitorActions(api: OutlookDoktorApi, get: Get, set: Set, makeId: () => string): MonitorActions {
  const update = (patch: Partial<MonitorViewState>) => set({ monitor: { ...get().monitor, ...patch } });
  const busy = () => ['starting', 'running', 'stopping'].includes(get().monitor.phase);

  const applyRefusal = (response: Extract<MonitorStartResponse, { ok: false }>) => {
    const problems: MonitorViewState['problems'] =
      response.field === 'server'
        ? { server: { key: `ui/problem/server/${response.problem}` } }
        : response.field === 'interval' || response.field === 'duration'
          ? { form: { key: `ui/monitor/problem/${response.field}` } }
          : { form: { key: `ui/monitor/problem/${response.problem}`, args: { message: response.message } } };
    update({ phase: 'idle', id: null, problems });
  };

  const start = async (form: MonitorForm): Promise<boolean> => {
    if (busy()) {
      update({ problems: { form: { key: 'ui/monitor/problem/busy' } } });
      return false;
    }
    const server = form.server.trim();
    const serverProblem = server === '' ? { key: 'ui/monitor/problem/missing' } : checkServerInput(server);
    if (serverProblem) {
      update({ problems: { server: serverProblem } });
      return false;
    }
    const id = makeId();
    const duration = DURATION_CHOICES[form.duration];
    set({
      monitor: { ...INITIAL_MONITOR, form, phase: 'starting', id },
      step: 'monitor',
    });
    let response: MonitorStartResponse;
    try {
      response = await api.startMonitor({
        monitorId: id,
        server,
        intervalSeconds: form.intervalSeconds,
        ...(duration !== null ? { durationSeconds: duration } : {}),
        ...(form.resolveEach ? { resolveEach: true } : {}),
        ...(form.keepAlive ? { keepAlive: true } : {}),
      });
    } catch (error) {
      update({ phase: 'idle', id: null, problems: { form: { key: 'ui/monitor/problem/failed', args: { message: messageOf(error) } } } });
      return false;
    }
    if (!response.ok) {
      applyRefusal(response);
      return false;
    }
    const view = get().monitor;
    // The started event may have come first (it does on the desktop); either way the info is in.
    if (view.id === id && view.phase === 'starting') update({ phase: 'running', info: response.info });
    return true;
  };

  return {
    setMonitorField(field, value) {
      const form = { ...get().monitor.form, [field]: value };
      const problems = { ...get().monitor.problems };
      if (field === 'server') delete problems.server;
      delete problems.form;
      update({ form, problems });
    },

    startMonitor: () => start(get().monitor.form),

    startMonitorFromSummary() {
      const server = get().report?.input.server ?? get().form.server;
      return start({ ...get().monitor.form, server: server ?? '' });
    },

    async stopMonitor() {
      const { id, phase } = get().monitor;
      if (!id || (phase !== 'running' && phase !== 'starting')) return;
      update({ phase: 'stopping' });
      try {
        await api.stopMonitor({ monitorId: id });
      } catch {
        // The host ends it with the app at the latest; its end event still arrives.
      }
    },

    setMonitorNote(note) {
      update({ note });
    },

    async markProblem() {
      const { id, phase, note } = get().monitor;
      if (!id || phase !== 'running') return;
      try {
        const { marker } = await api.markMonitor({ monitorId: id, ...(note.trim() ? { note: note.trim() } : {}) });
        if (marker && get().monitor.id === id) update({ lastMarker: marker, note: '' });
      } catch {
        // Nothing to show: the marker event would have told.
      }
    },

    newMonitor() {
      if (busy()) return;
      set({ monitor: { ...INITIAL_MONITOR, form: get().monitor.form } });
    },

    handleMonitorEvent({ monitorId, event }) {
      const view = get().monitor;
      // Another tab's monitor on the same bridge, or one this page forgot: not ours.
      if (monitorId !== view.id) return;
      switch (event.type) {
        case 'monitor-started':
          update({ info: event.info, phase: view.phase === 'starting' ? 'running' : view.phase });
          return;
        case 'monitor-sample':
          update(addSample(view, event.sample));
          return;
        case 'monitor-timeline': {
          const events = [...view.events, { event: event.event, afterSeq: view.lastSeq }];
          update({ events: events.length > MAX_VIEW_EVENTS ? events.slice(-MAX_VIEW_EVENTS) : events });
          return;
        }
        case 'monitor-stats':
          update({ stats: event.stats });
          return;
        case 'monitor-ended':
          update({ phase: 'ended', stats: event.stats, ended: event.reason });
          return;
      }
    },

    restoreMonitor(snapshot) {
      let placed: Pick<MonitorViewState, 'rows' | 'olderSamples' | 'lastSeq'> = { rows: [], olderSamples: 0, lastSeq: -1 };
      for (const sample of snapshot.samples) placed = addSample(placed, sample);
      // Events are placed after the last sample that started before them.
      const events = snapshot.events.slice(-MAX_VIEW_EVENTS).map((event) => {
        let afterSeq = -1;
        for (const sample of snapshot.samples) if (sample.atMs <= event.atMs) afterSeq = sample.seq;
        return { event, afterSeq };
      });
      const form: MonitorForm = {
        ...get().monitor.form,
        server: serverText(snapshot.info),
        intervalSeconds: snapshot.info.intervalMs / 1000,
        resolveEach: snapshot.info.resolveEach,
        keepAlive: snapshot.info.connection === 'keep-alive',
      };
      set({
        monitor: {
          ...INITIAL_MONITOR,
          form,
          ...placed,
          id: snapshot.monitorId,
          info: snapshot.info,
          phase: snapshot.running ? 'running' : 'ended',
          ended: snapshot.ended,
          events,
          stats: snapshot.stats,
        },
      });
    },
  };
}

/** The server as the form shows it: the host, with its port when that is not 443 (IPv6 in brackets). */
export function serverText(info: Pick<MonitorRunInfo, 'host' | 'port'>): string {
  const host = info.host.includes(':') ? `[${info.host}]` : info.host;
  return info.port === 443 ? host : `${host}:${info.port}`;
}
