import { parseArgs } from 'node:util';
import type { BaseEngineOptions } from '../engine/host/diagnosis-host';

export const WEB_BRIDGE_HELP = `Usage: outlook-doktor-web [--port N] [--renderer-dir DIR] [--test-mode ENGINE OPTIONS]

Serves the Outlook-Doktor wizard to a browser on 127.0.0.1, with the real engine behind it.
Open the printed URL; it carries the access token in its fragment.

  --port N                 port on 127.0.0.1 (default: any free port)
  --renderer-dir DIR       the built renderer (default: out/renderer of this checkout)

Test mode (for automated tests on loopback; the page can never set these):
  --test-mode              allow the engine options below; they apply to every run
  --dns-server IP[:PORT]   repeatable
  --ca-file PATH           repeatable
  --connectivity-url URL   --connectivity-expect TEXT
  --hosts-file PATH        --timeout SECONDS
  --proxy URL | --no-proxy`;

const OPTIONS = {
  port: { type: 'string' },
  'renderer-dir': { type: 'string' },
  'test-mode': { type: 'boolean' },
  'dns-server': { type: 'string', multiple: true },
  'ca-file': { type: 'string', multiple: true },
  'connectivity-url': { type: 'string' },
  'connectivity-expect': { type: 'string' },
  'hosts-file': { type: 'string' },
  timeout: { type: 'string' },
  proxy: { type: 'string' },
  'no-proxy': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const ENGINE_FLAGS = ['dns-server', 'ca-file', 'connectivity-url', 'connectivity-expect', 'hosts-file', 'timeout', 'proxy', 'no-proxy'] as const;

/** A wrong command line; the entry prints it with the help and exits 64. */
export class BridgeUsageError extends Error {}

/** Parses the bridge's command line; engine options only in test mode. */
export function parseBridgeArgs(args: string[]): { port: number; rendererDir: string | undefined; testMode: boolean; base: BaseEngineOptions } | 'help' {
  let values;
  try {
    ({ values } = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new BridgeUsageError((error as Error).message);
  }
  if (values.help) return 'help';
  const testMode = values['test-mode'] === true;
  const given = ENGINE_FLAGS.filter((flag) => values[flag] !== undefined);
  if (!testMode && given.length > 0) {
    throw new BridgeUsageError(`--${given[0]} is only accepted together with --test-mode`);
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new BridgeUsageError('--port must be 0-65535');
  let timeoutSeconds: number | undefined;
  if (values.timeout !== undefined) {
    if (!/^\d+(\.\d+)?$/.test(values.timeout)) throw new BridgeUsageError('--timeout must be a number of seconds');
    timeoutSeconds = Number(values.timeout);
  }
  const base: BaseEngineOptions = {
    ...(values['dns-server'] ? { dnsServers: values['dns-server'] } : {}),
    ...(values['ca-file'] ? { caFiles: values['ca-file'] } : {}),
    ...(values['connectivity-url'] !== undefined ? { connectivityUrl: values['connectivity-url'] } : {}),
    ...(values['connectivity-expect'] !== undefined ? { connectivityExpect: values['connectivity-expect'] } : {}),
    ...(values['hosts-file'] !== undefined ? { hostsFile: values['hosts-file'] } : {}),
    ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
    ...(values.proxy !== undefined ? { proxy: values.proxy } : {}),
    ...(values['no-proxy'] ? { noProxy: true } : {}),
  };
  return { port, rendererDir: values['renderer-dir'], testMode, base };
}

