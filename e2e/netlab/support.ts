import { access, constants } from 'node:fs/promises';
import { run } from './commands';
import { LAB_NAMESPACE_PREFIX } from './namespaces';

/**
 * Whether this machine can build the namespace lab, and why not.
 *
 * The lab needs root, `ip netns`, veth, nftables and the lab's programs (dnsmasq, tinyproxy,
 * ping). Where something is missing the suites skip with the reason printed; in CI
 * (`CI=true`) a missing piece is an error instead, because CI installs all of it (.ci/run) and a
 * silent skip would hide that the lab never ran.
 */

/** Programs the lab starts, by the paths Debian installs them to. */
const LAB_PROGRAMS = ['/usr/sbin/nft', '/usr/sbin/dnsmasq', '/usr/bin/tinyproxy', '/usr/bin/ping'];

async function missingPrograms(): Promise<string[]> {
  const missing: string[] = [];
  for (const program of LAB_PROGRAMS) {
    try {
      await access(program, constants.X_OK);
    } catch {
      missing.push(program);
    }
  }
  return missing;
}

/** Tries the kernel features on a throwaway namespace; resolves with the reason it cannot, or null. */
async function kernelProblem(): Promise<string | null> {
  const name = `${LAB_NAMESPACE_PREFIX}${process.pid}-check-${Math.random().toString(36).slice(2, 8)}`;
  try {
    await run('ip', ['netns', 'add', name]);
  } catch (error) {
    return `cannot create a network namespace: ${(error as Error).message}`;
  }
  try {
    await run('ip', ['-n', name, 'link', 'add', 'check0', 'type', 'veth', 'peer', 'name', 'check1']);
    await run('ip', ['netns', 'exec', name, '/usr/sbin/nft', 'add', 'table', 'inet', 'check']);
    return null;
  } catch (error) {
    return `no veth or nftables in the kernel: ${(error as Error).message}`;
  } finally {
    await run('ip', ['netns', 'del', name]).catch(() => undefined);
  }
}

/** Null when the lab can run here, else the reason it cannot. */
export async function netlabUnavailableReason(): Promise<string | null> {
  if (process.platform !== 'linux') return `network namespaces are Linux only (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return 'network namespaces need root';
  try {
    await run('ip', ['-V']);
  } catch {
    return 'iproute2 (ip) is not installed';
  }
  const missing = await missingPrograms();
  if (missing.length > 0) return `missing programs: ${missing.join(', ')} (Debian: nftables dnsmasq-base tinyproxy-bin iputils-ping)`;
  return kernelProblem();
}

/**
 * The reason to skip, printed; throws instead in CI, where the lab must run.
 *
 * Call it at the top of a suite (top-level await) and pass the result to `describe.skipIf`.
 */
export async function netlabSkipReason(suite: string): Promise<string | null> {
  const reason = await netlabUnavailableReason();
  if (reason === null) return null;
  if (process.env.CI === 'true') throw new Error(`${suite}: the namespace lab must run in CI but cannot: ${reason}`);
  console.warn(`${suite}: skipped, ${reason}`);
  return reason;
}
