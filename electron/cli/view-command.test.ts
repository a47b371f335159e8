import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleArtifacts, sampleChecklist, sampleMonitor, sampleReport } from '../../e2e/fixtures/bundle-fixture';
import { readZipEntries, writeZipEntries } from '../../e2e/support/zip-entries';
import { writeBundle } from '../engine/bundle/write-bundle';
import { main } from './main';
import { cliIo } from './testing/cli-io';

function io() {
  return cliIo();
}

let dir: string;
let bundle: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'od-cli-view-'));
  bundle = path.join(dir, 'fall-4711.zip');
  await writeBundle(bundle, { report: sampleReport(), artifacts: sampleArtifacts(), checklist: sampleChecklist(), monitor: sampleMonitor(30) }, { lang: 'de', createdAt: new Date(Date.UTC(2026, 10, 22, 13, 5)) });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('outlook-doktor view', () => {
  it('prints who made the bundle, that it is intact, the result, the answers and what else it holds', async () => {
    const t = io();
    await expect(main(['view', bundle], t.streams)).resolves.toBe(0);
    const out = t.out();
    expect(out).toMatch(/^Diagnosepaket fall-4711\.zip \(\d+,?\d* KB\)\n/);
    expect(out).toContain('Erstellt am 22.11.2026');
    expect(out).toMatch(/Prüfsummen: Alle \d+ Einträge stimmen/);
    expect(out).toContain('Ergebnis der Prüfung:');
    expect(out).toContain(sampleReport().findings[0]!.title);
    expect(out).toContain('Sitzt das Netzwerkkabel fest? → Ja');
    expect(out).toContain('Protokoll des Dauertests: 30 Zeilen');
    expect(out).toMatch(/\d+ Ausgaben von Systembefehlen im Paket \(mit --system ausgeben\)/);
    expect(out).not.toContain('=== system/');
    expect(t.err()).toBe('');
  });

  it('prints the system outputs and the monitor log on request, in English', async () => {
    const t = io();
    await expect(main(['view', '--lang', 'en', '--system', '--monitor', bundle], t.streams)).resolves.toBe(0);
    expect(t.out()).toContain('Checksums: all');
    expect(t.out()).toContain('=== system/ipconfig-all.txt ===');
    expect(t.out()).toContain('time,result,status,latencyMs');
  });

  it('opens a tampered copy but says which entries no longer match (exit 1)', async () => {
    const entries = await readZipEntries(bundle);
    entries.set('report.html', Buffer.from('<p>changed</p>'));
    const tampered = path.join(dir, 'tampered.zip');
    await writeZipEntries(tampered, entries);
    const t = io();
    await expect(main(['view', tampered], t.streams)).resolves.toBe(1);
    expect(t.out()).toMatch(/Achtung: 1 Einträge stimmen nicht mit dem Inhaltsverzeichnis überein/);
    expect(t.out()).toMatch(/ {2}report\.html: /);
  });

  it('explains a file that is no bundle (exit 2) and refuses wrong usage (exit 64)', async () => {
    const junk = path.join(dir, 'junk.zip');
    writeFileSync(junk, 'this is not a zip file at all');
    const t = io();
    await expect(main(['view', junk], t.streams)).resolves.toBe(2);
    expect(t.err()).toContain('junk.zip lässt sich nicht als Diagnosepaket öffnen:');
    expect(t.out()).toBe('');
    const missing = io();
    await expect(main(['view', path.join(dir, 'nowhere.zip')], missing.streams)).resolves.toBe(2);
    for (const args of [['view'], ['view', bundle, bundle], ['view', '--lang', 'fr', bundle], ['view', '--json', 'x', bundle]]) {
      const u = io();
      await expect(main(args, u.streams), args.join(' ')).resolves.toBe(64);
    }
  });
});
