import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isLang, translator } from '../../shared/i18n';
import { buildMonitorReport } from '../../shared/monitor/monitor-report';
import { monitorSummaryLines } from '../../shared/monitor/monitor-summary';
import type { MonitorEvent } from '../../shared/monitor/monitor-types';
import { timelineEventText } from '../../shared/monitor/timeline-event-text';
import { toolInfo } from '../engine/build-info';
import { writeBundle } from '../engine/bundle/write-bundle';
import { detectOutlookAccount } from '../engine/detect-outlook-account';
import { OptionError } from '../engine/engine-options';
import { prepareMonitor, startMonitor, type MonitorOptions, type MonitorSession } from '../engine/monitor';
import { resolveBundlePath } from './bundle-path';
import type { CommandIo } from './diagnose-command';
import { MonitorGrid } from './monitor-grid';
import { parseOptions } from './parse-options';
import { EXIT, UsageError } from './usage-error';

export const MONITOR_OPTIONS = {
  server: { type: 'string' },
  url: { type: 'string' },
  interval: { type: 'string' },
  duration: { type: 'string' },
  timeout: { type: 'string' },
  csv: { type: 'string' },
  bundle: { type: 'string' },
  anonymize: { type: 'boolean' },
  'resolve-each': { type: 'boolean' },
  'keep-alive': { type: 'boolean' },
  'dns-server': { type: 'string', multiple: true },
  'ca-file': { type: 'string', multiple: true },
  'hosts-file': { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const MONITOR_HELP = `Usage: outlook-doktor monitor (--server HOST | --url URL) [options]

Asks Exchange every interval for an authentication challenge, the way Outlook's first request
does, and records every drop-out ("Dauertest").

  --server HOST              Exchange host (or https://HOST[:PORT]/); asks
                             POST /mapi/emsmdb/?MailboxId=… like Outlook, with a dummy
                             "Authorization: Bearer" header (never a real token)
                             (on Windows defaults to the Outlook profile's server)
  --url URL                  ask this URL instead (GET, same dummy header)
  --interval SECONDS         time between requests (default 1; 0.1 to 600)
  --duration SECONDS         stop after this time (default: run until Ctrl+C)
  --timeout SECONDS          deadline of each request; shorter than the interval
                             (default 0.9 × interval, at most 10)
  --csv PATH                 write every request to this CSV file as it happens
  --bundle PATH              at the end write a diagnostic bundle (zip) with monitor.csv
                             and the statistics; PATH may be a folder
  --anonymize                replace user, mailbox and computer names in the bundle
  --resolve-each             resolve the name before every request (default: once, and
                             again after a failure or a network change)
  --keep-alive               reuse one connection, as Outlook does (default: a new
                             connection for every request, so TCP and TLS are tested too)
  --dns-server IP[:PORT]     use this DNS server for name resolution (repeatable)
  --ca-file PATH             extra trusted root certificates, PEM (repeatable); decides
                             the "certificate" column of the log
  --hosts-file PATH          read this hosts file instead of the system's (with --dns-server)
  --lang de|en               language of texts (default de)

Output: one mark per request, 60 to a row, each row led by its time:
  .  challenge received (WWW-Authenticate)    E  no challenge, or an error
  -  no request: the computer was too busy to send it in time (not counted)
Network changes, sleep and markers appear on lines of their own. Press Enter to set a
marker "the problem just happened"; Ctrl+C (or the end of --duration) prints the summary:
counts, outages (the longest with its time) and response time percentiles.

Exit codes: 0 every request got a challenge, 1 some did not, 2 none did (or nothing was
measured), 64 wrong usage, 70 internal error or the log or bundle could not be written.`;

/** `outlook-doktor monitor`: returns the exit code. */
export async function monitorCommand(args: string[], io: CommandIo): Promise<number> {
  const values = parseOptions(args, MONITOR_OPTIONS);
  if (values.help) {
    io.stdout.write(`${MONITOR_HELP}\n`);
    return EXIT.ok;
  }
  const lang = values.lang ?? 'de';
  if (!isLang(lang)) throw new UsageError('--lang', 'must be de or en');
  if (values.anonymize && values.bundle === undefined) throw new UsageError('--anonymize', 'needs --bundle');
  const bundleTarget = values.bundle === undefined ? undefined : await resolveBundlePath(values.bundle);

  const options: MonitorOptions = {
    ...(values.server !== undefined ? { server: values.server } : {}),
    ...(values.url !== undefined ? { url: values.url } : {}),
    ...(values['dns-server'] ? { dnsServers: values['dns-server'] } : {}),
    ...(values['ca-file'] ? { caFiles: values['ca-file'] } : {}),
    ...(values['hosts-file'] !== undefined ? { hostsFile: values['hosts-file'] } : {}),
    ...seconds('--interval', values.interval, 'intervalSeconds'),
    ...seconds('--duration', values.duration, 'durationSeconds'),
    ...seconds('--timeout', values.timeout, 'timeoutSeconds'),
    ...(values['resolve-each'] ? { resolveEach: true } : {}),
    ...(values['keep-alive'] ? { keepAlive: true } : {}),
    ...(values.csv !== undefined ? { csvFile: values.csv } : {}),
  };
  if (values.server === undefined && values.url === undefined) {
    const profile = await (io.detectAccount ?? detectOutlookAccount)().catch(() => null);
    if (profile?.server) options.profile = { server: profile.server };
  }

  let prepared;
  try {
    prepared = await prepareMonitor(options);
  } catch (error) {
    if (error instanceof OptionError) throw new UsageError(error.option, error.message);
    throw error;
  }

  // Without --csv the bundle still gets the whole log: it goes to a temporary file, removed at the end.
  let tempDir: string | undefined;
  if (prepared.csvFile === undefined && bundleTarget !== undefined) {
    tempDir = await mkdtemp(path.join(os.tmpdir(), 'outlook-doktor-monitor-'));
    prepared.csvFile = path.join(tempDir, 'monitor.csv');
  }
  try {
    return await run(prepared, { io, lang, values, bundleTarget, ownCsv: tempDir === undefined });
  } finally {
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  }
}

async function run(
  prepared: Awaited<ReturnType<typeof prepareMonitor>>,
  ctx: {
    io: CommandIo;
    lang: 'de' | 'en';
    values: { csv?: string; bundle?: string; anonymize?: boolean };
    bundleTarget: { pathFor(at: Date): string } | undefined;
    ownCsv: boolean;
  },
): Promise<number> {
  const { io, lang, values } = ctx;
  const tr = translator(lang);
  const out = io.stdout;
  const grid = new MonitorGrid(out);
  let markFromTerminal = false;
  const host = prepared.request.host;

  const onEvent = (event: MonitorEvent) => {
    if (event.type === 'monitor-sample') grid.sample(event.sample);
    if (event.type === 'monitor-timeline') {
      const e = event.event;
      grid.message(timelineEventText(tr, e, host), { cursorAtLineStart: e.type === 'marker' && markFromTerminal, newRow: e.type === 'gap' && e.cause === 'sleep' });
    }
  };

  let session: MonitorSession;
  try {
    session = await startMonitor(prepared, { onEvent, ...(io.signal ? { signal: io.signal } : {}) });
  } catch (error) {
    // Only creating the log file can fail here: a wrong folder must not wait until the end.
    const option = ctx.ownCsv ? '--csv' : '--bundle';
    throw new UsageError(option, `cannot write ${prepared.csvFile}: ${(error as Error).message}`);
  }
  const { info } = session;
  out.write(`${tr.t('monitor/starting', { method: info.method, url: info.url })}\n`);
  out.write(`${tr.t('monitor/every', { interval: formatSeconds(info.intervalMs, lang) })}\n`);
  if (info.durationMs !== null) {
    const end = new Date(info.startedAtMs + info.durationMs).toLocaleTimeString(lang === 'de' ? 'de-DE' : 'en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    out.write(`${tr.t('monitor/until', { time: end })}\n`);
  } else {
    out.write(`${tr.t('monitor/untilStopped')}\n`);
  }
  out.write(`${tr.t('monitor/markHint')}\n${tr.t('monitor/legend')}\n\n`);

  // Enter on the terminal (or a line on standard input) sets a marker; the line's text is its note.
  const isTty = (io.stdin as { isTTY?: boolean }).isTTY === true;
  let pending = '';
  const onInput = (chunk: Buffer | string) => {
    pending += chunk.toString();
    let newline = pending.indexOf('\n');
    while (newline >= 0) {
      const line = pending.slice(0, newline).replace(/\r$/, '');
      pending = pending.slice(newline + 1);
      markFromTerminal = isTty;
      session.mark(line);
      markFromTerminal = false;
      newline = pending.indexOf('\n');
    }
  };
  io.stdin.on('data', onInput);

  const outcome = await session.done;
  io.stdin.off('data', onInput);
  io.stdin.pause();
  grid.end();

  let bundleData;
  if (ctx.bundleTarget !== undefined) bundleData = await session.bundleData().catch((error: Error) => error);

  out.write('\n');
  if (outcome.reason === 'aborted') out.write(`${tr.t('monitor/summary/stopped')}\n`);
  const [title, ...rest] = monitorSummaryLines(info, outcome.stats, lang);
  out.write(`${title}\n${rest.map((line) => `  ${line}\n`).join('')}`);

  const failures: string[] = [];
  if (outcome.csvError) {
    failures.push(ctx.ownCsv ? `--csv ${values.csv}: ${outcome.csvError}` : `--bundle ${values.bundle}: the temporary log failed: ${outcome.csvError}`);
  } else if (ctx.ownCsv && info.csvFile) {
    out.write(`${tr.t('monitor/csvWritten', { path: info.csvFile })}\n`);
  }
  if (ctx.bundleTarget !== undefined) {
    try {
      if (bundleData instanceof Error) throw bundleData;
      const target = ctx.bundleTarget.pathFor(new Date());
      const report = buildMonitorReport(
        { info, stats: outcome.stats, endedAtMs: outcome.endedAtMs, exchanges: outcome.exchanges, dnsServers: prepared.dnsServers },
        { tool: toolInfo(), lang },
      );
      await writeBundle(target, { report, ...(bundleData ? { monitor: bundleData } : {}) }, { lang, anonymize: values.anonymize === true });
      out.write(`${tr.t('cli/bundleWritten', { path: target })}\n`);
    } catch (error) {
      failures.push(`--bundle ${values.bundle}: ${(error as Error).message}`);
    }
  }
  if (failures.length > 0) {
    for (const failure of failures) io.stderr.write(`outlook-doktor: cannot write ${failure}\n`);
    return EXIT.internal;
  }

  const { measured, ok, failed } = outcome.stats;
  if (measured === 0 || ok === 0) return EXIT.problem;
  return failed === 0 ? EXIT.ok : EXIT.warning;
}

/** `--interval 0.5`: a plain decimal number of seconds, or a usage error naming the option. */
function seconds<K extends string>(option: string, value: string | undefined, key: K): Partial<Record<K, number>> {
  if (value === undefined) return {};
  if (!/^\d+(\.\d+)?$/.test(value.trim())) throw new UsageError(option, 'must be a number of seconds');
  return { [key]: Number(value) } as Partial<Record<K, number>>;
}

function formatSeconds(ms: number, lang: 'de' | 'en'): string {
  return new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 2 }).format(ms / 1000);
}
