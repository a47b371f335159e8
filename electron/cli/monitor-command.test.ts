import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { reportSchema } from '../../shared/report/report-schema';
import { startLabDnsServer, type LabDnsServer } from '../../e2e/lab/dns-server';
import { startFlappingExchange, type FlapStep, type FlappingLab } from '../../e2e/lab/flapping-exchange';
import { openBundle } from '../engine/bundle/open-bundle';
import { main } from './main';
import { cliIo } from './testing/cli-io';

function io(options: { signal?: AbortSignal } = {}) {
  return cliIo({ stdin: null, ...options });
}

let dns: LabDnsServer;
let dir: string;
const labs: FlappingLab[] = [];

beforeAll(async () => {
  dns = await startLabDnsServer({ zone: { 'mail.contoso.test': ['127.0.0.1'] } });
});
afterAll(async () => {
  await dns.close();
});
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'od-cli-monitor-'));
});
afterEach(async () => {
  for (const lab of labs.splice(0)) await lab.close();
  rmSync(dir, { recursive: true, force: true });
});

async function lab(pattern: FlapStep[]): Promise<string[]> {
  const started = await startFlappingExchange({ pattern });
  labs.push(started);
  return ['--server', `mail.contoso.test:${started.port}`, '--dns-server', dns.address];
}

/** The rows of marks in the output (lines led by a time). */
const rowsOf = (text: string) => text.split('\n').filter((l) => /^\d\d:\d\d:\d\d [.E\- ]+$/.test(l));

describe('outlook-doktor monitor', () => {
  it('prints a mark per request, 60 to a row, events on their own lines, a summary, and writes the CSV log', async () => {
    // Ticks 20–24 fail: one outage of five requests.
    const server = await lab([...Array<FlapStep>(20).fill('ok'), ...Array<FlapStep>(5).fill('no-challenge')]);
    const csv = path.join(dir, 'dauertest.csv');
    const t = io();
    // 0.2 s: each request's deadline (0.18 s) holds the first, cold TLS handshake on a loaded 2-core machine.
    const running = main(['monitor', ...server, '--interval', '0.2', '--duration', '13', '--keep-alive', '--csv', csv], t.streams);
    setTimeout(() => t.stdin.write('Outlook zeigt Getrennt\n'), 1_000);
    const code = await running;

    expect(code).toBe(1);
    const out = t.out();
    expect(out).toContain('Dauertest: POST https://mail.contoso.test:');
    expect(out).toContain('» mail.contoso.test hat die Adressen 127.0.0.1');
    expect(out).toContain('» Markierung 1: Problem ist gerade aufgetreten – Outlook zeigt Getrennt');
    const rows = rowsOf(out);
    const marks = rows.map((r) => r.slice(9).replace(/ /g, '')).join('');
    expect(marks).toHaveLength(65);
    for (const row of rows) expect(row.length).toBeLessThanOrEqual(9 + 60);
    // Rows after a message continue where they were: the longest printed row reaches column 60.
    expect(Math.max(...rows.map((r) => r.length))).toBe(69);
    expect(marks.replace(/-/g, '').slice(20, 25)).toBe('EEEEE');
    expect(out).toMatch(/Ergebnis des Dauertests\n {2}Dauer: [\d,]+ s, \d+ Anfragen \(alle 0,2 s\)/);
    expect(out).toContain('Ohne Aufforderung oder Fehler: 5');
    expect(out).toMatch(/Ausfälle: 1, zusammen [\d,]+ s; der längste dauerte [\d,]+ s \(5 Anfragen\) ab \d\d:\d\d:\d\d/);
    expect(out).toMatch(/Antwortzeit: Median [\d,]+ ms, 90 % unter [\d,]+ ms, 99 % unter [\d,]+ ms, längste [\d,]+ ms/);
    expect(out).toContain('Markierungen: 1');
    expect(out).toContain(`Protokoll: ${csv}`);

    const lines = readFileSync(csv, 'utf8').split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('time,seq,type,result,address,status,methods,dnsMs,connectMs,tlsMs,ttfbMs,totalMs,connection,certificate,error,detail');
    const samples = lines.filter((l) => l.split(',')[2] === 'sample');
    expect(samples).toHaveLength(65);
    expect(samples.filter((l) => l.split(',')[3] === 'no-challenge')).toHaveLength(5);
    expect(lines.some((l) => /,marker,marker 1,.*Outlook zeigt Getrennt$/.test(l))).toBe(true);
  });

  it('exits 0 when every request got a challenge, in English on request', async () => {
    const server = await lab([]);
    const t = io();
    expect(await main(['monitor', ...server, '--interval', '0.4', '--duration', '1.6', '--lang', 'en'], t.streams)).toBe(0);
    expect(rowsOf(t.out())).toEqual([expect.stringMatching(/^\d\d:\d\d:\d\d \.\.\.\.$/)]);
    expect(t.out()).toContain('With a challenge: 4 (100 %)');
    expect(t.out()).toContain('Outages: none');
    expect(t.err()).toBe('');
  });

  it('exits 2 when no request got a challenge (nothing listens)', async () => {
    const t = io();
    const code = await main(['monitor', '--server', '127.0.0.1:9', '--interval', '0.25', '--duration', '0.75'], t.streams);
    expect(code).toBe(2);
    expect(rowsOf(t.out())[0]).toMatch(/ EEE$/);
    expect(t.out()).toContain('Fehlerarten: Verbindung abgelehnt 3');
  });

  it('ends with the summary on Ctrl+C (the abort signal) and counts what was measured', async () => {
    const server = await lab([]);
    const controller = new AbortController();
    const t = io({ signal: controller.signal });
    const running = main(['monitor', ...server, '--interval', '0.4'], t.streams);
    setTimeout(() => controller.abort(), 1_000);
    const started = performance.now();
    const code = await running;
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(code).toBe(0);
    expect(t.out()).toContain('Beendet mit Strg+C.');
    expect(t.out()).toMatch(/Mit Anmeldeaufforderung: [1-3] \(100 %\)/);
  });

  it('writes a bundle with monitor.csv, the statistics and a schema-valid report', async () => {
    const server = await lab(['ok', 'ok', 'drop', 'ok']);
    const target = path.join(dir, 'dauertest.zip');
    const t = io();
    const code = await main(['monitor', ...server, '--interval', '0.4', '--duration', '1.6', '--bundle', target], t.streams);
    expect(code).toBe(1);
    expect(t.out()).toContain(`Diagnosepaket gespeichert: ${target}`);
    const opened = await openBundle(target);
    if (!opened.ok) throw new Error(opened.error.message.en);
    const bundle = opened.bundle;
    expect(bundle.verification.status).toBe('verified');
    expect(reportSchema.safeParse(bundle.report).success).toBe(true);
    expect(bundle.report).toMatchObject({ verdict: 'warning', findings: [], input: { server: expect.stringMatching(/^mail\.contoso\.test:\d+$/) as string } });
    expect(bundle.report.sections.every((s) => s.status === 'not-checked')).toBe(true);
    expect(bundle.report.probes.map((p) => p.id)).toEqual(['monitor', 'monitor.http:first', 'monitor.http:firstFailure']);
    const csvLines = bundle.monitorCsv!.split('\r\n').filter(Boolean);
    expect(csvLines.filter((l) => l.includes(',sample,'))).toHaveLength(4);
    expect(bundle.manifest?.monitor).toMatchObject({ statistics: { requests: 4, ok: 3, failed: 1, outages: 1, logSource: 'file' } });
    // The dummy Bearer header is all that was sent, and even that never reaches the bundle's HAR as a value.
    expect(JSON.stringify(bundle.har)).not.toMatch(/"Bearer"/);
  });

  it.each([
    [['monitor'], '--server: one of --server and --url is required'],
    [['monitor', '--server', 'mail.contoso.test', '--url', 'https://mail.contoso.test/owa/'], '--url: --server and --url cannot be used together'],
    [['monitor', '--url', 'ftp://mail.contoso.test/'], '--url: must be an https:// (or http://) URL'],
    [['monitor', '--url', 'https://user:pw@mail.contoso.test/'], '--url: must not contain a user name or password'],
    [['monitor', '--server', 'mail.contoso.test', '--interval', 'fast'], '--interval: must be a number of seconds'],
    [['monitor', '--server', 'mail.contoso.test', '--interval', '0.01'], '--interval: must be between 0.1 and 600 seconds'],
    [['monitor', '--server', 'mail.contoso.test', '--duration', '0'], '--duration: must be more than 0'],
    [['monitor', '--server', 'mail.contoso.test', '--timeout', '2'], '--timeout: must be shorter than the interval'],
    [['monitor', '--server', 'mail.contoso.test', '--anonymize'], '--anonymize: needs --bundle'],
    [['monitor', '--server', 'mail.contoso.test', '--csv', '/nonexistent/folder/log.csv'], '--csv: cannot write /nonexistent/folder/log.csv'],
    [['monitor', '--server', 'mail.contoso.test', '--bundle', '/nonexistent/folder/x.zip'], '--bundle: folder /nonexistent/folder does not exist'],
    [['monitor', '--server', 'mail.contoso.test', '--dns-server', 'dns.local'], '--dns-server: must be an IP address'],
    [['monitor', '--server', 'mail.contoso.test', '--lang', 'fr'], '--lang: must be de or en'],
    [['monitor', '--server', 'mail.contoso.test', '--email', 'a@b.test'], '--email: unknown option'],
  ])('%j exits 64 and names the option', async (argv, message) => {
    const t = io();
    expect(await main(argv, t.streams)).toBe(64);
    expect(t.err()).toContain(message);
    expect(t.out()).toBe('');
  });

  it('documents marks and exit codes in its help', async () => {
    const t = io();
    expect(await main(['monitor', '--help'], t.streams)).toBe(0);
    expect(t.out()).toContain('.  challenge received');
    expect(t.out()).toMatch(/Exit codes: 0 every request got a challenge, 1 some did not, 2 none did/);
  });

  it('takes a hosts file as diagnose does, and tells per request whether the certificate is trusted (--ca-file)', async () => {
    const hosts = path.join(dir, 'hosts');
    writeFileSync(hosts, '127.0.0.1 mail.contoso.test\n');
    const started = await startFlappingExchange({ pattern: [] });
    labs.push(started);
    const ca = path.join(dir, 'ca.pem');
    writeFileSync(ca, started.ca.certPem);
    const base = ['monitor', '--server', `mail.contoso.test:${started.port}`, '--dns-server', '127.0.0.1:9', '--hosts-file', hosts, '--interval', '0.4', '--duration', '0.8'];
    const csvColumn = (file: string) => readFileSync(file, 'utf8').split('\r\n').filter((l) => l.includes(',sample,')).map((l) => l.split(',')[13]);

    const trusted = io();
    expect(await main([...base, '--ca-file', ca, '--csv', path.join(dir, 'trusted.csv')], trusted.streams)).toBe(0);
    expect(trusted.out()).toContain('mail.contoso.test hat die Adressen 127.0.0.1');
    expect(trusted.out()).not.toContain('Zertifikat nicht vertrauenswürdig');
    expect(csvColumn(path.join(dir, 'trusted.csv'))).toEqual(['trusted', 'trusted']);

    // Without the test CA the same server's certificate is untrusted: told, but the challenge still counts.
    const untrusted = io();
    expect(await main([...base, '--csv', path.join(dir, 'untrusted.csv')], untrusted.streams)).toBe(0);
    expect(untrusted.out()).toMatch(/Zertifikat nicht vertrauenswürdig bei 2 Anfragen \((UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|SELF_SIGNED_CERT_IN_CHAIN)\)/);
    expect(csvColumn(path.join(dir, 'untrusted.csv'))).toEqual([expect.stringMatching(/^[A-Z_]+$/), expect.stringMatching(/^[A-Z_]+$/)]);
  });
});
