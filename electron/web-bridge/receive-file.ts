import { open, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';

/**
 * Streams a request body into a new file, stopping at `limit` bytes.
 *
 * Counted while reading: a missing or lying Content-Length cannot make the bridge store more.
 * On `too-large` (or an error) the partial file is removed and the rest of the body is left
 * unread, with the request paused but not destroyed, so the caller can still answer before it
 * closes the connection.
 */
export async function receiveToFile(req: IncomingMessage, file: string, limit: number): Promise<'ok' | 'too-large'> {
  // `wx`: never over an existing file (the name is random, but a clash must not clobber anything).
  const handle = await open(file, 'wx', 0o600);
  let size = 0;
  let written: Promise<void> = Promise.resolve();
  let outcome: 'ok' | 'too-large';
  try {
    outcome = await new Promise<'ok' | 'too-large'>((resolve, reject) => {
      const stop = () => {
        req.off('data', onData);
        req.off('end', onEnd);
        req.off('error', onError);
        req.off('close', onClose);
      };
      const onData = (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) {
          stop();
          req.pause();
          resolve('too-large');
          return;
        }
        // One write at a time, in order; the body waits meanwhile (backpressure).
        req.pause();
        written = written.then(async () => {
          await handle.appendFile(chunk);
          req.resume();
        });
        written.catch((error: unknown) => {
          stop();
          reject(error instanceof Error ? error : new Error(String(error)));
        });
      };
      const onEnd = () => {
        stop();
        written.then(() => resolve('ok'), reject);
      };
      const onError = (error: Error) => {
        stop();
        reject(error);
      };
      // A client that goes away mid-body: no 'end', and not always an 'error'.
      const onClose = () => {
        stop();
        reject(new Error('upload aborted before its end'));
      };
      req.on('data', onData);
      req.on('end', onEnd);
      req.on('error', onError);
      req.on('close', onClose);
    });
    await written;
  } catch (error) {
    await written.catch(() => undefined);
    await handle.close().catch(() => undefined);
    await rm(file, { force: true });
    throw error;
  }
  await written.catch(() => undefined);
  await handle.close();
  if (outcome === 'too-large') await rm(file, { force: true });
  return outcome;
}
