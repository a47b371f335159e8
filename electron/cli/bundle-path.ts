import { stat } from 'node:fs/promises';
import path from 'node:path';
import { defaultBundleName } from '../../shared/bundle/default-bundle-name';
import { UsageError } from './usage-error';

/**
 * Where `--bundle PATH` writes: PATH itself, or a file with date and time in its name when PATH
 * is an existing folder. The folder must exist before the run starts.
 */
export async function resolveBundlePath(value: string): Promise<{ pathFor(at: Date): string }> {
  if (value.trim() === '') throw new UsageError('--bundle', 'needs a file or folder name');
  const info = await stat(value).catch(() => null);
  if (info?.isDirectory()) return { pathFor: (at) => path.join(value, defaultBundleName(at)) };
  const folder = path.dirname(path.resolve(value));
  const parent = await stat(folder).catch(() => null);
  if (!parent?.isDirectory()) throw new UsageError('--bundle', `folder ${path.dirname(value)} does not exist`);
  return { pathFor: () => value };
}
