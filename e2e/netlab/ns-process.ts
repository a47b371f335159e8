import { spawn, type ChildProcess } from 'node:child_process';

/**
 * A long-running program inside a lab namespace (dnsmasq, tinyproxy, the lab's servers).
 *
 * Started through `ip netns exec`, which execs the program, so the child's pid is the program's
 * and stopping it stops the program. Ready when a line of its output matches; a program that
 * exits or stays silent before that fails the setup with what it printed.
 */

/** Starting a lab program: dnsmasq and tinyproxy take milliseconds, a Node server under load a few seconds. */
const READY_TIMEOUT_MS = 20_000;
/** After SIGTERM, how long before SIGKILL. */
const STOP_GRACE_MS = 2_000;

export interface NsProcess {
  /** The program's process id (`ip netns exec` execs it), to check that it is gone after a stop. */
  pid: number;
  /** The first output line that matched `ready`. */
  readyLine: string;
  /** Everything printed so far (standard output and error), for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export function startInNamespace(namespace: string, program: string, args: readonly string[], ready: RegExp, env?: NodeJS.ProcessEnv): Promise<NsProcess> {
  const child = spawn('ip', ['netns', 'exec', namespace, program, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: env ?? process.env });
  let output = '';
  const stop = () => stopChild(child);
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void stop().then(() => reject(new Error(`${program} in ${namespace}: ${why}\n${output}`)));
    };
    const timer = setTimeout(() => fail(`not ready within ${READY_TIMEOUT_MS} ms`), READY_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (settled) return;
      const line = output.split('\n').find((l) => ready.test(l));
      if (line === undefined) return;
      settled = true;
      clearTimeout(timer);
      resolve({ pid: child.pid!, readyLine: line, output: () => output, stop });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', (error) => fail(`could not start: ${error.message}`));
    child.once('exit', (code, signal) => fail(`exited (${signal ?? code}) before it was ready`));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
