import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startFlappingExchange } from '../e2e/lab/flapping-exchange';
import { prepareMonitor } from '../electron/engine/monitor/monitor-options';
import { startMonitor } from '../electron/engine/monitor/run-monitor';

/**
 * CPU and memory of the monitor on a long run against loopback.
 *
 * Run: `npm run bench:monitor` — 10 minutes at 10 samples/s, then 2 minutes at 1 sample/s.
 * Options: `-- --minutes 10 --rate 10 --slow-minutes 2 [--keep-alive]`.
 *
 * The Exchange-like server runs in a child process, so the figures are the monitor's alone:
 * CPU from process.cpuUsage() (user + system, as a share of one core over the run), RSS and the
 * JS heap (after a garbage collection) at the start, after the first minute (JIT, TLS and the
 * allocator have warmed up) and at the end; the CSV log is streamed to a temporary file as in
 * real use. Targets: RSS growth under 10 MB; well under 1 % of a core at one sample a second.
 */

// tsx turns on source maps, which make every Error's stack (undici creates one per closed
// connection) ten times dearer than in the built CLI or the app: measure without them.
process.setSourceMapsEnabled(false);

if (process.argv.includes('--serve')) {
  // Child: the server, answering every request with a challenge.
  const lab = await startFlappingExchange({ pattern: [] });
  process.send!({ port: lab.port });
  process.on('disconnect', () => void lab.close().then(() => process.exit(0)));
} else {
  const { values } = parseArgs({
    options: { minutes: { type: 'string', default: '10' }, rate: { type: 'string', default: '10' }, 'slow-minutes': { type: 'string', default: '2' }, 'keep-alive': { type: 'boolean', default: false } },
  });
  const child = fork(process.argv[1]!, ['--serve'], { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve) => child.once('message', (m: { port: number }) => resolve(m.port)));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'od-bench-monitor-'));
  try {
    console.log(`node ${process.version}, ${os.cpus().length} CPU(s), server in child process ${child.pid}, ${values['keep-alive'] ? 'keep-alive' : 'fresh connection per sample'}`);
    await bench({ port, dir, minutes: Number(values.minutes), rate: Number(values.rate), keepAlive: values['keep-alive'] });
    await bench({ port, dir, minutes: Number(values['slow-minutes']), rate: 1, keepAlive: values['keep-alive'] });
  } finally {
    stop(child);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function bench(options: { port: number; dir: string; minutes: number; rate: number; keepAlive: boolean }): Promise<void> {
  if (!(options.minutes > 0)) return;
  const csvFile = path.join(options.dir, `monitor-${options.rate}.csv`);
  const prepared = await prepareMonitor({
    server: `127.0.0.1:${options.port}`,
    intervalSeconds: 1 / options.rate,
    durationSeconds: options.minutes * 60,
    keepAlive: options.keepAlive,
    csvFile,
  });
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  gc();
  const rss0 = process.memoryUsage().rss;
  const heap0 = process.memoryUsage().heapUsed;
  let warm: { rss: number; heap: number } | undefined;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  console.log(`\n${options.rate}/s for ${options.minutes} min: start RSS ${mb(rss0)}, heap ${mb(heap0)}`);
  const session = await startMonitor(prepared);
  const progress = setInterval(() => {
    const s = session.stats();
    gc();
    const { rss, heapUsed } = process.memoryUsage();
    warm ??= { rss, heap: heapUsed };
    console.log(`  ${Math.round((performance.now() - t0) / 1000)} s: ${s.measured} samples (${s.failed} failed, ${s.missed} missed), RSS ${mb(rss)}, heap ${mb(heapUsed)}`);
  }, 60_000);
  const outcome = await session.done;
  clearInterval(progress);
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  gc();
  const rss1 = process.memoryUsage().rss;
  const heap1 = process.memoryUsage().heapUsed;
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const s = outcome.stats;
  console.log(`  samples ${s.measured} (ok ${s.ok}, failed ${s.failed}, missed ${s.missed}), latency p50 ${s.latency.p50Ms} ms, p99 ${s.latency.p99Ms} ms`);
  console.log(`  CPU ${(cpuMs / 1000).toFixed(1)} s in ${(wallMs / 1000).toFixed(0)} s = ${((cpuMs / wallMs) * 100).toFixed(2)} % of one core (${(cpuMs / Math.max(1, s.measured)).toFixed(2)} ms per sample)`);
  console.log(`  end RSS ${mb(rss1)} (growth ${mb(rss1 - rss0)}), heap ${mb(heap1)} (growth ${mb(heap1 - heap0)}), CSV ${mb(statSync(csvFile).size)}`);
  if (warm) console.log(`  after the first minute: RSS growth ${mb(rss1 - warm.rss)}, heap growth ${mb(heap1 - warm.heap)}`);
}

/** A full collection when node runs with --expose-gc (npm run bench:monitor does), so heap figures are live data, not garbage. */
function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function stop(child: ChildProcess): void {
  if (child.connected) child.disconnect();
  setTimeout(() => child.kill(), 2_000).unref();
}
