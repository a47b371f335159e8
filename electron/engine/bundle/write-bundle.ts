import { stat, type FileHandle } from 'node:fs/promises';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import type { AnonymizationCounts, BundleInput, RedactionCounts } from '../../../shared/bundle/bundle-input';
import type { BundleManifest } from '../../../shared/bundle/bundle-manifest';
import { writeFileAtomic } from '../fs/atomic-write';
import { BundlePlan, type BundleOptions } from './bundle-plan';

/**
 * Writes the diagnostic bundle (zip) of a run.
 *
 * The zip streams to a temporary file beside the target, entry by entry (each rendered only
 * when the zip writer reaches it), and is renamed over the target only when complete: an
 * interruption (error, abort, crash) never leaves a half bundle under the final name, and the
 * temporary file is removed on error.
 */
export interface WriteBundleOptions extends BundleOptions {
  /** Stops the export; the promise rejects and no file is left behind. */
  signal?: AbortSignal;
  /** Called as each entry starts (progress for the app); a throw aborts the export. */
  onEntry?: (name: string, index: number, total: number) => void;
}

export interface BundleWriteResult {
  path: string;
  /** Size of the zip file. */
  bytes: number;
  manifest: BundleManifest;
  redactions: RedactionCounts;
  anonymized: boolean;
  anonymizations: AnonymizationCounts | null;
}

/** Regular file, rw-r--r--: what an unzip tool should create. */
const ENTRY_MODE = 0o100644;

export async function writeBundle(target: string, input: BundleInput, options: WriteBundleOptions = {}): Promise<BundleWriteResult> {
  options.signal?.throwIfAborted();
  const plan = new BundlePlan(input, options);
  let manifestText = '';
  await writeFileAtomic(target, async (handle) => {
    const zip = new yazl.ZipFile();
    const failed = new Promise<never>((_, reject) => zip.on('error', reject));
    const total = plan.entries.length;
    plan.entries.forEach((entry, index) => {
      zip.addReadStreamLazy(entry.name, { mtime: plan.createdAt, mode: ENTRY_MODE, compress: true }, (callback) => {
        try {
          options.signal?.throwIfAborted();
          options.onEntry?.(entry.name, index, total);
          const rendered = plan.render(entry);
          if (entry.name === 'manifest.json') manifestText = rendered.bytes.toString('utf8');
          callback(null, Readable.from([rendered.bytes]));
        } catch (error) {
          callback(error, undefined as never);
        }
      });
    });
    zip.end();
    const sink = handleSink(handle);
    // yazl's outputStream is a PassThrough; its type says only NodeJS.ReadableStream.
    const output = zip.outputStream as Readable;
    const written = pipeline(output, sink);
    try {
      await Promise.race([written, failed]);
    } catch (error) {
      // Stop the pipeline so nothing writes to the handle after the temporary file is removed.
      output.destroy();
      await written.catch(() => undefined);
      throw error;
    }
  });
  const info = await stat(target);
  return {
    path: target,
    bytes: info.size,
    manifest: JSON.parse(manifestText) as BundleManifest,
    redactions: plan.counts,
    anonymized: plan.redactor.anonymized,
    anonymizations: plan.anonymizations,
  };
}

/**
 * A writable over a file handle that leaves the handle open.
 *
 * `handle.createWriteStream({ autoClose: false })` keeps a reference that makes `handle.close()`
 * wait forever; the atomic writer must still sync and close the handle itself.
 */
function handleSink(handle: FileHandle): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      writeAll(handle, chunk).then(
        () => callback(),
        (error: Error) => callback(error),
      );
    },
  });
}

async function writeAll(handle: FileHandle, chunk: Buffer): Promise<void> {
  // A write may take fewer bytes than offered; the rest must follow, in order.
  for (let offset = 0; offset < chunk.length; ) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset);
    offset += bytesWritten;
  }
}
