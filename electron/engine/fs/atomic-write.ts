import { randomBytes } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes a file so that it is either complete under its final name or not there at all.
 *
 * The data goes to a temporary file in the same folder (same file system, so the rename is
 * atomic), is flushed, then renamed over the target. An interruption leaves at most a stray
 * `.partial` file, never a half report under the name the user asked for.
 */
export async function writeFileAtomic(target: string, write: (handle: FileHandle) => Promise<void>): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.partial`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await write(handle);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export async function writeTextAtomic(target: string, text: string): Promise<void> {
  await writeFileAtomic(target, async (handle) => {
    await handle.writeFile(text, 'utf8');
  });
}
