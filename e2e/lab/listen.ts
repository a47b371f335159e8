import type { Server } from 'node:net';

/**
 * Binds servers on several loopback addresses with one common port.
 *
 * The probes use the server's port for every address of a name, so a lab standing in for a
 * load-balanced Exchange (127.0.0.2 and 127.0.0.3 behind `mail.contoso.test`) needs the same
 * port on each. Picks a free port, retrying when another process holds it on one address.
 */
export async function listenOnAddresses(servers: { address: string; server: Server }[], attempts = 20): Promise<number> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const first = servers[0];
    if (!first) throw new Error('no server');
    const port = await listen(first.server, first.address, 0);
    try {
      for (const { server, address } of servers.slice(1)) await listen(server, address, port);
      return port;
    } catch {
      await Promise.all(servers.map(({ server }) => closeServer(server)));
    }
  }
  throw new Error('no common free port on the loopback addresses');
}

export function listen(server: Server, address: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, address, () => {
      server.off('error', onError);
      const info = server.address();
      resolve(typeof info === 'object' && info ? info.port : port);
    });
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
    // Keep-alive connections would hold close() open; a lab server owes them nothing.
    (server as Server & { closeAllConnections?: () => void }).closeAllConnections?.();
  });
}
