import type { AppInfo, DiagnosisEvent, InvokeRequest, MonitorEventPayload, OutlookDoktorApi } from '../../../../shared/ipc/api';
import { SECTION_IDS } from '../../../../shared/model/sections';
import type { Report } from '../../../../shared/report/report-schema';

/** Store tests' stand-ins: app info, a report, and the host API recording every call. */
export const INFO: AppInfo = {
  name: 'Outlook-Doktor',
  version: '9.9.9',
  commit: 'abc',
  buildDate: '2026-01-01',
  platform: 'test',
  shell: 'web',
  capabilities: { bundleExport: true, monitor: false },
  testMode: true,
};

export function report(verdict: Report['verdict'] = 'problem'): Report {
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
export function fakeApi(overrides: Partial<OutlookDoktorApi> = {}) {
  const calls: { verb: string; request?: unknown }[] = [];
  const listeners: ((event: DiagnosisEvent) => void)[] = [];
  const monitorListeners: ((payload: MonitorEventPayload) => void)[] = [];
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
    startMonitor: async (request) => (calls.push({ verb: 'startMonitor', request }), { ok: false, field: 'form', problem: 'failed', message: 'not in this test' }),
    stopMonitor: async (request) => (calls.push({ verb: 'stopMonitor', request }), { stopped: true }),
    markMonitor: async (request) => (calls.push({ verb: 'markMonitor', request }), { marker: null }),
    getMonitorState: async () => (calls.push({ verb: 'getMonitorState' }), { monitor: null }),
    onMonitorEvent: (listener) => {
      monitorListeners.push(listener);
      return () => monitorListeners.splice(monitorListeners.indexOf(listener), 1);
    },
    ...overrides,
  };
  return {
    api,
    calls,
    emit: (event: DiagnosisEvent) => listeners.forEach((l) => l(event)),
    emitMonitor: (payload: MonitorEventPayload) => monitorListeners.forEach((l) => l(payload)),
    listeners,
  };
}

