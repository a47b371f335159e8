import type { MonitorRunInfo } from '../monitor-types';

/** A monitor's settings as the engine reports them: Outlook's MAPI request to mail.contoso.test, once a second. */
export function sampleRunInfo(startedAtMs: number, patch: Partial<MonitorRunInfo> = {}): MonitorRunInfo {
  return {
    url: 'https://mail.contoso.test/mapi/emsmdb/?MailboxId=00000000-0000-0000-0000-000000000000@contoso.test',
    method: 'POST',
    host: 'mail.contoso.test',
    port: 443,
    intervalMs: 1000,
    deadlineMs: 900,
    durationMs: null,
    connection: 'fresh',
    resolveEach: false,
    startedAtMs,
    csvFile: null,
    ...patch,
  };
}
