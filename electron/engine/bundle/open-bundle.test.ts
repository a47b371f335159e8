import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { sampleArtifacts, sampleChecklist, sampleMonitor, sampleReport } from '../../../e2e/fixtures/bundle-fixture';
import { deflatedEntry, rawZip, storedEntry, zeroBomb } from '../../../e2e/fixtures/raw-zip';
import { readZipEntries } from '../../../e2e/support/zip-entries';
import type { BundleOpenErrorKind, OpenBundleResult } from '../../../shared/bundle/open-bundle-result';
import { openBundle } from './open-bundle';
import { writeBundle } from './write-bundle';

let root: string;
let dir: string;
beforeEach(() => {
  // The bundle lies two folders deep, so an entry named ../../x would land inside `root`, where we look.
  root = mkdtempSync(path.join(os.tmpdir(), 'od-open-'));
  dir = path.join(root, 'a', 'b');
  mkdirSync(dir, { recursive: true });
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function listTree(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort();
}

async function goodBundle(name = 'good.zip'): Promise<string> {
  const target = path.join(dir, name);
  await writeBundle(target, { report: sampleReport(), checklist: sampleChecklist(), artifacts: sampleArtifacts(), monitor: sampleMonitor(60) }, { createdAt: new Date('2026-11-22T09:30:00Z') });
  return target;
}

/** Re-zips a good bundle's entries after `change`, as someone editing a bundle by hand would. */
async function tampered(change: (entries: Map<string, Buffer>) => void): Promise<string> {
  const entries = await readZipEntries(await goodBundle('source.zip'));
  change(entries);
  const zip = new yazl.ZipFile();
  for (const [name, bytes] of entries) zip.addBuffer(bytes, name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  const target = path.join(dir, 'tampered.zip');
  writeFileSync(target, Buffer.concat(chunks));
  return target;
}

function expectError(result: OpenBundleResult, kind: BundleOpenErrorKind): { de: string; en: string } {
  if (result.ok) throw new Error(`expected ${kind}, got a bundle`);
  expect(result.error.kind).toBe(kind);
  expect(result.error.message.de.length).toBeGreaterThan(20);
  expect(result.error.message.en.length).toBeGreaterThan(20);
  expect(result.error.message.de).not.toMatch(/\{\{|bundle\/openError/);
  expect(result.error.message.en).not.toMatch(/\{\{|bundle\/openError/);
  return result.error.message;
}

function minimalReport() {
  return JSON.stringify(sampleReport());
}

describe('openBundle', () => {
  it('opens a bundle it wrote, verified, with report, checklist, system outputs, monitor log and HAR', async () => {
    const file = await goodBundle();
    const result = await openBundle(file);
    if (!result.ok) throw new Error(result.error.message.en);
    const b = result.bundle;
    expect(b.verification).toEqual({ status: 'verified', problems: [] });
    expect(b.report.verdict).toBe('problem');
    expect(b.report.probes).toHaveLength(sampleReport().probes.length);
    expect(Object.keys(b.checklist!.answers)).toHaveLength(3);
    expect(b.system.map((s) => s.name)).toEqual(['system/ipconfig-all.txt', 'system/klist.txt', 'system/curl-verbose.txt', 'system/name-.txt']);
    expect(b.system[1]!.text).toContain('Cached Tickets');
    expect(b.monitorCsv!.split('\r\n').filter(Boolean)).toHaveLength(61);
    expect(b.har).toEqual({ entries: 8 });
    expect(b.origin).toEqual({ toolVersion: '0.0.0-test', createdAt: '2026-11-22T09:30:00.000Z', anonymized: false });
    expect(b.entries.every((e) => e.status === 'verified')).toBe(true);
    expect(b.fileBytes).toBe(statSync(file).size);
    expect(listTree(root)).toEqual(['a', 'a/b', 'a/b/good.zip']);
  });

  it('shows checksum and size mismatches per entry instead of hiding them', async () => {
    const file = await tampered((entries) => {
      const report = entries.get('report.json')!.toString('utf8');
      entries.set('report.json', Buffer.from(report.replace('"verdict": "problem"', '"verdict": "warning"'), 'utf8'));
      entries.set('checklist.json', Buffer.from(entries.get('checklist.json')!.toString('utf8').replace('"done": true', '"done": false '), 'utf8'));
      entries.delete('system/klist.txt');
      entries.set('system/extra.txt', Buffer.from('added later'));
    });
    const result = await openBundle(file);
    if (!result.ok) throw new Error(result.error.message.en);
    const { verification, entries, report } = result.bundle;
    expect(report.verdict).toBe('warning');
    expect(verification.status).toBe('problems');
    expect(verification.problems.map((p) => [p.entry, p.kind])).toEqual([
      ['report.json', 'checksum-mismatch'],
      ['system/klist.txt', 'missing'],
      ['checklist.json', 'size-mismatch'],
      ['system/extra.txt', 'unlisted'],
    ]);
    expect(verification.problems[0]!.message.de).toContain('report.json');
    expect(entries.find((e) => e.name === 'report.json')!.status).toBe('mismatch');
    expect(entries.find((e) => e.name === 'system/extra.txt')!.status).toBe('unlisted');
    expect(entries.find((e) => e.name === 'http.har')!.status).toBe('verified');
  });

  it('rejects a zip bomb whose header lies, stopping at the declared size', async () => {
    const file = path.join(dir, 'bomb.zip');
    // 256 × 16 MiB = 4 GiB of zeros in about 4 MB, declared as 1 KB.
    writeFileSync(file, rawZip([deflatedEntry('report.json', minimalReport()), zeroBomb('system/bomb.txt', 256, 1024)]));
    expect(statSync(file).size).toBeLessThan(8 * 1024 * 1024);
    const started = Date.now();
    const message = expectError(await openBundle(file), 'entry-too-large');
    expect(message.de).toContain('system/bomb.txt');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(listTree(root)).toEqual(['a', 'a/b', 'a/b/bomb.zip']);
  });

  it('rejects a zip bomb that declares its size, before inflating it', async () => {
    const file = path.join(dir, 'bomb.zip');
    writeFileSync(file, rawZip([deflatedEntry('report.json', minimalReport()), zeroBomb('monitor.csv', 255, 0xfffffffe)]));
    const message = expectError(await openBundle(file), 'entry-too-large');
    expect(message.en).toContain('monitor.csv');
  });

  it('counts inflated bytes against the total limit, whatever the headers say', async () => {
    const file = path.join(dir, 'many.zip');
    const block = Buffer.alloc(3 * 1024 * 1024, 0x41);
    writeFileSync(file, rawZip([deflatedEntry('report.json', minimalReport()), ...['a', 'b', 'c', 'd'].map((n) => deflatedEntry(`system/${n}.txt`, block))]));
    expectError(await openBundle(file, { limits: { maxEntryBytes: 4 * 1024 * 1024, maxTotalBytes: 8 * 1024 * 1024 } }), 'content-too-large');
  });

  it.each([
    ['../../evil.txt', 'parent folder'],
    ['system/../../../evil.txt', 'parent folder'],
    ['/tmp/od-evil.txt', 'absolute path'],
    ['C:/Windows/System32/evil.dll', 'drive letter'],
    ['system\\..\\..\\evil.txt', 'backslash'],
  ])('rejects the entry name %j and writes nothing', async (name, reason) => {
    const file = path.join(dir, 'evil.zip');
    writeFileSync(file, rawZip([storedEntry('report.json', minimalReport()), storedEntry(name, 'owned')]));
    const message = expectError(await openBundle(file), 'unsafe-entry-name');
    expect(message.en).toContain(reason);
    expect(listTree(root)).toEqual(['a', 'a/b', 'a/b/evil.zip']);
    expect(() => statSync('/tmp/od-evil.txt')).toThrow();
  });

  it('rejects a duplicated entry (which copy would be shown?)', async () => {
    const file = path.join(dir, 'dup.zip');
    writeFileSync(file, rawZip([storedEntry('report.json', minimalReport()), storedEntry('report.json', '{}')]));
    expectError(await openBundle(file), 'duplicate-entry');
  });

  it('refuses encrypted entries and unknown compression methods', async () => {
    const encrypted = path.join(dir, 'enc.zip');
    writeFileSync(encrypted, rawZip([storedEntry('report.json', minimalReport()), { ...deflatedEntry('checklist.json', '{}'), flags: 1 }]));
    expect(expectError(await openBundle(encrypted), 'unsupported-entry').de).toContain('checklist.json');
    const bzip = path.join(dir, 'bzip.zip');
    writeFileSync(bzip, rawZip([{ ...storedEntry('report.json', minimalReport()), method: 12 as 0 }]));
    expectError(await openBundle(bzip), 'unsupported-entry');
    // A stored entry whose sizes disagree: the table of contents itself is broken.
    const broken = path.join(dir, 'broken.zip');
    writeFileSync(broken, rawZip([storedEntry('report.json', minimalReport()), { ...storedEntry('checklist.json', '{}'), uncompressedSize: 99 }]));
    expect(expectError(await openBundle(broken), 'corrupt').de).toMatch(/^Das Inhaltsverzeichnis der ZIP-Datei ist beschädigt: compressed\/uncompressed size mismatch/);
  });

  it('lists entries that are not ours without reading them', async () => {
    const file = path.join(dir, 'extra.zip');
    writeFileSync(file, rawZip([storedEntry('report.json', minimalReport()), zeroBomb('payload.exe', 64, 1024)]));
    const result = await openBundle(file);
    if (!result.ok) throw new Error(result.error.message.en);
    expect(result.bundle.entries.find((e) => e.name === 'payload.exe')).toEqual({ name: 'payload.exe', bytes: 1024, status: 'skipped' });
    expect(result.bundle.verification.status).toBe('no-manifest');
    expect(result.bundle.verification.problems.map((p) => p.kind)).toEqual(['unexpected']);
  });

  it('says a cut-off file is truncated and a text file is not a bundle', async () => {
    const good = readFileSync(await goodBundle());
    for (const length of [Math.floor(good.length / 2), good.length - 10]) {
      const cut = path.join(dir, `cut-${length}.zip`);
      writeFileSync(cut, good.subarray(0, length));
      expectError(await openBundle(cut), 'truncated');
    }
    const text = path.join(dir, 'notes.zip');
    writeFileSync(text, 'this is not a zip file at all');
    expectError(await openBundle(text), 'not-a-zip');
    expectError(await openBundle(path.join(dir, 'missing.zip')), 'not-found');
  });

  it('rejects files and entry counts over the limits', async () => {
    const file = await goodBundle();
    expectError(await openBundle(file, { limits: { maxFileBytes: 1000 } }), 'too-large');
    expectError(await openBundle(file, { limits: { maxEntries: 5 } }), 'too-many-entries');
  });

  it('names invalid JSON, a report that is not one, a missing report and a missing manifest', async () => {
    expect(expectError(await openBundle(await tampered((e) => e.set('report.json', Buffer.from('{"schemaVersion": 1, ')))), 'invalid-json').de).toContain('report.json');
    expect(expectError(await openBundle(await tampered((e) => e.set('manifest.json', Buffer.from('<xml/>')))), 'invalid-json').en).toContain('manifest.json');
    const notAReport = await tampered((e) => e.set('report.json', Buffer.from(JSON.stringify({ ...sampleReport(), verdict: 'fine', sections: [] }))));
    expect(expectError(await openBundle(notAReport), 'invalid-report').en).toMatch(/verdict/);
    expectError(await openBundle(await tampered((e) => e.delete('report.json'))), 'missing-report');
    const noManifest = await openBundle(await tampered((e) => e.delete('manifest.json')));
    expect(noManifest.ok && noManifest.bundle.verification.status).toBe('no-manifest');
    expect(noManifest.ok && noManifest.bundle.origin.anonymized).toBe(null);
    const badChecklist = await openBundle(await tampered((e) => e.set('checklist.json', Buffer.from('{"version": 9}'))));
    expect(badChecklist.ok && badChecklist.bundle.checklist).toBe(null);
    expect(badChecklist.ok && badChecklist.bundle.verification.problems.map((p) => [p.entry, p.kind])).toContainEqual(['checklist.json', 'unreadable']);
  });

  it('answers a newer report or bundle format with a clear message', async () => {
    const newerReport = await tampered((e) => e.set('report.json', Buffer.from(JSON.stringify({ ...sampleReport(), schemaVersion: 2, tool: { name: 'outlook-doktor', version: '3.1.0' } }))));
    const message = expectError(await openBundle(newerReport), 'newer-version');
    expect(message.de).toBe(
      'Dieses Paket stammt von einer neueren Version von Outlook-Doktor (3.1.0, Berichtsformat 2); diese Version kann nur Berichtsformat 1 lesen. Bitte aktualisieren Sie Outlook-Doktor.',
    );
    expect(message.en).toContain('report format 2');
    const newerBundle = await tampered((e) => {
      const manifest = JSON.parse(e.get('manifest.json')!.toString('utf8')) as Record<string, unknown>;
      e.set('manifest.json', Buffer.from(JSON.stringify({ ...manifest, formatVersion: 2 })));
    });
    expect(expectError(await openBundle(newerBundle), 'newer-version').de).toContain('Paketformat 2');
  });
});
