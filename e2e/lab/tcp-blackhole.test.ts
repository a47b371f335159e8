import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { refusedPort, startTcpBlackhole } from './tcp-blackhole';

/** Long enough for a SYN and its first retransmission on loopback; the lab's claim is "never". */
const STILL_PENDING_AFTER_MS = 1_200;

function attempt(address: string, port: number, waitMs: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const timer = setTimeout(() => {
      socket.destroy();
      resolve('pending');
    }, waitMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(error.code ?? error.message);
    });
    socket.connect({ host: address, port });
  });
}

describe('TCP blackhole', () => {
  it.each(['127.0.0.9', '::1'])('leaves a connect to %s hanging (SYN dropped), not refused', async (address) => {
    const blackhole = await startTcpBlackhole(address);
    try {
      const [first, second] = await Promise.all([
        attempt(address, blackhole.port, STILL_PENDING_AFTER_MS),
        attempt(address, blackhole.port, STILL_PENDING_AFTER_MS),
      ]);
      expect(first).toBe('pending');
      expect(second).toBe('pending');
    } finally {
      await blackhole.close();
    }
    // Closed for good: the port refuses now.
    expect(await attempt(address, blackhole.port, STILL_PENDING_AFTER_MS)).toBe('ECONNREFUSED');
  });

  it.each(['127.0.0.9', '::1'])('refuses on a port where nothing listens on %s', async (address) => {
    expect(await attempt(address, await refusedPort(address), 1_000)).toBe('ECONNREFUSED');
  });
});
