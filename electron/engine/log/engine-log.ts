import { logRedactor, type LogRedactor } from './log-redaction';

/**
 * The engine's logger: a tiny interface so the engine stays free of Electron and of any logging
 * library. The desktop app wires it to electron-log (a rotated file in the user's app data
 * folder), the command line to standard error with `--verbose`, and tests and everything else to
 * `SILENT_LOG`.
 *
 * What is worth a line: run start and end (verdict, duration, findings), errors, rejected input.
 * Not every probe: the report holds those. Fields are flat values (names, counts, ids), so a line
 * stays one line and a secret cannot hide in a nested structure; every line is redacted anyway.
 */
export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

export type LogValue = string | number | boolean | null | undefined | readonly string[];
export type LogFields = Readonly<Record<string, LogValue>>;

export interface EngineLog {
  error(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  debug(message: string, fields?: LogFields): void;
}

export const LOG_LEVELS: readonly LogLevel[] = ['error', 'warn', 'info', 'debug'];

export const SILENT_LOG: EngineLog = { error: () => undefined, warn: () => undefined, info: () => undefined, debug: () => undefined };

/**
 * One log line's text: the message, then `key=value` pairs (values with spaces or quotes as JSON
 * strings), redacted: fields by their name (a `password` field never shows) and the whole line
 * by pattern (Authorization values, tokens, keys in URLs, known passwords).
 */
export function formatLogText(message: string, fields: LogFields | undefined, redactor: LogRedactor = logRedactor()): string {
  const safe = fields ? redactor.fields(fields) : {};
  const parts = [message];
  for (const [key, value] of Object.entries(safe)) {
    if (value === undefined) continue;
    parts.push(`${key}=${formatValue(value)}`);
  }
  return redactor.text(parts.join(' '));
}

function formatValue(value: Exclude<LogValue, undefined>): string {
  if (Array.isArray(value)) return value.length ? (value as readonly string[]).map((v) => formatValue(v)).join(',') : '-';
  if (typeof value === 'string') return value === '' || /[\s"=]/.test(value) ? JSON.stringify(value) : value;
  return String(value);
}

/**
 * A log that writes each line of at least `minLevel` through `write` (the CLI's standard error
 * with `--verbose`): `[level] message key=value …`.
 */
export function lineLog(write: (line: string) => void, minLevel: LogLevel, options: { secrets?: readonly string[] } = {}): EngineLog {
  const redactor = logRedactor(options.secrets);
  const max = LOG_LEVELS.indexOf(minLevel);
  const at = (level: LogLevel) => (message: string, fields?: LogFields) => {
    if (LOG_LEVELS.indexOf(level) > max) return;
    try {
      write(`[${level}] ${formatLogText(message, fields, redactor)}\n`);
    } catch {
      // Logging must never break a run (a closed pipe, a full disk).
    }
  };
  return { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
}
