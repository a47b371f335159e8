import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_HOSTS_FILE_BYTES, hostsEntriesFor, parseHostsFile, readHostsFile } from './hosts-file';

const SAMPLE = [
  '# Copyright (c) 1993-2009 Microsoft Corp.',
  '#',
  '#      102.54.94.97     rhino.acme.com          # source server',
  '127.0.0.1       localhost',
  '::1             localhost',
  '10.1.2.3\tMail.Contoso.com   autodiscover.contoso.com.  # pinned during migration',
  '  10.1.2.4 mail.contoso.com',
  'fe80::1%eth0 link.contoso.com',
  '2001:db8::25 mail.contoso.com',
  'not-an-ip mail.contoso.com',
  '10.9.9.9',
  '300.1.1.1 mail.contoso.com',
].join('\r\n');

describe('parseHostsFile', () => {
  it('reads addresses and names per line, with comments, tabs and CRLF', () => {
    const lines = parseHostsFile(SAMPLE);
    expect(lines.map((l) => [l.line, l.address, l.family, l.names])).toEqual([
      [4, '127.0.0.1', 4, ['localhost']],
      [5, '::1', 6, ['localhost']],
      [6, '10.1.2.3', 4, ['mail.contoso.com', 'autodiscover.contoso.com']],
      [7, '10.1.2.4', 4, ['mail.contoso.com']],
      [8, 'fe80::1%eth0', 6, ['link.contoso.com']],
      [9, '2001:db8::25', 6, ['mail.contoso.com']],
    ]);
  });

  it('finds every line of a name, case-insensitively, in file order', () => {
    const lines = parseHostsFile(SAMPLE);
    expect(hostsEntriesFor(lines, 'MAIL.contoso.com.')).toEqual([
      { address: '10.1.2.3', line: 6 },
      { address: '10.1.2.4', line: 7 },
      { address: '2001:db8::25', line: 9 },
    ]);
    expect(hostsEntriesFor(lines, 'autodiscover.contoso.com')).toEqual([{ address: '10.1.2.3', line: 6 }]);
    expect(hostsEntriesFor(lines, 'rhino.acme.com')).toEqual([]);
    expect(hostsEntriesFor(lines, 'contoso.com')).toEqual([]);
  });

  it('handles a byte order mark, LF and lone CR line ends', () => {
    const lines = parseHostsFile('\uFEFF10.0.0.1 a.test\n10.0.0.2 b.test\r10.0.0.3 c.test');
    expect(lines.map((l) => [l.line, l.names[0]])).toEqual([
      [1, 'a.test'],
      [2, 'b.test'],
      [3, 'c.test'],
    ]);
  });
});

describe('readHostsFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'od-hosts-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a file', async () => {
    const path = join(dir, 'hosts');
    await writeFile(path, SAMPLE);
    const content = await readHostsFile(path);
    expect(content.error).toBeUndefined();
    expect(content.path).toBe(path);
    expect(hostsEntriesFor(content.lines, 'link.contoso.com')).toEqual([{ address: 'fe80::1%eth0', line: 8 }]);
  });

  it('reports a missing file instead of throwing', async () => {
    const content = await readHostsFile(join(dir, 'missing'));
    expect(content.lines).toEqual([]);
    expect(content.error).toMatch(/ENOENT/);
  });

  it('decodes UTF-16 with a byte order mark (Notepad "Unicode")', async () => {
    const path = join(dir, 'hosts-utf16');
    await writeFile(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('10.0.0.7 mail.contoso.com\r\n', 'utf16le')]));
    const content = await readHostsFile(path);
    expect(hostsEntriesFor(content.lines, 'mail.contoso.com')).toEqual([{ address: '10.0.0.7', line: 1 }]);
  });

  it('reads at most the size cap and ignores the cut last line', async () => {
    const path = join(dir, 'hosts-huge');
    const line = '0.0.0.0 ads.example.test\n';
    const head = '10.0.0.8 mail.contoso.com\n';
    const filler = line.repeat(Math.ceil(MAX_HOSTS_FILE_BYTES / line.length));
    // The pin of `cut.contoso.com` starts just before the cap and ends after it.
    const body = `${head}${filler.slice(0, MAX_HOSTS_FILE_BYTES - head.length - 12)}\n10.0.0.9 cut.contoso.com\n`;
    await writeFile(path, body);
    const content = await readHostsFile(path);
    expect(content.error).toMatch(/larger than/);
    expect(hostsEntriesFor(content.lines, 'mail.contoso.com')).toHaveLength(1);
    expect(hostsEntriesFor(content.lines, 'cut.contoso.com')).toEqual([]);
    // What was read of that line is `10.0.0.9 cu`: a half name must not become a pin.
    expect(hostsEntriesFor(content.lines, 'cu')).toEqual([]);
  });
});
