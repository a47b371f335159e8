import { Redactor } from '../bundle/redactor';
import type { LogFields } from './engine-log';

/**
 * Redaction for log lines, by the bundle's redactor: one set of rules for everything that leaves
 * the process (Authorization and Proxy-Authorization values, cookies, NTLM/Negotiate/Bearer
 * tokens, JWTs, keys and passwords in URLs, fields named like a secret, known passwords).
 */
export interface LogRedactor {
  /** A log line (or any text: an error's message and stack). */
  text(input: string): string;
  /** Flat fields: secret-named ones are replaced whatever they hold. */
  fields(input: LogFields): LogFields;
  /** Any value handed to a logging library (strings, errors, objects); returns what is safe to write. */
  value(input: unknown): unknown;
}

export function logRedactor(secrets: readonly string[] = []): LogRedactor {
  // Counts are not needed for logs; a new redactor per line would rebuild the password patterns.
  const redactor = new Redactor({ secrets });
  const text = (input: string) => redactor.finalPass(input, 'text');
  return {
    text,
    fields: (input) => redactor.value(input),
    value: (input) => {
      if (typeof input === 'string') return text(input);
      if (input instanceof Error) return text(input.stack ?? `${input.name}: ${input.message}`);
      if (input && typeof input === 'object') return redactor.value(input);
      return input;
    },
  };
}
