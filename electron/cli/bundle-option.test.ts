import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readZipEntries } from '../../e2e/support/zip-entries';
import { openBundle } from '../engine/bundle/open-bundle';
import { main } from './main';
import { cliIo } from './testing/cli-io';

function io(env: Record<string, string> = {}) {
  return cliIo({ env });
}

const OFFLINE = ['--server', 'mail.contoso.test', '--dns-server', '127.0.0.1:9', '--connectivity-url', 'http://127.0.0.1:9/connecttest.txt', '--no-proxy', '--timeout', '3'];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'od-cli-bundle-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('diagnose --bundle', () => {
  it('writes a bundle that opens verified, and says where', async () => {
    const target = path.join(dir, 'fall-4711.zip');
    const t = io();
    const code = await main(['diagnose', ...OFFLINE, '--bundle', target], t.streams);
    expect([0, 1, 2]).toContain(code);
    expect(t.out()).toContain(`Diagnosepaket gespeichert: ${target}`);
    const opened = await openBundle(target);
    if (!opened.ok) throw new Error(opened.error.message.en);
    expect(opened.bundle.verification.status).toBe('verified');
    expect(opened.bundle.report.input.server).toBe('mail.contoso.test');
    const names = opened.bundle.entries.map((e) => e.name);
    expect(names.filter((n) => !n.startsWith('system/'))).toEqual(['report.json', 'report.html', 'http.har', 'checklist.json', 'LIESMICH.txt', 'manifest.json']);
    // The system collectors' raw outputs reach the bundle (on Linux: ip addr, ip route, resolv.conf …).
    if (process.platform === 'linux') {
      expect(names).toEqual(expect.arrayContaining(['system/ip-addr.json', 'system/ip-route-4.json', 'system/resolv.conf.txt']));
      expect(opened.bundle.system.find((s) => s.name === 'system/ip-addr.json')?.text).toMatch(/^# Befehl \/ command: ip -j addr/);
    }
  });

  it('names the file by date and time when given a folder', async () => {
    const t = io();
    await main(['diagnose', ...OFFLINE, '--bundle', dir, '--lang', 'en'], t.streams);
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^outlook-doktor-\d{4}-\d\d-\d\d_\d\d-\d\d\.zip$/);
    expect(t.out()).toContain(`Diagnostic bundle saved: ${path.join(dir, files[0]!)}`);
  });

  it('anonymises the user, the mailbox and this computer’s name', async () => {
    const target = path.join(dir, 'anon.zip');
    const t = io({ OUTLOOK_DOKTOR_PASSWORD: 'Pw-im-Speicher-123' });
    await main(['diagnose', ...OFFLINE, '--email', 'erika.musterfrau@contoso.test', '--user', 'CONTOSO\\erika.musterfrau', '--bundle', target, '--anonymize'], t.streams);
    const entries = await readZipEntries(target);
    const hostname = os.hostname().toLowerCase();
    for (const [name, bytes] of entries) {
      const text = bytes.toString('utf8').toLowerCase();
      expect(text.includes('erika.musterfrau'), name).toBe(false);
      expect(text.includes('pw-im-speicher-123'), name).toBe(false);
      if (hostname.length >= 3) expect(new RegExp(`(?<![\\p{L}\\p{N}])${hostname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u').test(text), `${name} holds the host name`).toBe(false);
    }
    const report = JSON.parse(entries.get('report.json')!.toString('utf8')) as { input: { user: string; email: string } };
    expect(report.input).toMatchObject({ user: 'benutzer-1', email: 'postfach-1@contoso.test' });
  });

  it('still writes the bundle when the JSON report cannot be written, and exits 70', async () => {
    const target = path.join(dir, 'b.zip');
    const t = io();
    const code = await main(['diagnose', ...OFFLINE, '--json', path.join(dir, 'gone', 'r.json'), '--bundle', target], t.streams);
    expect(code).toBe(70);
    expect(t.err()).toContain(`cannot write --json ${path.join(dir, 'gone', 'r.json')}`);
    expect((await openBundle(target)).ok).toBe(true);
  });

  it.each([
    [['--bundle', '/nonexistent-od/x.zip'], '--bundle: folder /nonexistent-od does not exist'],
    [['--anonymize'], '--anonymize: needs --bundle'],
    [['--bundle', ''], '--bundle: needs a file or folder name'],
  ])('%j exits 64 before running', async (extra, message) => {
    const t = io();
    expect(await main(['diagnose', ...OFFLINE, ...extra], t.streams)).toBe(64);
    expect(t.err()).toContain(message);
  });

  it('exits 70 with a message and leaves nothing behind when the bundle cannot be written', async () => {
    // A file name the file system refuses (over 255 bytes): fails for root too, unlike a read-only folder.
    const target = path.join(dir, `${'x'.repeat(250)}.zip`);
    const t = io();
    const code = await main(['diagnose', ...OFFLINE, '--bundle', target], t.streams);
    expect(code).toBe(70);
    expect(t.err()).toMatch(/cannot write --bundle .*ENAMETOOLONG/);
    expect(t.out()).not.toContain('Diagnosepaket gespeichert');
    expect(readdirSync(dir)).toEqual([]);
  });
});
