import { randomBytes } from 'node:crypto';
import { run } from './commands';

/**
 * Names of the lab's network namespaces, and clearing away what a killed run left behind.
 *
 * Every lab gets its own prefix `odlab-<pid>-<random>-`, so labs of parallel test files or
 * parallel CI runs never share a namespace. A run killed before its teardown leaves namespaces
 * whose pid no longer exists; the next lab deletes those, never one of a living process.
 */

/** Common prefix of every lab namespace on this machine. */
export const LAB_NAMESPACE_PREFIX = 'odlab-';

/** A fresh prefix for one lab: the creating process' id plus randomness. */
export function newLabPrefix(): string {
  return `${LAB_NAMESPACE_PREFIX}${process.pid}-${randomBytes(3).toString('hex')}-`;
}

/** Names of the existing named namespaces (`ip netns list` prints `name (id: n)`). */
export async function listNamespaces(): Promise<string[]> {
  const text = await run('ip', ['netns', 'list']);
  return text
    .split('\n')
    .map((line) => line.trim().split(/\s+/)[0] ?? '')
    .filter((name) => name !== '');
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Deletes the namespaces with this prefix (`ip netns del` also ends their links and addresses). */
export async function deleteNamespaces(prefix: string): Promise<void> {
  const names = (await listNamespaces()).filter((name) => name.startsWith(prefix));
  // Processes still inside keep a namespace alive but unnamed; the caller stops its own first.
  await Promise.all(names.map((name) => run('ip', ['netns', 'del', name]).catch(() => undefined)));
}

/** Deletes lab namespaces whose creating process is gone (a run that was killed). */
export async function deleteOrphanedNamespaces(): Promise<string[]> {
  const orphans = (await listNamespaces()).filter((name) => {
    const match = new RegExp(`^${LAB_NAMESPACE_PREFIX}(\\d+)-`).exec(name);
    return match !== null && !processAlive(Number(match[1]));
  });
  await Promise.all(orphans.map((name) => run('ip', ['netns', 'del', name]).catch(() => undefined)));
  return orphans;
}
