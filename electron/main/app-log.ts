import electronLog from 'electron-log/node';
import path from 'node:path';
import { formatLogText, LOG_LEVELS, type EngineLog, type LogFields, type LogLevel } from '../engine/log/engine-log';
import { logFileSet, readLogTail, rotateLogFiles } from '../engine/log/log-files';
import { logRedactor } from '../engine/log/log-redaction';

/**
 * The desktop app's log: electron-log writing `app.log` in the user's app data folder
 * (`…/Outlook-Doktor/logs/`), rotated, every message redacted.
 *
 * electron-log's Node entry point, not its `main` one: `electron-log/main` registers IPC
 * listeners for renderer logging on import, a door the page does not need (the page has no
 * logging verb). This module imports nothing from Electron, so tests run it under Node.
 */
export const LOG_FILE_NAME = 'app.log';

/** One file's limit: weeks of normal use (a run writes two lines), and quick to read into a bundle. */
export const MAX_LOG_FILE_BYTES = 1024 * 1024;

/** Rotated files kept beside app.log: enough history for a problem that started days ago, at most 4 MiB on disk. */
export const ROTATED_LOG_FILES = 3;

export interface AppLogOptions {
  /** The folder for the log files (`<userData>/logs`). */
  dir: string;
  /** Lowest level written to the file (default info). */
  level?: LogLevel;
  /** Also print to the console (development). */
  console?: boolean;
  /** A separate logger instance (tests); the process-wide one otherwise. */
  logId?: string;
}

export interface AppLog {
  log: EngineLog;
  /** app.log's path. */
  file: string;
  /** The newest part of the logs, redacted, for the bundle's `logs/app.log`; null when there is none. */
  readForBundle: () => Promise<string | null>;
  /** Writes uncaught exceptions and unhandled rejections of the main process to the log (no dialog). */
  catchErrors: () => void;
}

export function createAppLog(options: AppLogOptions): AppLog {
  const logger = options.logId ? electronLog.create({ logId: options.logId }) : electronLog;
  const file = path.join(options.dir, LOG_FILE_NAME);
  const level = options.level ?? 'info';
  const redactor = logRedactor();

  const fileTransport = logger.transports.file;
  fileTransport.level = level;
  fileTransport.resolvePathFn = () => file;
  fileTransport.maxSize = MAX_LOG_FILE_BYTES;
  fileTransport.format = '[{y}-{m}-{d} {h}:{i}:{s}.{ms}{z}] [{level}] {text}';
  // Readable by the user only: the log names servers and mail domains.
  fileTransport.writeOptions = { flag: 'a', mode: 0o600, encoding: 'utf8' };
  fileTransport.archiveLogFn = (old) => {
    // A file that cannot be moved (locked by a virus scanner) starts over rather than grow without end.
    if (!rotateLogFiles(old.path, ROTATED_LOG_FILES)) old.clear();
  };
  logger.transports.console.level = options.console ? level : false;
  // The hook sees every message of every transport, including what electron-log itself logs
  // (uncaught errors with their stack): nothing reaches a transport unredacted.
  logger.hooks.push((message) => ({ ...message, data: message.data.map((item: unknown) => redactor.value(item)) }));

  const at = (l: LogLevel) => (message: string, fields?: LogFields) => {
    try {
      logger[l](formatLogText(message, fields, redactor));
    } catch {
      // Logging must never break the app (a full disk, a removed folder).
    }
  };
  const log = Object.fromEntries(LOG_LEVELS.map((l) => [l, at(l)])) as unknown as EngineLog;

  return {
    log,
    file,
    // Redacted once more: a line written by an older version, or edited by hand, is not trusted.
    readForBundle: async () => {
      const text = await readLogTail(logFileSet(file, ROTATED_LOG_FILES));
      return text === null ? null : redactor.text(text);
    },
    catchErrors: () => {
      logger.errorHandler.startCatching({
        showDialog: false,
        onError: ({ error }) => {
          at('error')('uncaught error', { error: error.stack ?? error.message });
          return false;
        },
      });
    },
  };
}
