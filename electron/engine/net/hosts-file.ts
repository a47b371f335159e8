import { open } from 'node:fs/promises';
import type { HostsFileEntry, IpFamily } from '../../../shared/model/probe-data';
import { isIP, isIPv4 } from '../../../shared/validate';

/**
 * Most bytes read of a hosts file: ad-blocking lists make real ones a few MB; beyond this it is
 * not a hosts file anyone maintains, and the run must not spend its time parsing it.
 */
export const MAX_HOSTS_FILE_BYTES = 8 * 1024 * 1024;

const READ_CHUNK_BYTES = 64 * 1024;

/** One usable line of a hosts file: an address and the names it pins. */
export interface HostsLine {
  /** 1-based, as an editor shows it. */
  line: number;
  address: string;
  family: IpFamily;
  /** Lower case, without a trailing dot. */
  names: string[];
}

export interface HostsFileContent {
  path: string;
  lines: HostsLine[];
  /** Why the file could not be read completely (missing, unreadable, cut at the size cap). */
  error?: string;
}

/**
 * Parses a hosts file the way Windows and glibc read it.
 *
 * `address name [name…]` per line, `#` starts a comment anywhere, spaces or tabs between
 * fields, CRLF or LF line ends; names compare case-insensitively. Lines whose first field is
 * not an IP address are ignored, as the resolvers do.
 */
export function parseHostsFile(text: string): HostsLine[] {
  const result: HostsLine[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  lines.forEach((raw, index) => {
    const hash = raw.indexOf('#');
    const content = hash >= 0 ? raw.slice(0, hash) : raw;
    const [address, ...names] = content.trim().split(/[ \t\f\v]+/);
    if (!address || names.length === 0 || !isIP(address)) return;
    result.push({
      line: index + 1,
      address: address.toLowerCase(),
      family: isIPv4(address) ? 4 : 6,
      names: names.map((n) => n.replace(/\.$/, '').toLowerCase()),
    });
  });
  return result;
}

/** The lines that pin `name`, in file order. */
export function hostsEntriesFor(lines: readonly HostsLine[], name: string): HostsFileEntry[] {
  const wanted = name.trim().replace(/\.$/, '').toLowerCase();
  return lines.filter((l) => l.names.includes(wanted)).map((l) => ({ address: l.address, line: l.line }));
}

/**
 * Reads and parses a hosts file, at most `MAX_HOSTS_FILE_BYTES`.
 *
 * Never throws: a missing or unreadable file is an `error` with no lines (the resolver then
 * goes straight to DNS, as the operating system does). UTF-16 with a byte order mark (Notepad's
 * "Unicode") is decoded too.
 */
export async function readHostsFile(path: string, signal?: AbortSignal): Promise<HostsFileContent> {
  let bytes: Buffer;
  let cut = false;
  try {
    signal?.throwIfAborted();
    const handle = await open(path, 'r');
    try {
      const chunks: Buffer[] = [];
      let length = 0;
      // Chunks rather than one cap-sized buffer: a normal hosts file is a few hundred bytes.
      while (length <= MAX_HOSTS_FILE_BYTES) {
        signal?.throwIfAborted();
        const chunk = Buffer.alloc(READ_CHUNK_BYTES);
        const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
        if (bytesRead === 0) break;
        chunks.push(chunk.subarray(0, bytesRead));
        length += bytesRead;
      }
      cut = length > MAX_HOSTS_FILE_BYTES;
      bytes = Buffer.concat(chunks).subarray(0, Math.min(length, MAX_HOSTS_FILE_BYTES));
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { path, lines: [], error: `cannot read the hosts file: ${code ?? (error as Error).message}` };
  }
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = bytes.subarray(2).toString('utf16le');
  else text = bytes.toString('utf8');
  let lines = parseHostsFile(text);
  if (cut) {
    // The last line may be cut in the middle; a half name must not count as a pin.
    const last = text.split(/\r\n|\n|\r/).length;
    lines = lines.filter((l) => l.line < last);
  }
  return {
    path,
    lines,
    ...(cut ? { error: `the hosts file is larger than ${MAX_HOSTS_FILE_BYTES} bytes; only the first ${MAX_HOSTS_FILE_BYTES} were read` } : {}),
  };
}
