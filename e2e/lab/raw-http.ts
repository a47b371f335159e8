import type { Socket } from 'node:net';

/**
 * A minimal HTTP/1.1 server loop over any socket, for lab servers.
 *
 * Node's own HTTP server cannot stand in for Exchange here: its parser rejects methods it does
 * not know (RPC_IN_DATA, RPC_OUT_DATA), and a lab must be able to send broken or oversized
 * headers, hold a request without answering, or stream a body that never ends. This loop parses
 * requests with Content-Length bodies (what the probes send) and hands the handler a responder
 * that can do all of that. Requests on one connection are answered in order.
 */

/** Request head bytes accepted by the lab before it answers 431 and closes. */
const MAX_REQUEST_HEAD_BYTES = 64 * 1024;
/** Request body bytes accepted; the probes send a few hundred bytes at most. */
const MAX_REQUEST_BODY_BYTES = 1024 * 1024;

export interface RawRequest {
  method: string;
  /** Request target as sent (path and query). */
  target: string;
  path: string;
  version: string;
  /** As received, duplicates kept. */
  headers: [string, string][];
  body: Buffer;
}

export interface RawResponder {
  /** Sends a complete response with Content-Length; the connection then serves the next request. */
  send(status: number, statusText: string, headers: [string, string][], body?: string | Buffer): void;
  /**
   * Sends a captured response as it was: the status line verbatim (`HTTP/1.1 400` has no reason
   * phrase), the headers in their order with duplicates, Content-Length set to the body sent
   * (any recorded one is replaced), and the connection closed when the headers say
   * `Connection: close`.
   */
  replay(statusLine: string, headers: [string, string][], body: string | Buffer): void;
  /** Writes bytes as they are (for broken answers); the handler decides when to end. */
  writeRaw(data: string | Buffer): boolean;
  /** Closes the connection after what was written. */
  end(): void;
  /** Drops the connection. */
  destroy(): void;
  /** Nothing more will be sent on this request; the socket stays open until the client or the lab closes it. */
  hold(): void;
  /** HTTP version of the status line `send` writes (default 1.1; 1.0 also closes the connection). */
  version: '1.0' | '1.1';
  readonly socket: Socket;
}

export type RawHandler = (request: RawRequest, respond: RawResponder) => void;

export function headerOf(request: RawRequest, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return request.headers.find(([n]) => n.toLowerCase() === wanted)?.[1];
}

/** Runs the request loop on a connected socket until it closes. */
export function serveRawHttp(socket: Socket, handler: RawHandler): void {
  let buffer = Buffer.alloc(0);
  let busy = false;
  socket.on('error', () => socket.destroy());

  const next = () => {
    if (busy || socket.destroyed) return;
    const headEnd = buffer.indexOf('\r\n\r\n');
    if (headEnd < 0) {
      if (buffer.length > MAX_REQUEST_HEAD_BYTES) {
        socket.end('HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      }
      return;
    }
    const head = buffer.subarray(0, headEnd).toString('latin1');
    const [requestLine = '', ...lines] = head.split('\r\n');
    const match = /^(\S+) (\S+) HTTP\/(\d\.\d)$/.exec(requestLine);
    if (!match) {
      socket.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    const headers: [string, string][] = [];
    for (const line of lines) {
      const colon = line.indexOf(':');
      if (colon > 0) headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
    const request: RawRequest = { method: match[1]!, target: match[2]!, path: match[2]!.split('?')[0]!, version: match[3]!, headers, body: Buffer.alloc(0) };
    if (headerOf(request, 'transfer-encoding')) {
      socket.end('HTTP/1.1 501 Not Implemented\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    const length = Number(headerOf(request, 'content-length') ?? '0');
    if (!Number.isInteger(length) || length < 0 || length > MAX_REQUEST_BODY_BYTES) {
      socket.end('HTTP/1.1 413 Content Too Large\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    if (buffer.length < headEnd + 4 + length) return;
    request.body = Buffer.from(buffer.subarray(headEnd + 4, headEnd + 4 + length));
    buffer = buffer.subarray(headEnd + 4 + length);
    busy = true;
    const keepAlive = request.version === '1.1' && headerOf(request, 'connection')?.toLowerCase() !== 'close';

    let answered = false;
    /** Writes a complete response (headers as given, Content-Length among them) and serves the next request or closes. */
    const write = (statusLine: string, responseHeaders: [string, string][], payload: Buffer, close: boolean) => {
      if (answered || socket.destroyed) return;
      answered = true;
      socket.write(`${[statusLine, ...responseHeaders.map(([n, v]) => `${n}: ${v}`)].join('\r\n')}\r\n\r\n`, 'latin1');
      if (payload.length) socket.write(payload);
      if (close) {
        socket.end();
        return;
      }
      busy = false;
      setImmediate(next);
    };
    const bytesOf = (body: string | Buffer | undefined) => (body === undefined ? Buffer.alloc(0) : typeof body === 'string' ? Buffer.from(body, 'utf8') : body);
    const responder: RawResponder = {
      socket,
      version: '1.1',
      send(status, statusText, responseHeaders, body) {
        const payload = bytesOf(body);
        const close = !keepAlive || responder.version === '1.0';
        const headers: [string, string][] = [...responseHeaders, ['Content-Length', String(payload.length)], ...(close ? ([['Connection', 'close']] as [string, string][]) : [])];
        write(`HTTP/${responder.version} ${status} ${statusText}`, headers, payload, close);
      },
      replay(statusLine, responseHeaders, body) {
        const payload = bytesOf(body);
        const length = String(payload.length);
        const headers = responseHeaders.map(([n, v]): [string, string] => [n, n.toLowerCase() === 'content-length' ? length : v]);
        if (!headers.some(([n]) => n.toLowerCase() === 'content-length')) headers.push(['Content-Length', length]);
        const close = !keepAlive || headers.some(([n, v]) => n.toLowerCase() === 'connection' && v.toLowerCase() === 'close');
        write(statusLine, headers, payload, close);
      },
      writeRaw(data) {
        answered = true;
        return socket.destroyed ? false : socket.write(data);
      },
      end() {
        answered = true;
        socket.end();
      },
      destroy() {
        answered = true;
        socket.destroy();
      },
      hold() {
        answered = true;
      },
    };
    try {
      handler(request, responder);
    } catch {
      socket.destroy();
    }
  };

  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    next();
  });
}
