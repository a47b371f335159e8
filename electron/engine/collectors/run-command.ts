import { spawn } from 'node:child_process';
import { open } from 'node:fs/promises';
import path from 'node:path';

/**
 * After a kill, how long to wait for the process to close its pipes before giving up on it.
 *
 * A killed process closes within milliseconds; a grandchild that inherited the pipes may keep
 * them open, and the collector must still answer within the runner's grace.
 */
const KILL_GRACE_MS = 100;

/**
 * System commands running at once, over all collectors of a run.
 *
 * A Windows run starts some 25 small programs (ipconfig, route, reg, klist, …); started all at
 * once, each scanned by the virus scanner, they compete with the network probes for the CPU and
 * distort their timings. Six at a time finish as fast in total on two cores.
 */
export const MAX_CONCURRENT_COMMANDS = 6;

let runningCommands = 0;
const waitingCommands: (() => void)[] = [];

/** Waits for a command slot; resolves false when the signal aborts first. */
function acquireSlot(signal: AbortSignal): Promise<boolean> {
  if (runningCommands < MAX_CONCURRENT_COMMANDS) {
    runningCommands += 1;
    return Promise.resolve(true);
  }
  return new Promise((resolve) => {
    const grant = () => {
      signal.removeEventListener('abort', onAbort);
      runningCommands += 1;
      resolve(true);
    };
    const onAbort = () => {
      const index = waitingCommands.indexOf(grant);
      if (index >= 0) waitingCommands.splice(index, 1);
      resolve(false);
    };
    waitingCommands.push(grant);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Commands running now (tests check the limit with it). */
export function commandsRunning(): number {
  return runningCommands;
}

function releaseSlot(): void {
  runningCommands -= 1;
  waitingCommands.shift()?.();
}

/** A source of raw text: a program with fixed arguments, or a file read directly. */
export type CommandSource =
  | {
      kind: 'program';
      /** Candidates tried in order when the previous one does not exist (`ip`, then `/usr/sbin/ip`). */
      program: readonly string[];
      args: readonly string[];
      /** Shown instead of the real arguments (PowerShell's -EncodedCommand is unreadable). */
      displayArgs?: readonly string[];
    }
  | { kind: 'file'; path: string };

export interface CommandResult {
  commandLine: string;
  outcome: 'ok' | 'not-available' | 'failed' | 'timeout';
  exitCode: number | null;
  startedAt: string;
  durationMs: number;
  stdout: Buffer;
  stderr: Buffer;
  truncated: boolean;
  error?: string;
}

/**
 * Runs a program without a shell, with a hidden window and a cap on its output.
 *
 * The program's arguments are fixed by the caller (never from user input). A program that does not
 * exist gives `not-available`, one that cannot be started `failed`; abort (the collector's timeout
 * or the run's deadline) kills it and gives `timeout` with what it printed so far. Output beyond
 * `maxOutputBytes` is cut and the process stopped: a runaway tool must not fill the memory. The
 * exit code is reported as is; what it means is the collector's business.
 */
export async function runCommand(
  source: CommandSource,
  options: { signal: AbortSignal; maxOutputBytes: number; env?: NodeJS.ProcessEnv },
): Promise<CommandResult> {
  if (source.kind === 'file') return readSourceFile(source.path, options);
  const candidates = source.program.length > 0 ? source.program : [''];
  const queuedAt = performance.now();
  if (!(await acquireSlot(options.signal))) {
    return {
      commandLine: commandLineOf(candidates[0]!, source.displayArgs ?? source.args),
      outcome: 'timeout',
      exitCode: null,
      startedAt: new Date().toISOString(),
      durationMs: Math.round(performance.now() - queuedAt),
      stdout: Buffer.alloc(0),
      stderr: Buffer.alloc(0),
      truncated: false,
      error: 'not started: time was up while other commands ran',
    };
  }
  try {
    let first: CommandResult | undefined;
    for (const program of candidates) {
      const result = await runProgram(program, source.args, source.displayArgs, options);
      if (result.outcome !== 'not-available') return result;
      first ??= result;
    }
    // None exists: name the program as people know it, not the last path tried.
    return first!;
  } finally {
    releaseSlot();
  }
}

/** `ipconfig /all` style text of a program and its arguments, quoting arguments with spaces. */
export function commandLineOf(program: string, args: readonly string[]): string {
  const name = /[\\/]/.test(program) && !program.startsWith('/') ? path.win32.basename(program) : program;
  return [name, ...args.map((a) => (a === '' || /[\s"]/.test(a) ? `"${a.replace(/"/g, '\\"')}"` : a))].join(' ');
}

function runProgram(
  program: string,
  args: readonly string[],
  displayArgs: readonly string[] | undefined,
  options: { signal: AbortSignal; maxOutputBytes: number; env?: NodeJS.ProcessEnv },
): Promise<CommandResult> {
  const commandLine = commandLineOf(program, displayArgs ?? args);
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const elapsed = () => Math.round(performance.now() - t0);
  const base = { commandLine, startedAt, truncated: false, stdout: Buffer.alloc(0), stderr: Buffer.alloc(0) };

  if (options.signal.aborted) {
    return Promise.resolve({ ...base, outcome: 'timeout', exitCode: null, durationMs: 0, error: 'not started: time was up' });
  }

  return new Promise<CommandResult>((resolve) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let bytes = 0;
    let truncated = false;
    let settled = false;
    let killedFor: 'timeout' | 'too-large' | null = null;
    let spawnError: NodeJS.ErrnoException | null = null;
    let killTimer: NodeJS.Timeout | undefined;

    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(program, [...args], {
        shell: false,
        windowsHide: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: options.env ?? process.env,
      });
    } catch (error) {
      // Invalid arguments (a NUL byte, say) throw at once instead of emitting 'error'.
      resolve({ ...base, outcome: 'failed', exitCode: null, durationMs: elapsed(), error: `could not start ${program}: ${(error as Error).message}` });
      return;
    }

    const finish = (exitCode: number | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(killTimer);
      options.signal.removeEventListener('abort', onAbort);
      const result = { ...base, stdout: Buffer.concat(out), stderr: Buffer.concat(err), truncated, durationMs: elapsed() };
      if (spawnError) {
        const missing = spawnError.code === 'ENOENT';
        resolve({
          ...result,
          outcome: missing ? 'not-available' : 'failed',
          exitCode: null,
          error: missing ? `not available on this system: ${program} not found` : `could not start ${program}: ${spawnError.message}`,
        });
      } else if (killedFor === 'timeout') {
        resolve({ ...result, outcome: 'timeout', exitCode: null, error: `stopped after ${result.durationMs} ms: time was up` });
      } else {
        // A process stopped for printing too much still produced usable output.
        resolve({ ...result, outcome: 'ok', exitCode: killedFor === 'too-large' ? null : exitCode });
      }
    };

    const kill = (reason: 'timeout' | 'too-large') => {
      if (killedFor || settled) return;
      killedFor = reason;
      child.kill('SIGKILL');
      killTimer = setTimeout(() => finish(null), KILL_GRACE_MS);
    };

    const onAbort = () => kill('timeout');
    options.signal.addEventListener('abort', onAbort, { once: true });

    child.stdout!.on('data', (chunk: Buffer) => {
      if (truncated) return;
      const room = options.maxOutputBytes - bytes;
      if (chunk.length > room) {
        out.push(chunk.subarray(0, Math.max(0, room)));
        bytes = options.maxOutputBytes;
        truncated = true;
        kill('too-large');
        return;
      }
      out.push(chunk);
      bytes += chunk.length;
    });
    let errBytes = 0;
    child.stderr!.on('data', (chunk: Buffer) => {
      // Standard error is only for people; a small cap is plenty.
      if (errBytes >= STDERR_CAP_BYTES) return;
      err.push(chunk.subarray(0, STDERR_CAP_BYTES - errBytes));
      errBytes += chunk.length;
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      spawnError = error;
      finish(null);
    });
    child.on('close', (code) => finish(code));
  });
}

/** Standard error kept per command: error messages are short, a chatty tool must not grow the bundle. */
const STDERR_CAP_BYTES = 64 * 1024;

async function readSourceFile(file: string, options: { signal: AbortSignal; maxOutputBytes: number }): Promise<CommandResult> {
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const base = { commandLine: `read ${file}`, startedAt, stderr: Buffer.alloc(0) };
  try {
    options.signal.throwIfAborted();
    // Read at most one byte more than the cap: a wrong path to a huge file must not fill the memory.
    const handle = await open(file, 'r');
    let data: Buffer;
    try {
      const buffer = Buffer.alloc(options.maxOutputBytes + 1);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      data = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
    const truncated = data.length > options.maxOutputBytes;
    return {
      ...base,
      outcome: 'ok',
      exitCode: 0,
      durationMs: Math.round(performance.now() - t0),
      stdout: truncated ? data.subarray(0, options.maxOutputBytes) : data,
      truncated,
    };
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const durationMs = Math.round(performance.now() - t0);
    if (options.signal.aborted) return { ...base, outcome: 'timeout', exitCode: null, durationMs, stdout: Buffer.alloc(0), truncated: false, error: 'time was up' };
    return {
      ...base,
      outcome: e.code === 'ENOENT' ? 'not-available' : 'failed',
      exitCode: null,
      durationMs,
      stdout: Buffer.alloc(0),
      truncated: false,
      error: e.code === 'ENOENT' ? `not available on this system: ${file} does not exist` : `cannot read ${file}: ${e.message}`,
    };
  }
}
