import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { OptionError, prepareRun } from '../engine/engine-options';
import { parseBridgeArgs, WEB_BRIDGE_HELP } from './bridge-args';
import { startWebBridge } from './web-bridge';

/** Entry of `npm run start:web` (built to dist/web/outlook-doktor-web.mjs). */
async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseBridgeArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`outlook-doktor-web: ${(error as Error).message}\n\n${WEB_BRIDGE_HELP}\n`);
    return 64;
  }
  if (parsed === 'help') {
    process.stdout.write(`${WEB_BRIDGE_HELP}\n`);
    return 0;
  }
  try {
    // Checks the test options once at start, with a stand-in server, so a typo fails here and not in the page.
    await prepareRun({ ...parsed.base, server: 'localhost' });
  } catch (error) {
    if (!(error instanceof OptionError)) throw error;
    process.stderr.write(`outlook-doktor-web: ${error.option} ${error.message}\n`);
    return 64;
  }
  // dist/web/ and electron/web-bridge/ both sit two levels below the checkout.
  const here = path.dirname(fileURLToPath(import.meta.url));
  const rendererDir = path.resolve(parsed.rendererDir ?? path.join(here, '../../out/renderer'));
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    process.stderr.write(`outlook-doktor-web: no built renderer in ${rendererDir}; run \`npm run build\` first\n`);
    return 1;
  }
  const bridge = await startWebBridge({ rendererDir, port: parsed.port, base: parsed.base, testMode: parsed.testMode });
  process.stdout.write(`Outlook-Doktor (Web): ${bridge.url}\n`);
  if (parsed.testMode) process.stdout.write('test mode: the engine options of the command line apply to every run\n');
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await bridge.close();
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`outlook-doktor-web: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  },
);
