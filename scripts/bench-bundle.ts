import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PLANTED, sampleArtifacts, sampleChecklist, sampleMonitor, sampleReport } from '../e2e/fixtures/bundle-fixture';
import { openBundle } from '../electron/engine/bundle/open-bundle';
import { previewBundle } from '../electron/engine/bundle/preview-bundle';
import { writeBundle } from '../electron/engine/bundle/write-bundle';

/**
 * Export time of a bundle with an hour of monitor data (3600 CSV lines), plus the realistic run
 * of the tests (12 probes, 8 HTTP exchanges, 4 system outputs, a checklist), with and without
 * anonymisation; and the time to open it again. Target: export well under one second.
 *
 * Run: `npm run bench:bundle` (takes a few seconds). Prints the median and the worst of N runs.
 */
const RUNS = 15;

async function time(label: string, fn: () => Promise<unknown>): Promise<void> {
  await fn(); // warm-up: module loading and JIT are not what a user waits for twice
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)]!;
  console.log(`${label.padEnd(52)} median ${median.toFixed(1).padStart(7)} ms   max ${samples.at(-1)!.toFixed(1).padStart(7)} ms`);
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'od-bench-bundle-'));
try {
  const input = { report: sampleReport(), checklist: sampleChecklist(), artifacts: sampleArtifacts(), monitor: sampleMonitor(3600) };
  const target = path.join(dir, 'bundle.zip');
  console.log(`node ${process.version}, ${os.cpus().length} CPU(s), monitor.csv ${Buffer.byteLength(input.monitor.csv)} bytes (3600 lines)`);
  await time('writeBundle, 3600 monitor lines', () => writeBundle(target, input, { secrets: [PLANTED.password] }));
  await time('writeBundle, 3600 monitor lines, anonymised', () => writeBundle(target, input, { secrets: [PLANTED.password], anonymize: true }));
  await time('previewBundle, 3600 monitor lines', async () => previewBundle(input, { secrets: [PLANTED.password] }));
  await time('openBundle (verify checksums, validate report)', async () => {
    const opened = await openBundle(target);
    if (!opened.ok) throw new Error(opened.error.message.en);
  });
  console.log(`zip size: ${statSync(target).size} bytes`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
