import { open, type FileHandle } from 'node:fs/promises';
import { MONITOR_CSV_HEADER } from '../../../shared/monitor/monitor-csv';

/**
 * The monitor log file: CSV lines streamed to disk as they come.
 *
 * The file is created (or emptied) when the monitor starts, so a wrong path fails at once, not
 * after hours. Lines are gathered and written together at most CSV_FLUSH_MS later (one write a
 * second instead of ten costs a tenth of the CPU; a crash loses at most that second). A write
 * error stops the log but not the monitor; it is reported at the end. The same file is the
 * source of `monitor.csv` in the bundle (`readTail`), so an 8-hour run exports its full log,
 * not just what fits in memory.
 */

/** Longest time a line waits in memory before it is written. */
export const CSV_FLUSH_MS = 1_000;
/** Lines gathered beyond this many characters are written at once. */
const MAX_PENDING_CHARS = 64 * 1024;

export class CsvLog {
  private error: Error | null = null;
  private closed = false;
  private bytes = 0;
  private pending: string[] = [];
  private pendingChars = 0;
  private timer: NodeJS.Timeout | undefined;
  /** Writes run one after another, in order. */
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
  ) {}

  /** Creates or empties the file and writes the header; rejects when that is impossible. */
  static async create(path: string): Promise<CsvLog> {
    const handle = await open(path, 'w', 0o644);
    try {
      await handle.write(MONITOR_CSV_HEADER);
    } catch (error) {
      await handle.close().catch(() => undefined);
      throw error;
    }
    const log = new CsvLog(path, handle);
    log.bytes = Buffer.byteLength(MONITOR_CSV_HEADER);
    return log;
  }

  /** The first write error, if writing failed. */
  get failure(): Error | null {
    return this.error;
  }

  /** Bytes handed to the log so far (header included). */
  get size(): number {
    return this.bytes;
  }

  write(line: string): void {
    if (this.closed || this.error) return;
    this.bytes += Buffer.byteLength(line);
    this.pending.push(line);
    this.pendingChars += line.length;
    if (this.pendingChars >= MAX_PENDING_CHARS) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), CSV_FLUSH_MS).unref();
  }

  /** Resolves when everything written so far is in the file. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length > 0 && !this.error) {
      const text = this.pending.join('');
      this.pending = [];
      this.pendingChars = 0;
      this.writing = this.writing.then(async () => {
        if (this.error) return;
        try {
          await this.handle.write(text);
        } catch (error) {
          this.error = error as Error;
        }
      });
    }
    return this.writing;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.flush();
    this.closed = true;
    await this.handle.close().catch((error: Error) => {
      this.error ??= error;
    });
  }

  /**
   * The log for the bundle: the whole file when it fits in `maxBytes`, else the header and the
   * newest lines that do (whole lines only), with how many bytes were left out.
   */
  async readTail(maxBytes: number): Promise<{ text: string; omittedBytes: number }> {
    await this.flush();
    const reader = await open(this.path, 'r');
    try {
      const size = (await reader.stat()).size;
      const header = Buffer.byteLength(MONITOR_CSV_HEADER);
      if (size <= maxBytes) return { text: (await reader.readFile()).toString('utf8'), omittedBytes: 0 };
      const take = Math.max(0, maxBytes - header);
      const buffer = Buffer.alloc(take);
      const { bytesRead } = await reader.read(buffer, 0, take, size - take);
      const text = buffer.subarray(0, bytesRead).toString('utf8');
      const firstBreak = text.indexOf('\n');
      const body = firstBreak >= 0 ? text.slice(firstBreak + 1) : '';
      return { text: `${MONITOR_CSV_HEADER}${body}`, omittedBytes: size - header - Buffer.byteLength(body) };
    } finally {
      await reader.close();
    }
  }
}
