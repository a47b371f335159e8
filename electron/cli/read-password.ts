/** Longest password line accepted from standard input; a longer stream is not a password. */
const MAX_PASSWORD_BYTES = 4096;

/**
 * Reads one line from standard input as the password (`--password-stdin`).
 *
 * The value stays in memory; it is never echoed, logged or written anywhere.
 */
export async function readPassword(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    chunks.push(buffer);
    size += buffer.length;
    if (buffer.includes(0x0a) || size > MAX_PASSWORD_BYTES) break;
  }
  const text = Buffer.concat(chunks).toString('utf8');
  const line = text.split(/\r?\n/)[0] ?? '';
  return line.slice(0, MAX_PASSWORD_BYTES);
}
