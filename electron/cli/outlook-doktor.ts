import { main } from './main';

/** Process entry: wires stdio, Ctrl+C and the exit code. */
const controller = new AbortController();
let interrupts = 0;
process.on('SIGINT', () => {
  interrupts += 1;
  // First Ctrl+C: stop probing and still write the report; second: leave at once.
  if (interrupts > 1) process.exit(130);
  controller.abort();
});

const code = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  signal: controller.signal,
});
process.exitCode = code;
// Pending sockets of abandoned probes must not keep the process alive after the report.
setTimeout(() => process.exit(code), 50).unref();
