import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiagnosisEvent } from '../../shared/ipc/api';
import { WEB_CSP } from '../engine/host/content-security-policy';
import { startWebBridge, type WebBridge } from './web-bridge';

/** A run in these tests stays on loopback: dead loopback ports for DNS and the connectivity check. */
const base = { dnsServers: ['127.0.0.1:9'], connectivityUrl: 'http://127.0.0.1:9/connecttest.txt', noProxy: true, timeoutSeconds: 5 };

let rendererDir: string;
let bridge: WebBridge;

beforeAll(async () => {
  rendererDir = await mkdtemp(path.join(tmpdir(), 'od-bridge-'));
  await mkdir(path.join(rendererDir, 'assets'));
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Outlook-Doktor</title>');
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'export {}');
  bridge = await startWebBridge({ rendererDir, base, testMode: true });
});
afterAll(async () => {
  await bridge.close();
  await rm(rendererDir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request, so tests can send the headers a browser (or an attacker) would. */
function send(options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: bridge.port, method: options.method ?? 'GET', path: options.path, headers: { host: `127.0.0.1:${bridge.port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const auth = () => ({ authorization: `Bearer ${bridge.token}` });
const invoke = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  send({ method: 'POST', path: `/api/invoke/${channel}`, headers: { ...auth(), 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('the web bridge', () => {
  it('listens on 127.0.0.1 only and hands out the token in the URL fragment', () => {
    expect(bridge.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(bridge.url).toBe(`${bridge.origin}/#token=${bridge.token}`);
    expect(bridge.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('serves the renderer with the strict CSP and without the token', async () => {
    const page = await send({ path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Outlook-Doktor</title>');
    expect(page.headers['content-security-policy']).toBe(WEB_CSP);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect((await send({ path: '/assets/app.js' })).headers['content-type']).toMatch(/^text\/javascript/);
    expect((await send({ path: '/assets/../../../etc/passwd' })).status).toBe(404);
    expect((await send({ method: 'POST', path: '/' })).status).toBe(405);
  });

  it('answers the API only with the token', async () => {
    expect((await send({ method: 'POST', path: '/api/invoke/app:info', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);
    expect((await invoke('app:info', {}, { authorization: `Bearer ${bridge.token.slice(1)}x` })).status).toBe(401);
    expect((await invoke('app:info', {}, { authorization: `Basic ${bridge.token}` })).status).toBe(401);
    expect((await send({ path: '/api/events' })).status).toBe(401);
    const info = await invoke('app:info', {});
    expect(info.status).toBe(200);
    expect(JSON.parse(info.body)).toMatchObject({ value: { name: 'Outlook-Doktor', shell: 'web', testMode: true, capabilities: { bundleExport: false, monitor: false } } });
  });

  it('refuses a foreign Host (DNS rebinding), a foreign Origin and a cross-site fetch, even with the token', async () => {
    expect((await invoke('app:info', {}, { host: `evil.test:${bridge.port}` })).status).toBe(403);
    expect((await invoke('app:info', {}, { host: `127.0.0.1:${bridge.port + 1}` })).status).toBe(403);
    expect((await invoke('app:info', {}, { origin: 'http://evil.test' })).status).toBe(403);
    expect((await invoke('app:info', {}, { origin: `http://127.0.0.1:${bridge.port}` })).status).toBe(200);
    expect((await invoke('app:info', {}, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await send({ path: '/', headers: { host: 'evil.test' } })).status).toBe(403);
  });

  it('checks every payload with the channel’s schema: engine options cannot come from the page', async () => {
    const smuggled = await invoke('diagnosis:start', { runId: 'run-smuggle', server: '127.0.0.1:9', lang: 'de', dnsServers: ['203.0.113.1'] });
    expect(smuggled.status).toBe(400);
    expect(JSON.parse(smuggled.body)).toMatchObject({ error: 'invalid-payload' });
    expect((await invoke('diagnosis:cancel', { runId: 5 })).status).toBe(400);
    expect((await invoke('diagnosis:anything', {})).status).toBe(404);
    expect((await send({ method: 'POST', path: '/api/invoke/app:info', headers: { ...auth(), 'content-type': 'application/json' }, body: '{"broken' })).status).toBe(400);
    expect((await send({ method: 'POST', path: '/api/invoke/app:info', headers: { ...auth(), 'content-type': 'text/plain' }, body: '{}' })).status).toBe(415);
    expect((await send({ method: 'POST', path: '/api/invoke/app:info', headers: { ...auth(), 'content-type': 'application/json' }, body: ' '.repeat(100_000) })).status).toBe(413);
    // The page writes the clipboard itself; the bridge process has none to offer.
    expect((await invoke('clipboard:write-text', { text: 'x' })).status).toBe(501);
  });

  it('streams the events of a real run over Server-Sent Events', async () => {
    const events: DiagnosisEvent[] = [];
    const done = new Promise<void>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: bridge.port, path: '/api/events', headers: { host: `127.0.0.1:${bridge.port}`, ...auth() } }, (res) => {
        expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const name = /^event: (.+)$/m.exec(frame)?.[1];
            const data = /^data: (.+)$/m.exec(frame)?.[1];
            if (name === 'ready') {
              void invoke('diagnosis:start', { runId: 'run-sse-0001', server: '127.0.0.1:9', lang: 'en' }).then((r) => expect(JSON.parse(r.body)).toEqual({ value: { ok: true } }));
            } else if (name === 'diagnosis:event' && data) {
              const event = JSON.parse(data) as DiagnosisEvent;
              events.push(event);
              if (event.type !== 'progress') {
                req.destroy();
                resolve();
              }
            }
          }
        });
      });
      req.on('error', (e) => (events.length ? undefined : reject(e)));
      req.end();
    });
    await done;
    expect(events.at(-1)).toMatchObject({ runId: 'run-sse-0001', type: 'finished', endedEarly: null });
    expect(events.filter((e) => e.type === 'progress').length).toBeGreaterThan(0);
  });
});
