import type { IpFamily } from '../../../shared/model/probe-data';
import { windowsProgram } from '../collectors/collector';
import { runCommand, type CommandSource } from '../collectors/run-command';

/**
 * One ping with "Don't Fragment" and a chosen payload size, with the platform's own ping.
 *
 * Fixed arguments, no shell: the address comes from a DNS answer the engine already checked, the
 * size and the wait are numbers. IPv6 routers never fragment, so an IPv6 ping needs no flag.
 */

/** Output kept of one ping: a reply is a few lines; more is a broken tool. */
const PING_OUTPUT_CAP_BYTES = 16 * 1024;

/** What one DF ping showed. */
export type DfPingResult =
  /** An echo reply came back: a packet of this size passes the path. */
  | 'reply'
  /** No reply, or "fragmentation needed": this size does not pass (or ICMP is filtered). */
  | 'no-reply'
  /** The ping program is missing or cannot be used here (no permission, unknown option). */
  | 'unusable';

/** The ping program and arguments for this platform and family; null where we cannot set DF. */
export function dfPingCommand(platform: NodeJS.Platform, family: IpFamily, address: string, payload: number, waitMs: number): CommandSource | null {
  const size = String(payload);
  switch (platform) {
    case 'win32':
      return {
        kind: 'program',
        program: [windowsProgram('PING.EXE')],
        args: family === 4 ? ['-4', '-n', '1', '-w', String(waitMs), '-f', '-l', size, address] : ['-6', '-n', '1', '-w', String(waitMs), '-l', size, address],
      };
    case 'darwin':
      // macOS' ping6 has no per-reply wait; IPv6 is left to the exchanges there.
      if (family === 6) return null;
      return { kind: 'program', program: ['/sbin/ping'], args: ['-n', '-D', '-s', size, '-c', '1', '-W', String(waitMs), address] };
    case 'linux':
      return {
        kind: 'program',
        program: ['/usr/bin/ping', '/bin/ping'],
        // iputils takes the wait in seconds and accepts fractions.
        args: [family === 4 ? '-4' : '-6', '-n', '-M', 'do', '-s', size, '-c', '1', '-W', (waitMs / 1000).toFixed(3), address],
      };
    default:
      return null;
  }
}

/**
 * A reply line carries the TTL (`ttl=63` on Linux and macOS, `TTL=63` on Windows in every
 * language), while Windows' "Destination host unreachable" or "Packet needs to be fragmented"
 * lines, which still exit 0, do not.
 */
const REPLY_LINE = /\bttl=\d+/i;

/** Linux iputils exits 2 on errors other than "no reply" (no permission, bad option). */
const LINUX_TOOL_ERROR_EXIT = 2;

/** Interprets one ping's outcome; pure, for tests with captured outputs. */
export function dfPingOutcome(platform: NodeJS.Platform, result: { outcome: string; exitCode: number | null; stdout: string; stderr: string }): DfPingResult {
  if (result.outcome === 'not-available' || result.outcome === 'failed') return 'unusable';
  if (REPLY_LINE.test(result.stdout)) return 'reply';
  const transmitted = /\d+ packets transmitted|Packets: Sent = \d+/i.test(result.stdout);
  if (platform === 'linux' && result.exitCode === LINUX_TOOL_ERROR_EXIT && !transmitted) return 'unusable';
  return 'no-reply';
}

/** Sends one DF ping and says whether it was answered. */
export async function dfPing(options: { family: IpFamily; address: string; payload: number; waitMs: number; signal: AbortSignal; platform?: NodeJS.Platform }): Promise<DfPingResult> {
  const platform = options.platform ?? process.platform;
  const command = dfPingCommand(platform, options.family, options.address, options.payload, options.waitMs);
  if (!command) return 'unusable';
  const env = platform === 'win32' ? process.env : { ...process.env, LC_ALL: 'C', LANG: 'C' };
  const result = await runCommand(command, { signal: options.signal, maxOutputBytes: PING_OUTPUT_CAP_BYTES, env });
  return dfPingOutcome(platform, { ...result, stdout: result.stdout.toString('latin1'), stderr: result.stderr.toString('latin1') });
}
