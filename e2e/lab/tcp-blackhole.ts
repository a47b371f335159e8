import { Socket, createServer } from 'node:net';
import { Worker } from 'node:worker_threads';
import { closeServer, listen } from './listen';

/**
 * Loopback addresses where a TCP connect times out or is refused, without leaving loopback.
 *
 * The timeout trick: a listener whose accept queue is full drops further SYNs (Linux counts
 * them in `ListenOverflows`; the client retransmits and finally gives up), exactly what a
 * firewall that silently drops looks like from the client. Node's own servers accept eagerly,
 * so the listener lives in a worker thread that blocks in `Atomics.wait` right after `listen()`:
 * its event loop never runs again, nothing is ever accepted. With a backlog of 1 the kernel
 * queues two completed connections (it counts `> backlog`); the lab opens those two itself, and
 * every connect after them hangs in SYN-SENT. Measured on this kernel (6.18) for 127.0.0.x and ::1.
 */

/** The smallest backlog Node passes through (0 would become its default of 511). */
const BLACKHOLE_BACKLOG = 1;

/** Connections the kernel queues for a backlog of 1 before it drops SYNs. */
const QUEUE_FILLERS = BLACKHOLE_BACKLOG + 1;

/** Filling the queue is two loopback connects; anything slower means the trick failed. */
const FILL_TIMEOUT_MS = 2_000;

// Runs in the worker: listen, report the port, then block the thread until released.
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const net = require('node:net');
const server = net.createServer();
server.on('error', (error) => parentPort.postMessage({ error: error.message }));
server.listen({ host: workerData.address, port: workerData.port, backlog: workerData.backlog }, () => {
  parentPort.postMessage({ port: server.address().port });
  Atomics.wait(new Int32Array(workerData.release), 0, 0);
  server.close();
});
`;

export interface TcpBlackhole {
  address: string;
  port: number;
  close(): Promise<void>;
}

/** An address:port on loopback where TCP connects time out (SYNs dropped), not refused. */
export async function startTcpBlackhole(address: string, port = 0): Promise<TcpBlackhole> {
  const release = new SharedArrayBuffer(4);
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { address, port, backlog: BLACKHOLE_BACKLOG, release } });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const unblock = () => {
    const flag = new Int32Array(release);
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  };
  const fillers: Socket[] = [];
  const close = async () => {
    for (const socket of fillers) socket.destroy();
    unblock();
    await exited;
  };
  try {
    const bound = await new Promise<number>((resolve, reject) => {
      worker.once('message', (message: { port?: number; error?: string }) =>
        message.port ? resolve(message.port) : reject(new Error(`blackhole listener: ${message.error ?? 'no port'}`)),
      );
      worker.once('error', reject);
    });
    for (let i = 0; i < QUEUE_FILLERS; i += 1) fillers.push(await connectWithin(address, bound, FILL_TIMEOUT_MS));
    return { address, port: bound, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** A port on `address` where nothing listens, so a connect is refused (RST). */
export async function refusedPort(address: string): Promise<number> {
  // Bind a free port and let it go: the kernel picks port-0 binds at random from a wide range,
  // so another test taking this very port within the few milliseconds of a connect is unlikely.
  const server = createServer();
  const port = await listen(server, address, 0);
  await closeServer(server);
  return port;
}

function connectWithin(address: string, port: number, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`filling the blackhole's queue at ${address}:${port} timed out`));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.on('error', () => undefined);
      resolve(socket);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.connect({ host: address, port });
  });
}
