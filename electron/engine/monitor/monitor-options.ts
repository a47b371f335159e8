import type { MonitorTiming } from '../../../shared/monitor/monitor-settings';
import { checkMonitorTiming } from '../../../shared/monitor/monitor-settings';
import { checkServer } from '../../../shared/validate';
import { OptionError, prepareRun } from '../engine-options';
import { mapiMonitorRequest, urlMonitorRequest, type MonitorRequest } from './monitor-request';

/** What a front end asks the monitor for, before validation; names follow the command line. */
export interface MonitorOptions {
  server?: string;
  url?: string;
  /** Defaults from the Outlook profile (Windows): its server when neither `server` nor `url` is given. */
  profile?: { server?: string };
  dnsServers?: string[];
  caFiles?: string[];
  hostsFile?: string;
  intervalSeconds?: number;
  durationSeconds?: number;
  /** Deadline of each request; below the interval. */
  timeoutSeconds?: number;
  resolveEach?: boolean;
  /** Reuse one connection like Outlook instead of a fresh connection per sample. */
  keepAlive?: boolean;
  /** Stream the log to this CSV file. */
  csvFile?: string;
}

export interface PreparedMonitor {
  request: MonitorRequest;
  timing: MonitorTiming;
  dnsServers: string[];
  extraCa: string[];
  hostsFile?: string;
  resolveEach: boolean;
  connection: 'fresh' | 'keep-alive';
  csvFile?: string;
  serverSource: 'option' | 'url' | 'profile';
}

/** Validates the options; throws OptionError naming the option. */
export async function prepareMonitor(options: MonitorOptions): Promise<PreparedMonitor> {
  if (options.server !== undefined && options.url !== undefined) {
    throw new OptionError('--url', 'conflict', '--server and --url cannot be used together');
  }
  let request: MonitorRequest;
  let serverSource: PreparedMonitor['serverSource'];
  if (options.url !== undefined) {
    request = urlMonitorRequest(checkUrl(options.url));
    serverSource = 'url';
  } else {
    const fromProfile = options.server === undefined && options.profile?.server !== undefined ? checkServer(options.profile.server) : undefined;
    const raw = options.server ?? (fromProfile?.ok ? options.profile!.server : undefined);
    if (raw === undefined) throw new OptionError('--server', 'missing', 'one of --server and --url is required');
    serverSource = options.server === undefined ? 'profile' : 'option';
    // The server, DNS servers and CA files are checked exactly as diagnose checks them.
    const checked = await prepareRun({
      server: raw,
      ...(options.dnsServers ? { dnsServers: options.dnsServers } : {}),
      ...(options.caFiles ? { caFiles: options.caFiles } : {}),
    });
    request = mapiMonitorRequest(checked.input.server!);
    return finish(options, request, serverSource, checked.input.dnsServers, checked.extraCa);
  }
  const checked = await prepareRun({
    server: request.host.includes(':') ? `[${request.host}]` : request.host,
    ...(options.dnsServers ? { dnsServers: options.dnsServers } : {}),
    ...(options.caFiles ? { caFiles: options.caFiles } : {}),
  }).catch((error: unknown) => {
    // The host of a valid URL may still be no host name we accept (e.g. `https://exchange/`): name --url.
    if (error instanceof OptionError && error.option === '--server') throw new OptionError('--url', error.problem, `host ${error.message}`);
    throw error;
  });
  return finish(options, request, serverSource, checked.input.dnsServers, checked.extraCa);
}

function finish(options: MonitorOptions, request: MonitorRequest, serverSource: PreparedMonitor['serverSource'], dnsServers: string[], extraCa: string[]): PreparedMonitor {
  const timing = checkMonitorTiming({
    ...(options.intervalSeconds !== undefined ? { intervalSeconds: options.intervalSeconds } : {}),
    ...(options.durationSeconds !== undefined ? { durationSeconds: options.durationSeconds } : {}),
    ...(options.timeoutSeconds !== undefined ? { timeoutSeconds: options.timeoutSeconds } : {}),
  });
  if (!timing.ok) throw new OptionError(`--${timing.setting}`, 'range', timing.message);
  if (options.csvFile !== undefined && options.csvFile.trim() === '') throw new OptionError('--csv', 'empty', 'is empty');
  return {
    request,
    timing: timing.value,
    dnsServers,
    extraCa,
    ...(options.hostsFile ? { hostsFile: options.hostsFile } : {}),
    resolveEach: options.resolveEach === true,
    connection: options.keepAlive ? 'keep-alive' : 'fresh',
    ...(options.csvFile !== undefined ? { csvFile: options.csvFile } : {}),
    serverSource,
  };
}

function checkUrl(raw: string): URL {
  const value = raw.trim();
  if (!/^https?:\/\//i.test(value) || !URL.canParse(value)) throw new OptionError('--url', 'url-scheme', 'must be an https:// (or http://) URL');
  const url = new URL(value);
  if (url.username || url.password) throw new OptionError('--url', 'host-invalid', 'must not contain a user name or password');
  if (url.hash) url.hash = '';
  return url;
}
