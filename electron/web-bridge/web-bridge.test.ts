import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZipEntries } from '../../e2e/support/zip-entries';
import type { DiagnosisEvent } from '../../shared/ipc/api';
import { openBundle } from '../engine/bundle/open-bundle';
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
  bridge = await startWebBridge({ rendererDir, base, testMode: true, localNames: () => ({ users: [], computers: [] }), maxUploadBytes: 1024 * 1024 });
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
function send(options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply & { raw: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: bridge.port, method: options.method ?? 'GET', path: options.path, headers: { host: `127.0.0.1:${bridge.port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: raw.toString('utf8'), raw });
        });
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
    expect(JSON.parse(info.body)).toMatchObject({ value: { name: 'Outlook-Doktor', shell: 'web', testMode: true, capabilities: { bundleExport: true, monitor: true } } });
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

/** Runs a real diagnosis on the bridge (loopback only) and waits for its report. */
function runToEnd(runId: string): Promise<DiagnosisEvent> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: bridge.port, path: '/api/events', headers: { host: `127.0.0.1:${bridge.port}`, ...auth() } }, (res) => {
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
          if (name === 'ready') void invoke('diagnosis:start', { runId, server: '127.0.0.1:9', lang: 'de' });
          else if (name === 'diagnosis:event' && data) {
            const event = JSON.parse(data) as DiagnosisEvent;
            if (event.runId === runId && event.type !== 'progress') {
              req.destroy();
              resolve(event);
            }
          }
        }
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the diagnostic bundle over the web bridge', () => {
  const exportRequest = { runId: 'run-bundle-01', lang: 'de', anonymize: false, answers: { 'physical/scope': { choice: 'floor', done: true } } };
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'od-bridge-bundle-'));
    expect((await runToEnd('run-bundle-01')).type).toBe('finished');
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('previews the last run, and nothing for a run it does not hold', async () => {
    const preview = JSON.parse((await invoke('bundle:preview', exportRequest)).body) as { value: { ok: boolean; preview: { entries: { name: string }[] } } };
    expect(preview.value.ok).toBe(true);
    expect(preview.value.preview.entries.map((e) => e.name)).toEqual(expect.arrayContaining(['report.json', 'report.html', 'http.har', 'checklist.json', 'manifest.json', 'LIESMICH.txt']));
    expect(JSON.parse((await invoke('bundle:preview', { ...exportRequest, runId: 'run-unknown-1' })).body)).toEqual({ value: { ok: false, problem: 'no-report' } });
  });

  it('refuses a path from the page and the channels that would take one', async () => {
    expect((await invoke('bundle:save', { ...exportRequest, path: '/tmp/evil.zip' })).status).toBe(400);
    expect((await invoke('bundle:open-file', { path: '/etc/ssl/x.zip' })).status).toBe(501);
    expect((await invoke('bundle:open', {})).status).toBe(501);
    expect((await invoke('bundle:reveal', {})).status).toBe(501);
  });

  it('writes the bundle and hands it out once, by its ticket, as a download', async () => {
    const saved = JSON.parse((await invoke('bundle:save', exportRequest)).body) as { value: { ok: true; target: { kind: string; ticket: string; fileName: string }; bytes: number } };
    expect(saved.value).toMatchObject({ ok: true, target: { kind: 'download', fileName: expect.stringMatching(/^outlook-doktor-.*\.zip$/) as unknown } });
    const url = `/api/bundle/download/${saved.value.target.ticket}`;
    // A foreign Host is refused even with the ticket, and the refusal does not use it up.
    expect((await send({ path: url, headers: { host: `evil.test:${bridge.port}` } })).status).toBe(403);
    const download = await send({ path: url });
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/zip');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="${saved.value.target.fileName}"`);
    expect(download.raw.length).toBe(saved.value.bytes);
    const file = path.join(dir, 'downloaded.zip');
    await writeFile(file, download.raw);
    const opened = await openBundle(file);
    expect(opened.ok && opened.bundle.verification.status).toBe('verified');
    expect(JSON.parse((await readZipEntries(file)).get('checklist.json')!.toString('utf8'))).toMatchObject({ answers: { 'physical/scope': { choice: 'floor', done: true } } });
    // Used up; a made-up ticket gets nothing either.
    expect((await send({ path: url })).status).toBe(404);
    expect((await send({ path: `/api/bundle/download/${'A'.repeat(43)}` })).status).toBe(404);
  });

  it('opens an uploaded bundle, and answers a hostile or oversized upload clearly', async () => {
    const zip = path.join(dir, 'upload.zip');
    const saved = JSON.parse((await invoke('bundle:save', exportRequest)).body) as { value: { target: { ticket: string } } };
    await writeFile(zip, (await send({ path: `/api/bundle/download/${saved.value.target.ticket}` })).raw);
    const bytes = await readFile(zip);
    const upload = (body: Buffer | string, headers: Record<string, string> = {}) =>
      send({ method: 'POST', path: '/api/bundle/open', headers: { ...auth(), 'content-type': 'application/octet-stream', 'x-bundle-name': encodeURIComponent('../Paket von Anna.zip'), ...headers }, body });

    const opened = await upload(bytes);
    expect(opened.status).toBe(200);
    expect(JSON.parse(opened.body)).toMatchObject({ value: { ok: true, bundle: { fileName: 'Paket von Anna.zip', verification: { status: 'verified' } } } });

    const hostile = JSON.parse((await upload('<html>not a zip</html>')).body) as { value: { ok: false; error: { kind: string; message: { de: string } } } };
    expect(hostile.value).toMatchObject({ ok: false, problem: 'error', error: { kind: 'not-a-zip' } });
    expect(hostile.value.error.message.de).toBe('Die Datei ist kein Diagnosepaket (keine ZIP-Datei).');

    expect((await upload(Buffer.alloc(1024 * 1024 + 1))).status).toBe(413);
    expect((await upload(bytes, { authorization: 'Bearer nope' })).status).toBe(401);
    expect((await upload(bytes, { 'content-type': 'text/plain' })).status).toBe(415);
  });
});
