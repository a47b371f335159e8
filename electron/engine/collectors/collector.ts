import path from 'node:path';
import type { CollectorData, CommandRunInfo, ProbeDataMap, ProbeId } from '../../../shared/model/probe-data';
import type { RunInput } from '../../../shared/model/run-input';
import { defineProbe, type ProbeDefinition, type ProbeOutcome } from '../probe';
import type { RunArtifact } from '../run-services';
import { DEFAULT_OEM_CODE_PAGE, decodeOutput } from './console-text';
import { runCommand, type CommandSource } from './run-command';

/** Probe ids of the collectors: `collector.<name>`. */
export type CollectorId = Extract<ProbeId, `collector.${string}`>;

/** The parsed type of a collector, from its entry in ProbeDataMap. */
export type ParsedOf<P extends CollectorId> = ProbeDataMap[P] extends CollectorData<infer T> ? T : never;

/** One command of a collector: where its raw output goes, what runs, how to read the bytes. */
export interface CollectorCommand {
  /** Path of the raw output in the bundle, `system/<name>.txt`. */
  artifact: string;
  source: CommandSource;
  /** `console` for Windows console tools (OEM code page), `utf8` otherwise. */
  encoding: 'console' | 'utf8';
  /** Output cap; beyond it the output is cut and the process stopped. */
  maxOutputBytes: number;
}

/** What a parser gets for each command, in the order of `commands`. */
export interface CommandOutput {
  artifact: string;
  outcome: CommandRunInfo['outcome'];
  exitCode: number | null;
  text: string;
  stderr: string;
  truncated: boolean;
}

/**
 * A system collector: what a second-level engineer would ask the user to type, run automatically.
 *
 * One file each under `collectors/`: the platforms it applies to, its commands with fixed
 * arguments, a timeout, output caps and a parser from the raw text to typed data. `parse` is
 * called when at least one command ran; it decides what the exit codes mean (`reg query` exits 1
 * for a missing key, `klist` on Linux for "no credentials") and returns null when it cannot read
 * the output.
 */
export interface CollectorDefinition<P extends CollectorId> {
  id: P;
  title: string;
  platforms: readonly NodeJS.Platform[];
  timeoutMs: number;
  commands: readonly CollectorCommand[];
  parse(outputs: readonly CommandOutput[]): ParsedOf<P> | null;
  /** One English line for the probe table. */
  summarize(parsed: ParsedOf<P>): string;
  /**
   * Keeps what the run's evidence needs of a large result (the DNS cache: the entries of the
   * run's names); the raw output in the bundle stays complete.
   */
  forRun?(parsed: ParsedOf<P>, input: RunInput): ParsedOf<P>;
}

/** A definition of any collector, for lists of them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCollectorDefinition = CollectorDefinition<any>;

/** Helper that keeps the generic parameter of a definition inferred. */
export function defineCollector<P extends CollectorId>(definition: CollectorDefinition<P>): CollectorDefinition<P> {
  return definition;
}

/** A program in Windows' System32, by absolute path: never one that happens to lie in the working directory or on a changed PATH. */
export function windowsProgram(...relative: string[]): string {
  return path.win32.join(process.env.SystemRoot ?? 'C:\\Windows', 'System32', ...relative);
}

export interface RunCollectorOptions {
  signal: AbortSignal;
  /** The run's input, for `forRun`; without it the parsed result is kept whole. */
  input?: RunInput;
  addArtifact: (artifact: RunArtifact) => void;
  /** Platform whose decoding applies (default: this one). */
  platform?: NodeJS.Platform;
  /** Replaces a command's source (tests: a stand-in program printing a recorded output). */
  resolveSource?: (command: CollectorCommand, index: number) => CommandSource;
}

/**
 * Runs a collector's commands in parallel, records each raw output as an artifact and parses.
 *
 * Never throws for a missing or failing command: that becomes a `fail` outcome whose summary says
 * "not available on this system" or what went wrong, with the command's details in the data.
 */
export async function runCollector<P extends CollectorId>(
  definition: CollectorDefinition<P>,
  options: RunCollectorOptions,
): Promise<ProbeOutcome<CollectorData<ParsedOf<P>>>> {
  const platform = options.platform ?? process.platform;
  // Tools print dates and messages in the user's locale; C keeps Linux/macOS output parseable.
  const env = platform === 'win32' ? process.env : { ...process.env, LC_ALL: 'C', LANG: 'C' };
  // Read alongside the commands (once per process), needed only to decode their output.
  const codePage = platform === 'win32' && definition.commands.some((c) => c.encoding === 'console') ? windowsOemCodePage() : Promise.resolve(DEFAULT_OEM_CODE_PAGE);

  const ran = await Promise.all(
    definition.commands.map(async (command, index) => {
      const source = options.resolveSource?.(command, index) ?? command.source;
      return { command, result: await runCommand(source, { signal: options.signal, maxOutputBytes: command.maxOutputBytes, env }) };
    }),
  );
  const oemCodePage = await codePage;
  const results = ran.map(({ command, result }) => {
    const encoding = platform === 'win32' ? command.encoding : 'utf8';
    return { command, result, text: decodeOutput(result.stdout, encoding, oemCodePage), stderr: decodeOutput(result.stderr, encoding, oemCodePage) };
  });

  const commands: CommandRunInfo[] = [];
  for (const { command, result, text, stderr } of results) {
    commands.push({
      commandLine: result.commandLine,
      outcome: result.outcome,
      exitCode: result.exitCode,
      durationMs: result.durationMs,
      truncated: result.truncated,
      artifact: command.artifact,
      ...(result.error ? { error: result.error } : {}),
    });
    try {
      options.addArtifact({
        path: command.artifact,
        commandLine: result.commandLine,
        outcome: result.outcome,
        exitCode: result.exitCode,
        startedAt: result.startedAt,
        durationMs: result.durationMs,
        text,
        ...(stderr ? { stderr } : {}),
        truncated: result.truncated,
        ...(result.error ? { error: result.error } : {}),
      });
    } catch {
      // A broken sink must not cost the evidence.
    }
  }

  let parsed: ParsedOf<P> | null = null;
  let parseError: string | undefined;
  if (results.some((r) => r.result.outcome === 'ok')) {
    try {
      parsed = definition.parse(
        results.map(({ command, result, text, stderr }) => ({
          artifact: command.artifact,
          outcome: result.outcome,
          exitCode: result.exitCode,
          text,
          stderr,
          truncated: result.truncated,
        })),
      );
    } catch (error) {
      parseError = error instanceof Error ? error.message : String(error);
    }
  }
  if (parsed !== null && options.input && definition.forRun) {
    try {
      parsed = definition.forRun(parsed, options.input);
    } catch {
      // Keeping everything is the safe fallback.
    }
  }

  const data: CollectorData<ParsedOf<P>> = { commands, parsed };
  if (parsed !== null) {
    let summary: string;
    try {
      summary = definition.summarize(parsed);
    } catch {
      summary = 'collected';
    }
    const cut = commands.some((c) => c.truncated) ? ' (output cut at its size limit)' : '';
    return { status: 'ok', summary: `${summary}${cut}`, data };
  }
  if (commands.some((c) => c.outcome === 'timeout')) {
    return { status: 'timeout', summary: `timeout: ${commands.find((c) => c.outcome === 'timeout')!.commandLine} did not finish in time`, data };
  }
  if (commands.every((c) => c.outcome === 'not-available')) {
    return { status: 'fail', summary: `not available on this system: ${commands.map((c) => c.commandLine.split(' ')[0]).join(', ')} not found`, data };
  }
  const failed = commands.find((c) => c.outcome !== 'ok');
  if (failed) return { status: 'fail', summary: `failed: ${failed.commandLine}: ${failed.error ?? failed.outcome}`, data };
  const first = commands[0]!;
  return {
    status: 'fail',
    summary: parseError
      ? `could not read the output of ${first.commandLine}: ${parseError}`
      : `failed: ${first.commandLine} ended with exit code ${first.exitCode ?? 'none'} and no usable output`,
    data,
  };
}

/** Collectors run once per run, on this computer. */
const COLLECTOR_KEY = 'this-computer';

/** The instance id of a collector in a run (for `after` lists). */
export function collectorInstanceId(id: CollectorId): string {
  return `${id}:${COLLECTOR_KEY}`;
}

/** Whether a collector applies on this platform (it is planned only there). */
export function collectorApplies(definition: AnyCollectorDefinition, platform: NodeJS.Platform = process.platform): boolean {
  return definition.platforms.includes(platform);
}

/** A collector as a probe of the diagnosis run (kind `collector`), planned only on its platforms. */
export function collectorProbe<P extends CollectorId>(definition: CollectorDefinition<P>): ProbeDefinition<P, undefined> {
  return defineProbe<P, undefined>({
    id: definition.id,
    kind: 'collector',
    title: definition.title,
    timeoutMs: definition.timeoutMs,
    plan: () => (collectorApplies(definition) ? [{ key: COLLECTOR_KEY, target: 'this computer', input: undefined }] : []),
    run: async ({ signal, services, run }) =>
      (await runCollector(definition, { signal, input: run, addArtifact: (a) => services.addArtifact(a) })) as ProbeOutcome<ProbeDataMap[P]>,
  });
}

/** Reading the code page is one small registry read; a second is plenty. */
const OEM_CODE_PAGE_TIMEOUT_MS = 2_000;

let oemCodePagePromise: Promise<number> | undefined;

/**
 * The system's OEM code page (Windows), read once per process from the registry.
 *
 * `HKLM\SYSTEM\CurrentControlSet\Control\Nls\CodePage\OEMCP` is what a console uses unless someone
 * typed `chcp`; output in another code page that is valid UTF-8 is caught by the decoder anyway.
 */
export function windowsOemCodePage(): Promise<number> {
  oemCodePagePromise ??= runCommand(
    {
      kind: 'program',
      program: [windowsProgram('reg.exe')],
      args: ['query', 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage', '/v', 'OEMCP'],
    },
    { signal: AbortSignal.timeout(OEM_CODE_PAGE_TIMEOUT_MS), maxOutputBytes: 4096 },
  ).then(
    (r) => {
      const match = /OEMCP\s+REG_SZ\s+(\d+)/.exec(r.stdout.toString('latin1'));
      return match ? Number(match[1]) : DEFAULT_OEM_CODE_PAGE;
    },
    () => DEFAULT_OEM_CODE_PAGE,
  );
  return oemCodePagePromise;
}
