import net, { type Socket } from 'node:net';
import { closeServer, listenOnAddresses } from './listen';

/**
 * A TCP relay on loopback that delays every byte by a fixed time in each direction: a userspace
 * stand-in for a network with a round-trip time, where `tc netem` is not available.
 *
 * Each route listens on its own loopback address (all routes share one port, as the addresses of
 * a load-balanced name do) and forwards to a target. Data keeps its order; each chunk is written
 * `oneWayDelayMs` after it arrived, so a request/response exchange costs one round trip of
 * `2 × oneWayDelayMs`, and so does every TLS handshake flight.
 *
 * What it cannot emulate: the TCP handshake itself. The kernel answers the SYN on loopback at
 * once, so a connect completes without the round trip a real network adds; count one more round
 * trip per new connection when reading the timings.
 */

export interface DelayRoute {
  /** Loopback address the relay listens on. */
  listen: string;
  target: { address: string; port: number };
}

export interface DelayRelay {
  port: number;
  /** Connections accepted so far. */
  readonly connections: number;
  close(): Promise<void>;
}

export async function startDelayRelay(options: { routes: DelayRoute[]; oneWayDelayMs: number }): Promise<DelayRelay> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let connections = 0;
  let closed = false;

  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!closed) fn();
    }, ms);
    timers.add(timer);
  };

  /** Forwards `from` → `to` with the delay, order kept, end and errors passed on. */
  const pipeDelayed = (from: Socket, to: Socket) => {
    // When the last chunk is due: a later chunk must never overtake an earlier one.
    let lastDue = 0;
    const schedule = (action: () => void) => {
      const due = Math.max(performance.now() + options.oneWayDelayMs, lastDue);
      lastDue = due;
      later(due - performance.now(), action);
    };
    from.on('data', (chunk: Buffer) => schedule(() => !to.destroyed && to.write(chunk)));
    from.on('end', () => schedule(() => !to.destroyed && to.end()));
    from.on('close', (hadError) => {
      if (hadError) schedule(() => to.destroy());
    });
  };

  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };

  const servers = options.routes.map((route) => {
    const server = net.createServer({ allowHalfOpen: true }, (client) => {
      connections += 1;
      track(client);
      const upstream = net.connect({ host: route.target.address, port: route.target.port, allowHalfOpen: true, noDelay: true });
      track(upstream);
      client.setNoDelay(true);
      pipeDelayed(client, upstream);
      pipeDelayed(upstream, client);
    });
    return { address: route.listen, server };
  });
  const port = await listenOnAddresses(servers);
  return {
    port,
    get connections() {
      return connections;
    },
    async close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      await Promise.all(servers.map(({ server }) => closeServer(server)));
    },
  };
}
