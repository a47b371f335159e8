import iconv from 'iconv-lite';

/**
 * The OEM code page a German Windows console uses by default.
 *
 * Console tools (ipconfig, route, netsh, klist, reg) write to a pipe in the console's output code
 * page, which defaults to the system's OEM code page: 850 in Western Europe ("Primäres" arrives as
 * `Prim\x84res`). Used when the real one cannot be read.
 */
export const DEFAULT_OEM_CODE_PAGE = 850;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes the bytes a command printed.
 *
 * `utf8`: programs that write UTF-8 (Linux/macOS tools, our PowerShell script). `console`: Windows
 * console output: UTF-16LE when it starts with a byte order mark, UTF-8 when the bytes are valid
 * UTF-8 (a console switched to code page 65001, or pure ASCII, which both read the same),
 * otherwise the OEM code page. Never throws: unknown code pages fall back to 850.
 */
export function decodeOutput(bytes: Buffer, encoding: 'utf8' | 'console', oemCodePage: number = DEFAULT_OEM_CODE_PAGE): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  if (encoding === 'utf8') return bytes.toString('utf8');
  try {
    return strictUtf8.decode(bytes);
  } catch {
    const codePage = `cp${oemCodePage}`;
    return iconv.decode(bytes, iconv.encodingExists(codePage) ? codePage : `cp${DEFAULT_OEM_CODE_PAGE}`);
  }
}

/**
 * Longest line a parser looks at. No line of the collected tools comes near it (registry
 * binaries of profile values are a few hundred characters); it bounds the work of the line
 * patterns on corrupted or hostile output.
 */
export const MAX_LINE_CHARS = 16 * 1024;

/** Lines of a command's text: CRLF, CR and LF all end a line; trailing blanks are dropped. */
export function textLines(text: string): string[] {
  return text.split(/\r*\n|\r/).map((line) => (line.length > MAX_LINE_CHARS ? line.slice(0, MAX_LINE_CHARS) : line).trimEnd());
}
