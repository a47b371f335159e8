import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { MonitorData } from '../../../shared/bundle/bundle-input';
import type { Lang } from '../../../shared/i18n';
import type { InvokeRequest, InvokeResponse, MonitorEventPayload, MonitorSnapshot } from '../../../shared/ipc/api';
import type { MonitorStartProblem } from '../../../shared/ipc/monitor-schemas';
import { buildMonitorReport } from '../../../shared/monitor/monitor-report';
import type { MonitorEvent } from '../../../shared/monitor/monitor-types';
import type { Report } from '../../../shared/report/report-schema';
import { toolInfo } from '../build-info';
import { OptionError } from '../engine-options';
import { SILENT_LOG, type EngineLog } from '../log/engine-log';
import { prepareMonitor, startMonitor, type MonitorHooks, type MonitorOptions, type MonitorSession } from '../monitor';
import { errorMessage } from '../runner';

/** Monitor ids remembered to refuse a replayed start; bounded like the diagnosis host's run ids. */
const REMEMBERED_MONITOR_IDS = 1_000;

/** What the host fixes for every monitor; the page only chooses server, timing and two switches. */
export interface BaseMonitorOptions {
  dnsServers?: string[];
  caFiles?: string[];
  hostsFile?: string;
}

export interface MonitorHostOptions {
  /** The web bridge's test mode sets these; empty in the desktop app. */
  base?: BaseMonitorOptions;
  /** Delivers events to the page(s). Must not throw; a throw is swallowed so the monitor goes on. */
  emit(payload: MonitorEventPayload): void;
  log?: EngineLog;
  /** Folder for a monitor's log file (the full `monitor.csv` of a long run); a fresh temporary folder by default. */
  makeLogDir?: () => Promise<string>;
  /** Only for tests: a played clock or adapter history. */
  hooks?: Pick<MonitorHooks, 'clock' | 'readInterfaces'>;
}

/** A monitor the bundle exporter can put into a bundle (running or ended). */
export interface ExportableMonitor {
  monitorId: string;
  /** `monitor.csv` and the statistics. */
  bundleData(): Promise<MonitorData>;
  /** The report of the monitor on its own: for a bundle without a diagnosis. */
  report(lang: Lang): Report;
}

export interface MonitorHost {
  start(request: InvokeRequest<'monitor:start'>): Promise<InvokeResponse<'monitor:start'>>;
  stop(request: InvokeRequest<'monitor:stop'>): Promise<InvokeResponse<'monitor:stop'>>;
  mark(request: InvokeRequest<'monitor:mark'>): InvokeResponse<'monitor:mark'>;
  state(): InvokeResponse<'monitor:state'>;
  /** The host's monitor if it has this id (a newer start forgets the older one). */
  exportable(monitorId: string): ExportableMonitor | undefined;
  /** Whether a monitor is measuring now (the desktop app keeps running in the tray then). */
  isRunning(): boolean;
  /** Stops the monitor and removes its log file. */
  dispose(): Promise<void>;
}

interface Current {
  monitorId: string;
  session: MonitorSession;
  logDir: string;
  dnsServers: string[];
  /** When it ended (its outcome's time), once it has. */
  endedAtMs?: number;
}

/**
 * Hosts the monitor ("Dauertest") for a front end: the desktop app's main process and the web
 * bridge.
 *
 * One monitor at a time; the last one stays after it ended, so the page can still show and
 * export it, until the next start replaces it. Every monitor streams its full log to a CSV file
 * in a folder of its own (a long run's bundle gets the whole log, not only the last hour kept in
 * memory); the folder goes when the monitor is replaced or the host ends. The page's input is
 * validated like the command line's (`prepareMonitor`); DNS servers, CA files and the hosts file
 * come from the host only.
 */
export function createMonitorHost(options: MonitorHostOptions): MonitorHost {
  const log = options.log ?? SILENT_LOG;
  const seen = new Set<string>();
  const makeLogDir = options.makeLogDir ?? (() => mkdtemp(path.join(os.tmpdir(), 'outlook-doktor-monitor-')));
  let current: Current | undefined;
  let starting = false;

  const emit = (monitorId: string, event: MonitorEvent) => {
    try {
      options.emit({ monitorId, event });
    } catch {
      // A page that went away must not stop the measurement.
    }
  };

  const refuse = (field: 'server' | 'interval' | 'duration' | 'form', problem: MonitorStartProblem, message: string) => {
    log.warn('monitor refused', { field, problem });
    return { ok: false as const, field, problem, message };
  };

  const running = () => current !== undefined && current.session.ended() === null;

  const forget = async () => {
    const old = current;
    current = undefined;
    if (!old) return;
    await old.session.stop();
    await rm(old.logDir, { recursive: true, force: true }).catch(() => undefined);
  };

  return {
    async start(request) {
      if (seen.has(request.monitorId)) return refuse('form', 'duplicate', 'monitor id already used');
      if (starting || running()) return refuse('form', 'busy', 'a monitor is already running');
      starting = true;
      try {
        const input: MonitorOptions = {
          ...options.base,
          server: request.server.trim(),
          intervalSeconds: request.intervalSeconds,
          ...(request.durationSeconds !== undefined ? { durationSeconds: request.durationSeconds } : {}),
          ...(request.resolveEach ? { resolveEach: true } : {}),
          ...(request.keepAlive ? { keepAlive: true } : {}),
        };
        let prepared;
        try {
          prepared = await prepareMonitor(input);
        } catch (error) {
          if (!(error instanceof OptionError)) throw error;
          return refuse(...startProblem(error));
        }
        seen.add(request.monitorId);
        if (seen.size > REMEMBERED_MONITOR_IDS) seen.delete(seen.values().next().value!);
        await forget();
        const logDir = await makeLogDir();
        prepared.csvFile = path.join(logDir, 'monitor.csv');
        const { monitorId } = request;
        let session: MonitorSession;
        try {
          session = await startMonitor(prepared, { ...options.hooks, onEvent: (event) => emit(monitorId, event) });
        } catch (error) {
          await rm(logDir, { recursive: true, force: true }).catch(() => undefined);
          log.error('monitor failed to start', { error: errorMessage(error) });
          return refuse('form', 'failed', errorMessage(error));
        }
        const held: Current = { monitorId, session, logDir, dnsServers: prepared.dnsServers };
        current = held;
        const { info } = session;
        log.info('monitor start', { host: info.host, port: info.port, intervalMs: info.intervalMs, durationMs: info.durationMs, connection: info.connection });
        void session.done.then((outcome) => {
          held.endedAtMs = outcome.endedAtMs;
          const { stats } = outcome;
          log.info('monitor end', { reason: outcome.reason, measured: stats.measured, failed: stats.failed, outages: stats.outages.count, longestMs: stats.outages.longest?.durationMs ?? 0 });
        });
        return { ok: true, info: { ...info } };
      } finally {
        starting = false;
      }
    },

    async stop({ monitorId }) {
      if (!current || current.monitorId !== monitorId || !running()) return { stopped: false };
      await current.session.stop();
      return { stopped: true };
    },

    mark({ monitorId, note }) {
      if (!current || current.monitorId !== monitorId) return { marker: null };
      return { marker: current.session.mark(note) };
    },

    state() {
      if (!current) return { monitor: null };
      const { session, monitorId } = current;
      const recent = session.recent();
      const snapshot: MonitorSnapshot = {
        monitorId,
        info: { ...session.info },
        running: running(),
        ended: session.ended(),
        samples: recent.samples,
        events: recent.events,
        stats: session.stats(),
      };
      return { monitor: snapshot };
    },

    exportable(monitorId) {
      const held = current;
      if (!held || held.monitorId !== monitorId) return undefined;
      return {
        monitorId,
        bundleData: () => held.session.bundleData(),
        report: (lang) =>
          buildMonitorReport(
            { info: held.session.info, stats: held.session.stats(), endedAtMs: held.endedAtMs ?? Date.now(), exchanges: held.session.exchanges(), dnsServers: held.dnsServers },
            { tool: toolInfo(), lang },
          ),
      };
    },

    isRunning: running,

    dispose: forget,
  };
}

/** The page's field and problem for an option the engine refused. */
function startProblem(error: OptionError): ['server' | 'interval' | 'duration' | 'form', MonitorStartProblem, string] {
  const message = `${error.option} ${error.message}`;
  const problem: MonitorStartProblem = (['empty', 'too-long', 'host-invalid', 'host-has-path', 'url-scheme', 'port-invalid', 'ip-invalid', 'missing', 'range'] as const).find(
    (p) => p === error.problem,
  ) ?? 'config';
  if (error.option === '--server') return ['server', problem, message];
  if (error.option === '--interval') return ['interval', problem, message];
  if (error.option === '--duration') return ['duration', problem, message];
  return ['form', 'config', message];
}
