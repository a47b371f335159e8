import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { MAX_BUNDLE_FILE_BYTES } from '../../shared/bundle/bundle-limits';
import type { EventPayload, InvokeRequest, InvokeResponse } from '../../shared/ipc/api';
import type { EventChannel, InvokeChannel } from '../../shared/ipc/channels';
import { parseRequest } from '../../shared/ipc/parse-request';
import { appDefaults } from '../engine/host/app-defaults';
import { buildAppInfo } from '../engine/host/app-info';
import { createBundleExporter } from '../engine/host/bundle-export';
import { openForViewer } from '../engine/host/bundle-open';
import { WEB_CSP } from '../engine/host/content-security-policy';
import { createDiagnosisHost, type BaseEngineOptions } from '../engine/host/diagnosis-host';
import { createMonitorHost } from '../engine/host/monitor-host';
import { readStaticFile, resolveStaticPath } from '../engine/host/renderer-files';
import type { AnyProbeDefinition } from '../engine/probe';
import { createDownloadTickets } from './download-tickets';
import { receiveToFile } from './receive-file';
import { bearerToken, checkRequestOrigin, createToken, tokenMatches } from './request-guard';

/** Requests are a few hundred bytes; 64 KB leaves room for a long clipboard text and stops a flood. */
const MAX_REQUEST_BYTES = 64 * 1024;
/** A comment line this often keeps idle event streams open through anything that times them out. */
const SSE_HEARTBEAT_MS = 15_000;
/** Open event streams at once: a few tabs of one developer; more is a leak or an attack. */
const MAX_EVENT_STREAMS = 16;
/** An event stream whose reader stopped reading is dropped once this much is queued for it. */
const MAX_QUEUED_EVENT_BYTES = 8 * 1024 * 1024;
/** A request must arrive completely within this time; a slow-loris client is cut off (a 100 MB upload on loopback takes about a second). */
const REQUEST_TIMEOUT_MS = 10_000;
/** Longest file name of an uploaded bundle kept as its label; it is shown, never used as a path. */
const MAX_UPLOAD_NAME = 255;

export interface WebBridgeOptions {
  /** The built renderer (`out/renderer`). */
  rendererDir: string;
  /** 0 = any free port. The bridge binds 127.0.0.1 only. */
  port?: number;
  /** Engine options for every run; only the test mode of the command line sets them. */
  base?: BaseEngineOptions;
  testMode?: boolean;
  /** Only for tests of the bridge itself. */
  probes?: readonly AnyProbeDefinition[];
  /** Only for tests: the names "Anonymisieren" replaces besides the report's (default: this user and computer). */
  localNames?: () => { users: string[]; computers: string[] };
  /** Largest bundle upload; the reader's limit by default (tests set a small one). */
  maxUploadBytes?: number;
}

export interface WebBridge {
  /** Open this in a browser: the token travels in the fragment, which no request carries. */
  url: string;
  origin: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

type Handlers = { [C in InvokeChannel]?: (request: InvokeRequest<C>) => Promise<InvokeResponse<C>> | InvokeResponse<C> };

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'content-security-policy': WEB_CSP,
};

/**
 * The web harness: serves the built renderer and the page's typed API over HTTP and
 * Server-Sent Events, against the real engine.
 *
 * This is how the UI runs in a plain browser (development, Playwright) where no Electron binary
 * exists. It listens on 127.0.0.1 only; API requests need the random token (Bearer header), the
 * exact Host and, when the browser sends them, the bridge's own Origin and a same-origin
 * `Sec-Fetch-Site`. Payloads are checked with the same schemas as in the main process.
 *
 * The diagnostic bundle: an export is written into the bridge's own temporary folder and
 * fetched once by the page as a download (`/api/bundle/download/<ticket>`); the page never names
 * a path. The viewer uploads a bundle (`POST /api/bundle/open`, size-limited) that is read from
 * a temporary file and deleted at once.
 */
export async function startWebBridge(options: WebBridgeOptions): Promise<WebBridge> {
  const token = createToken();
  const streams = new Set<ServerResponse>();
  const host = createDiagnosisHost({
    ...(options.base ? { base: options.base } : {}),
    ...(options.probes ? { probes: options.probes } : {}),
    emit: (event) => broadcast('diagnosis:event', event),
  });
  const workDir = await mkdtemp(path.join(tmpdir(), 'od-web-bridge-'));
  // The monitor resolves and trusts like the runs: the test mode's DNS servers, CA files and hosts file.
  const monitors = createMonitorHost({
    base: {
      ...(options.base?.dnsServers ? { dnsServers: options.base.dnsServers } : {}),
      ...(options.base?.caFiles ? { caFiles: options.base.caFiles } : {}),
      ...(options.base?.hostsFile ? { hostsFile: options.base.hostsFile } : {}),
    },
    emit: (payload) => broadcast('monitor:event', payload),
    makeLogDir: () => mkdtemp(path.join(workDir, 'monitor-')),
  });
  const tickets = createDownloadTickets();
  const exporter = createBundleExporter({
    finishedRun: (runId) => host.finishedRun(runId),
    monitor: (monitorId) => monitors.exportable(monitorId),
    ...(options.localNames ? { localNames: options.localNames } : {}),
  });
  const maxUploadBytes = options.maxUploadBytes ?? MAX_BUNDLE_FILE_BYTES;
  let opening = false;
  const tempFile = (prefix: string) => path.join(workDir, `${prefix}-${randomBytes(12).toString('hex')}.zip`);

  const handlers: Handlers = {
    'app:info': () => buildAppInfo('web', options.testMode ?? false),
    'app:defaults': () => appDefaults(),
    // The browser has no app menu to translate.
    'app:set-language': () => undefined,
    'diagnosis:start': (request) => host.start(request),
    'diagnosis:cancel': (request) => host.cancel(request),
    'bundle:preview': (request) => exporter.preview(request),
    'bundle:save': async (request) => {
      if (!exporter.has(request)) return { ok: false, problem: 'no-report', message: 'no finished run or monitor with this id' };
      const fileName = exporter.suggestedName();
      const file = tempFile('bundle');
      const outcome = await exporter.write(file, request, { onEntry: (entry, index, total) => broadcast('bundle:progress', { entry, index, total }) });
      if (!outcome.ok) return outcome;
      return { ok: true, target: { kind: 'download', ticket: tickets.issue(file, fileName), fileName }, bytes: outcome.bytes, anonymized: outcome.anonymized };
    },
    'monitor:start': (request) => monitors.start(request),
    'monitor:stop': (request) => monitors.stop(request),
    'monitor:mark': (request) => monitors.mark(request),
    'monitor:state': () => monitors.state(),
    // Not served here, on purpose: `clipboard:write-text` (the clipboard belongs to the browser;
    // the web client writes it in the page), `bundle:open` (no native dialog: the page's file
    // input uploads instead), `bundle:open-file` (a path from the page is never accepted) and
    // `bundle:reveal` (a download has no folder the bridge knows). See web-bridge-client.ts.
  };

  function broadcast<C extends EventChannel>(channel: C, payload: EventPayload<C>): void {
    const frame = `event: ${channel}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const stream of streams) {
      if (stream.writableLength > MAX_QUEUED_EVENT_BYTES) {
        stream.destroy();
        streams.delete(stream);
        continue;
      }
      stream.write(frame);
    }
  }

  let port = 0;
  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: 'internal', message: error instanceof Error ? error.message : String(error) });
      else res.destroy();
    });
  });
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.headersTimeout = REQUEST_TIMEOUT_MS;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const guard = checkRequestOrigin(
      { host: req.headers.host, origin: req.headers.origin, secFetchSite: header(req, 'sec-fetch-site') },
      port,
    );
    if (!guard.ok) {
      sendJson(res, guard.status, { error: guard.reason });
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    // A download is a navigation without the Bearer header: its single-use ticket stands in for the token.
    const download = /^\/api\/bundle\/download\/([A-Za-z0-9_-]{43})$/.exec(url.pathname);
    if (download && req.method === 'GET') {
      await sendDownload(download[1]!, res);
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      if (!tokenMatches(token, bearerToken(req.headers.authorization))) {
        sendJson(res, 401, { error: 'unauthorized' });
        return;
      }
      if (url.pathname === '/api/events' && req.method === 'GET') {
        openEventStream(res);
        return;
      }
      if (url.pathname === '/api/bundle/open' && req.method === 'POST') {
        await receiveBundle(req, res);
        return;
      }
      const invoke = /^\/api\/invoke\/([a-z-]+:[a-z-]+)$/.exec(url.pathname);
      if (invoke && req.method === 'POST') {
        await handleInvoke(invoke[1]!, req, res);
        return;
      }
      sendJson(res, 404, { error: 'not-found' });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { error: 'method-not-allowed' });
      return;
    }
    const file = resolveStaticPath(options.rendererDir, url.pathname);
    const content = file ? await readStaticFile(file) : null;
    if (!content) {
      sendJson(res, 404, { error: 'not-found' });
      return;
    }
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': content.contentType, 'content-length': content.body.length });
    res.end(req.method === 'HEAD' ? undefined : content.body);
  }

  async function handleInvoke(channel: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!/^application\/json(;|$)/.test(req.headers['content-type'] ?? '')) {
      sendJson(res, 415, { error: 'unsupported-media-type' });
      return;
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    const body = declared > MAX_REQUEST_BYTES ? null : await readBody(req, MAX_REQUEST_BYTES);
    if (body === null) {
      // The rest of the body stays unread; closing the connection discards it.
      res.setHeader('connection', 'close');
      sendJson(res, 413, { error: 'too-large' });
      return;
    }
    let payload: unknown;
    try {
      payload = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      sendJson(res, 400, { error: 'invalid-json' });
      return;
    }
    const parsed = parseRequest(channel, payload);
    if (!parsed.ok) {
      sendJson(res, parsed.reason === 'unknown-channel' ? 404 : 400, { error: parsed.reason, issues: parsed.issues });
      return;
    }
    const handler = handlers[parsed.channel] as ((request: unknown) => unknown) | undefined;
    if (!handler) {
      sendJson(res, 501, { error: 'not-on-this-host' });
      return;
    }
    const value = await handler(parsed.value);
    sendJson(res, 200, value === undefined ? {} : { value });
  }

  async function sendDownload(ticket: string, res: ServerResponse): Promise<void> {
    const pending = tickets.take(ticket);
    if (!pending) {
      sendJson(res, 404, { error: 'not-found' });
      return;
    }
    try {
      const safeName = pending.fileName.replace(/[^A-Za-z0-9._-]/g, '_');
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'content-type': 'application/zip',
        'content-disposition': `attachment; filename="${safeName}"`,
      });
      await pipeline(createReadStream(pending.file), res);
    } finally {
      await rm(pending.file, { force: true });
    }
  }

  /** The viewer's upload: the bundle's bytes as the body, its name in `x-bundle-name` (a label only). */
  async function receiveBundle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!/^application\/(octet-stream|zip)(;|$)/.test(req.headers['content-type'] ?? '')) {
      sendJson(res, 415, { error: 'unsupported-media-type' });
      return;
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxUploadBytes) {
      res.setHeader('connection', 'close');
      sendJson(res, 413, { error: 'too-large', bytes: declared, limit: maxUploadBytes });
      return;
    }
    if (opening) {
      sendJson(res, 429, { error: 'busy' });
      return;
    }
    opening = true;
    const file = tempFile('upload');
    try {
      const received = await receiveToFile(req, file, maxUploadBytes);
      if (received === 'too-large') {
        res.setHeader('connection', 'close');
        sendJson(res, 413, { error: 'too-large', limit: maxUploadBytes });
        return;
      }
      sendJson(res, 200, { value: await openForViewer(file, uploadName(header(req, 'x-bundle-name'))) });
    } finally {
      opening = false;
      await rm(file, { force: true });
    }
  }

  function openEventStream(res: ServerResponse): void {
    if (streams.size >= MAX_EVENT_STREAMS) {
      sendJson(res, 429, { error: 'too-many-streams' });
      return;
    }
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive' });
    res.write('event: ready\ndata: {}\n\n');
    streams.add(res);
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), SSE_HEARTBEAT_MS);
    res.on('close', () => {
      clearInterval(heartbeat);
      streams.delete(res);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    port,
    async close() {
      await host.dispose();
      await monitors.dispose();
      await tickets.clear();
      await rm(workDir, { recursive: true, force: true });
      for (const stream of streams) stream.end();
      streams.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The uploaded file's name from its header, as a label: percent-decoded, no folders, bounded. */
function uploadName(raw: string | undefined): string {
  let name = 'bundle.zip';
  try {
    if (raw) name = decodeURIComponent(raw);
  } catch {
    // A malformed escape: the label falls back to a neutral name.
  }
  // eslint-disable-next-line no-control-regex
  return (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').slice(0, MAX_UPLOAD_NAME) || 'bundle.zip';
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...(res.getHeader('connection') ? { connection: String(res.getHeader('connection')) } : {}), ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** The request body, or null once it exceeds `limit` (the rest is not read). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
