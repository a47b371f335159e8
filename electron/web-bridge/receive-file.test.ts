import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiveToFile } from './receive-file';

/** A loopback server that stores each request body with `receiveToFile` and reports the outcome. */
let dir: string;
let server: Server;
let port: number;
const outcomes: Promise<string>[] = [];
let counter = 0;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'od-receive-'));
  server = createServer((req, res) => {
    const file = path.join(dir, `upload-${(counter += 1)}.zip`);
    const outcome = receiveToFile(req, file, 1000).then(
      (result) => {
        res.setHeader('connection', 'close');
        res.end(result);
        return `${result}:${file}`;
      },
      (error: Error) => `error:${error.message}:${file}`,
    );
    outcomes.push(outcome);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

function post(body: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/' }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c: string) => (text += c));
      res.on('end', () => resolve(text));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('receiveToFile', () => {
  it('stores a body up to the limit, byte for byte', async () => {
    const body = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
    expect(await post(body)).toBe('ok');
    const [result, file] = (await outcomes.at(-1)!).split(/:(.*)/s);
    expect(result).toBe('ok');
    expect(await readFile(file!)).toEqual(body);
  });

  it('stops at the limit, answers, and leaves no partial file', async () => {
    expect(await post(Buffer.alloc(5000, 1))).toBe('too-large');
    const file = (await outcomes.at(-1)!).split(/:(.*)/s)[1]!;
    expect(existsSync(file)).toBe(false);
  });

  it('gives up on a client that goes away mid-body, without a file and without hanging', async () => {
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    socket.write('POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 900\r\n\r\n' + 'x'.repeat(100));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const pending = outcomes.at(-1)!;
    socket.destroy();
    const outcome = await pending;
    expect(outcome).toMatch(/^error:/);
    expect(existsSync(outcome.slice(outcome.lastIndexOf(':') + 1))).toBe(false);
  });
});
