import { execFile } from 'node:child_process';

/**
 * Runs the lab's setup tools (`ip`, `nft`, `sysctl`) without a shell, each with a deadline.
 *
 * A failing command throws with its command line and standard error, so a broken setup says
 * which step failed instead of producing a lab that quietly differs from the plan.
 */

/** One setup command: these are local kernel calls that finish in milliseconds. */
const COMMAND_TIMEOUT_MS = 10_000;

export class LabCommandError extends Error {
  constructor(
    readonly commandLine: string,
    readonly stderr: string,
  ) {
    super(`${commandLine}: ${stderr.trim() || 'failed'}`);
    this.name = 'LabCommandError';
  }
}

/** Runs `program args`, optionally feeding `input` on standard input; resolves with standard output. */
export function run(program: string, args: readonly string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(program, [...args], { timeout: COMMAND_TIMEOUT_MS, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(new LabCommandError([program, ...args].join(' '), stderr || error.message));
      else resolve(stdout);
    });
    if (input !== undefined) child.stdin?.end(input);
    else child.stdin?.end();
  });
}

/** Runs a command inside a named network namespace. */
export function inNamespace(namespace: string, program: string, args: readonly string[], input?: string): Promise<string> {
  return run('ip', ['netns', 'exec', namespace, program, ...args], input);
}

/** `ip -n NS …` for the namespace's own links, addresses and routes. */
export function ipIn(namespace: string, ...args: string[]): Promise<string> {
  return run('ip', ['-n', namespace, ...args]);
}
