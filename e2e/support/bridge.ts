import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BRIDGE = path.join(ROOT, 'dist/web/outlook-doktor-web.mjs');
const RENDERER = path.join(ROOT, 'out/renderer/index.html');
/** The bridge prints its URL at once; a slow start under load still fits well within this. */
const START_TIMEOUT_MS = 20_000;

/** What the tests may fix for every run: only loopback targets. */
export interface BridgeEngineOptions {
  dnsServers: string[];
  connectivityUrl: string;
  connectivityExpect?: string;
  caFiles?: string[];
  hostsFile?: string;
  timeoutSeconds?: number;
}

export interface RunningBridge {
  url: string;
  origin: string;
  /** Everything the bridge wrote, for a failing test's attachment. */
  output(): string;
  close(): Promise<void>;
}

/**
 * Starts the built web bridge (`npm run start:web`'s program) in test mode as its own process,
 * with engine options that keep every run on loopback. `--no-proxy` always: the machine's proxy
 * settings must not send a test run anywhere.
 */
export async function startBridge(options: BridgeEngineOptions): Promise<RunningBridge> {
  for (const file of [BRIDGE, RENDERER]) {
    if (!existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: run \`npm run build\` before the browser tests`);
  }
  const args = [BRIDGE, '--test-mode', '--no-proxy', '--connectivity-url', options.connectivityUrl];
  for (const server of options.dnsServers) args.push('--dns-server', server);
  for (const file of options.caFiles ?? []) args.push('--ca-file', file);
  if (options.connectivityExpect) args.push('--connectivity-expect', options.connectivityExpect);
  if (options.hostsFile) args.push('--hosts-file', options.hostsFile);
  args.push('--timeout', String(options.timeoutSeconds ?? 8));

  const child: ChildProcess = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bridge did not start:\n${output}`)), START_TIMEOUT_MS);
    const check = () => {
      const found = /http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+/.exec(output)?.[0];
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bridge exited with ${code}:\n${output}`));
    });
  });

  return {
    url,
    origin: new URL(url).origin,
    output: () => output,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
