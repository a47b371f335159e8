import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDelayRelay, type DelayRelay } from './delay-relay';
import { closeServer, listen } from './listen';

/** An echo server behind the relay: every exchange pays the round trip, in order, and ends cleanly. */

const ONE_WAY_MS = 25;

let echo: net.Server;
let relay: DelayRelay;

beforeAll(async () => {
  echo = net.createServer((socket) => socket.pipe(socket));
  const port = await listen(echo, '127.0.0.1', 0);
  relay = await startDelayRelay({ oneWayDelayMs: ONE_WAY_MS, routes: [{ listen: '127.0.0.1', target: { address: '127.0.0.1', port } }] });
});

afterAll(async () => {
  await relay.close();
  await closeServer(echo);
});

describe('delay relay', () => {
  it('delays each exchange by the round trip, keeps the order and passes the end on', async () => {
    const socket = net.connect({ host: '127.0.0.1', port: relay.port, noDelay: true });
    await new Promise((resolve) => socket.once('connect', resolve));
    let received = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (received += chunk));
    const ended = new Promise((resolve) => socket.once('end', resolve));

    const started = performance.now();
    for (const piece of ['a', 'b', 'c', 'd']) socket.write(piece);
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (received.length === 4) {
          clearInterval(check);
          resolve();
        }
      }, 1);
    });
    const roundTrip = performance.now() - started;
    expect(received).toBe('abcd');
    expect(roundTrip).toBeGreaterThanOrEqual(2 * ONE_WAY_MS - 2);
    // Generous: a loaded machine may add tens of milliseconds, but not another round trip's worth of waiting per piece.
    expect(roundTrip).toBeLessThan(2 * ONE_WAY_MS + 400);

    socket.end();
    await ended;
    expect(relay.connections).toBe(1);
  });
});
