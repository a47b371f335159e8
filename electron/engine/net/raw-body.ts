import type { Duplex } from 'node:stream';

/**
 * Reads an HTTP message body straight from a socket, up to a cap.
 *
 * Node hands the socket over right after the headers for every answer to CONNECT (it treats
 * them like an upgrade), so a proxy's refusal page has to be read by hand: by Content-Length,
 * chunked, or until the proxy closes the connection. Stops at the cap, at an idle gap and on
 * the signal; never throws. Only for the short pages proxies answer a refused CONNECT with.
 */

export interface RawBody {
  data: Buffer;
  /** Body bytes seen (decoded from chunks), possibly more than kept. */
  bytes: number;
  truncated: boolean;
}

export interface RawBodyOptions {
  /** Bytes after the headers that Node already read. */
  head: Buffer;
  contentLength?: number;
  chunked: boolean;
  maxBytes: number;
  idleMs: number;
  signal: AbortSignal;
}

export function readRawBody(socket: Duplex, options: RawBodyOptions): Promise<RawBody> {
  return new Promise((resolve) => {
    const kept: Buffer[] = [];
    let keptBytes = 0;
    let bytes = 0;
    let truncated = false;
    let done = false;
    // Chunked decoding state: bytes of the current chunk still to come, or reading a size line.
    let pending: Buffer = Buffer.alloc(0);
    let chunkLeft = 0;

    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(idle);
      options.signal.removeEventListener('abort', finish);
      socket.off('data', onData);
      socket.off('end', finish);
      socket.off('close', finish);
      socket.off('error', finish);
      resolve({ data: Buffer.concat(kept), bytes, truncated });
    };
    const take = (data: Buffer) => {
      bytes += data.length;
      const room = options.maxBytes - keptBytes;
      if (room > 0) {
        kept.push(data.subarray(0, room));
        keptBytes += Math.min(room, data.length);
      }
      if (bytes > options.maxBytes) {
        truncated = true;
        finish();
      }
    };
    const onChunked = (data: Buffer) => {
      pending = pending.length ? Buffer.concat([pending, data]) : data;
      while (!done && pending.length > 0) {
        if (chunkLeft > 0) {
          const part = pending.subarray(0, chunkLeft);
          take(part);
          chunkLeft -= part.length;
          pending = pending.subarray(part.length);
          // The CRLF after the chunk data is skipped with the next size line.
          continue;
        }
        const lineEnd = pending.indexOf('\r\n');
        if (lineEnd < 0) {
          // A size line longer than this is not HTTP: stop rather than buffer it.
          if (pending.length > 1024) finish();
          return;
        }
        const line = pending.subarray(0, lineEnd).toString('latin1').trim();
        pending = pending.subarray(lineEnd + 2);
        if (line === '') continue;
        const size = Number.parseInt(line.split(';')[0]!, 16);
        if (!Number.isFinite(size) || size < 0) return finish();
        if (size === 0) return finish();
        chunkLeft = size;
      }
    };
    const onData = (data: Buffer) => {
      if (done) return;
      idle.refresh();
      if (options.chunked) onChunked(data);
      else if (options.contentLength !== undefined) {
        take(data.subarray(0, Math.max(0, options.contentLength - bytes)));
        if (bytes >= options.contentLength) finish();
      } else take(data);
    };

    const idle = setTimeout(finish, options.idleMs);
    if (options.signal.aborted || options.contentLength === 0) {
      finish();
      return;
    }
    options.signal.addEventListener('abort', finish, { once: true });
    socket.on('data', onData);
    socket.once('end', finish);
    socket.once('close', finish);
    socket.once('error', finish);
    if (options.head.length > 0) onData(options.head);
    socket.resume();
  });
}
