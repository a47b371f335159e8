import { PassThrough } from 'node:stream';
import type { CommandIo } from '../diagnose-command';

/**
 * The command line's streams for a test: what it writes is collected, standard input is ended
 * with `stdin` (or left open with `null`, for a test that types into it), the Outlook profile is
 * never looked up unless the test says how.
 */
export function cliIo(options: { env?: Record<string, string>; stdin?: string | null; tty?: boolean } & Partial<Omit<CommandIo, 'stdout' | 'stderr' | 'stdin' | 'env'>> = {}) {
  const { env = {}, stdin: stdinText = '', tty = false, ...rest } = options;
  const stdout = Object.assign(new PassThrough(), tty ? { isTTY: true } : {});
  const stderr = new PassThrough();
  const stdin = new PassThrough();
  if (stdinText !== null) stdin.end(stdinText);
  let out = '';
  let err = '';
  let both = '';
  stdout.on('data', (d: Buffer) => {
    out += d.toString();
    both += d.toString();
  });
  stderr.on('data', (d: Buffer) => {
    err += d.toString();
    both += d.toString();
  });
  const streams: CommandIo = { stdout, stderr, stdin, env, detectAccount: async () => null, ...rest };
  return { streams, stdin, out: () => out, err: () => err, both: () => both };
}
