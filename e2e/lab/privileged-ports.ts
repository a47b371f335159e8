import net from 'node:net';

/**
 * Whether this process may listen on loopback ports 80 and 443, where Outlook asks Autodiscover.
 *
 * Inside `scripts/offline.sh` (a network namespace of its own, as root) it always may. A test
 * that needs it skips with the printed reason elsewhere, except in CI, which must run it.
 */
export async function privilegedPortsProblem(address = '127.0.0.1'): Promise<string | undefined> {
  for (const port of [80, 443]) {
    const problem = await new Promise<string | undefined>((resolve) => {
      const server = net.createServer();
      server.once('error', (error: NodeJS.ErrnoException) => resolve(`cannot listen on ${address}:${port} (${error.code ?? error.message})`));
      server.listen(port, address, () => server.close(() => resolve(undefined)));
    });
    if (problem) {
      if (process.env.CI === 'true') throw new Error(`${problem}: CI runs the tests inside scripts/offline.sh as root and must be able to`);
      return `${problem}; run the tests inside scripts/offline.sh as root`;
    }
  }
  return undefined;
}
