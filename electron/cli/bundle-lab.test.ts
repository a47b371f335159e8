import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import type { Har } from 'har-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLabDnsServer, type LabDnsServer } from '../../e2e/lab/dns-server';
import { startExchangeLab, type ExchangeLab, type LabRequest } from '../../e2e/lab/exchange-server';
import { createCa } from '../../e2e/lab/pki';
import { privilegedPortsProblem } from '../../e2e/lab/privileged-ports';
import { readZipEntries } from '../../e2e/support/zip-entries';
import { escapeHtml } from '../../shared/bundle/html';
import { translator } from '../../shared/i18n';
import { REDACTED } from '../engine/bundle/redactor';
import { main } from './main';
import { cliIo } from './testing/cli-io';

/**
 * The diagnostic bundle of real command-line runs against the lab, read back from the zip's
 * bytes: http.har holds one entry per HTTP request the lab received (the Autodiscover walk with
 * its redirect hops, the credential test's legs, the endpoints it found), and no entry holds
 * the password, a credential or a session cookie in any form.
 *
 * Autodiscover names on 443 and 80 as Outlook asks them: inside `scripts/offline.sh` only
 * (skipped with the reason elsewhere). Addresses 127.0.9.x are this file's own, so it can run
 * beside the other lab suites.
 */

/** Characters every escaping layer touches: JSON (`"`), URLs (`/ & + %`), HTML (`& "`), non-ASCII (`ä`). */
const PASSWORD = 'Fr0st"Nacht/2026&Ä+Süd%';
const NTLM_USER = 'CONTOSO\\anna';
const BASIC_USER = 'anna@basic.test';

const problem = await privilegedPortsProblem('127.0.9.1');
if (problem) console.warn(`bundle-lab.test.ts skipped: ${problem}`);

const schema = JSON.parse(readFileSync(new URL('../../e2e/fixtures/har-1.2.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const validateHar = new Ajv({ allErrors: true, strict: true }).compile(schema);

let lab: ExchangeLab;
let dns: LabDnsServer;
let dir: string;
let caFile: string;

beforeAll(async () => {
  if (problem) return;
  const ca = await createCa();
  lab = await startExchangeLab({
    ca,
    port: 443,
    hostNames: ['autodiscover.ntlm.test', 'autodiscover.basic.test', 'autodiscover.hops.test', 'mail.redir.test', 'autodiscover.xdom.test', 'mail.partner.test'],
    addresses: {
      '127.0.9.2': { users: [{ user: NTLM_USER, password: PASSWORD }] },
      '127.0.9.3': { auth: 'basic-only', users: [{ user: BASIC_USER, password: PASSWORD }] },
      '127.0.9.4': { autodiscover: { chain: { length: 3 } } },
      '127.0.9.6': { auth: 'basic-only', users: [{ user: 'anna@redir.test', password: PASSWORD }] },
      // Signed in, Autodiscover points to another organisation's host: the password must not follow.
      '127.0.9.7': { users: [{ user: NTLM_USER, password: PASSWORD }], autodiscover: { signedIn: { redirectUrl: 'https://mail.partner.test/autodiscover/autodiscover.xml' } } },
      '127.0.9.8': { users: [{ user: NTLM_USER, password: PASSWORD }] },
    },
    plain: { port: 80, addresses: { '127.0.9.5': { autodiscover: { redirect: { location: 'https://mail.redir.test/autodiscover/autodiscover.xml' } } } } },
  });
  dns = await startLabDnsServer({
    zone: {
      'autodiscover.ntlm.test': ['127.0.9.2'],
      'autodiscover.basic.test': ['127.0.9.3'],
      'autodiscover.hops.test': ['127.0.9.4'],
      'autodiscover.redir.test': ['127.0.9.5'],
      'mail.redir.test': ['127.0.9.6'],
      'autodiscover.xdom.test': ['127.0.9.7'],
      'mail.partner.test': ['127.0.9.8'],
    },
  });
  dir = await mkdtemp(path.join(tmpdir(), 'od-bundle-lab-'));
  caFile = path.join(dir, 'ca.pem');
  await writeFile(caFile, ca.certPem);
});

afterAll(async () => {
  if (problem) return;
  await Promise.all([lab.close(), dns.close(), rm(dir, { recursive: true, force: true })]);
});

function io(env: Record<string, string>) {
  const streams = cliIo({ env });
  return { streams: streams.streams, out: streams.both };
}

/** `outlook-doktor diagnose --email … [--user …] --bundle …`; the bundle's entries and what the lab received meanwhile. */
async function diagnose(email: string, user?: string) {
  const before = lab.requests.length;
  const cookiesBefore = lab.cookies.length;
  const target = path.join(dir, `${email.replace(/\W/g, '_')}.zip`);
  const t = io(user ? { OUTLOOK_DOKTOR_PASSWORD: PASSWORD } : {});
  const args = ['diagnose', '--email', email, '--dns-server', dns.servers[0]!, '--ca-file', caFile, '--connectivity-url', 'http://127.0.0.1:9/connecttest.txt', '--no-proxy', '--timeout', '25'];
  const code = await main([...args, ...(user ? ['--user', user] : []), '--bundle', target, '--lang', 'en'], t.streams);
  expect([0, 1, 2], t.out()).toContain(code);
  // A run cut at its deadline may leave requests the lab saw and the HAR did not finish.
  expect(t.out()).not.toContain(translator('en').t('cli/deadline'));
  const entries = await readZipEntries(target);
  return { entries, received: lab.requests.slice(before), cookies: lab.cookies.slice(cookiesBefore), out: t.out() };
}

/** `METHOD host/path?query` of a request as the lab received it. */
function labKey(r: LabRequest): string {
  const host = r.headers.find(([n]) => n.toLowerCase() === 'host')?.[1] ?? '';
  return `${r.method} ${host.replace(/:(443|80)$/, '')}${r.target}`;
}

function harKey(entry: Har['log']['entries'][number]): string {
  const url = new URL(entry.request.url);
  return `${entry.request.method} ${url.host}${url.pathname}${url.search}`;
}

describe.skipIf(problem !== undefined)('the bundle of real runs against the lab', () => {
  it.each([
    ['a redirect chain, anonymously', 'anna@hops.test', undefined],
    ['the http redirect and Basic sign-in at its target, then /mapi and /EWS', 'anna@redir.test', 'anna@redir.test'],
    ['NTLM sign-in at autodiscover.<domain>, then /mapi and /EWS', 'anna@ntlm.test', NTLM_USER],
  ])('http.har: one entry per request the lab received, valid HAR 1.2 — %s', async (_name, email, user) => {
    const { entries, received } = await diagnose(email, user);
    const har = JSON.parse(entries.get('http.har')!.toString('utf8')) as Har;
    expect(validateHar(har), JSON.stringify(validateHar.errors)).toBe(true);

    const answered = har.log.entries.filter((e) => e.response.status !== 0);
    expect(answered.map(harKey).sort()).toEqual(received.map(labKey).sort());
    // What got no answer never reached a server: connection failures (the closed connectivity port, names without a server).
    for (const e of har.log.entries.filter((x) => x.response.status === 0)) expect(e.comment).toMatch(/refused|unreachable|dns|timeout|reset|tls|other/);
    expect(received.length).toBeGreaterThan(0);

    if (email === 'anna@hops.test') {
      const hops = answered.filter((e) => e.request.url.startsWith('https://autodiscover.hops.test/autodiscover/autodiscover.xml')).map((e) => new URL(e.request.url).searchParams.get('hop') ?? '0');
      expect(hops.sort()).toEqual(['0', '1', '2', '3']);
    } else {
      const signed = answered.filter((e) => e.request.headers.some((h) => h.name.toLowerCase() === 'authorization'));
      expect(signed.length).toBeGreaterThanOrEqual(user === NTLM_USER ? 6 : 3);
      const values = new Set(signed.flatMap((e) => e.request.headers.filter((h) => h.name.toLowerCase() === 'authorization').map((h) => h.value)));
      expect([...values]).toEqual([REDACTED]);
    }
  });

  it.each([
    ['Basic', 'anna@basic.test', BASIC_USER],
    ['NTLM', 'anna@ntlm.test', NTLM_USER],
  ])('a real %s credential test: no entry of the zip holds the password, a credential or a session cookie', async (scheme, email, user) => {
    const { entries, received, cookies } = await diagnose(email, user);
    const sent = received.flatMap((r) => r.headers.filter(([n]) => n.toLowerCase() === 'authorization').map(([, v]) => v));
    const tokens = sent.map((v) => v.split(/\s+/)[1] ?? '');
    if (scheme === 'Basic') {
      expect(tokens).toContain(Buffer.from(`${user}:${PASSWORD}`, 'utf8').toString('base64'));
    } else {
      // The type 3 message (base64 "NTLMSSP\0" + type 3) is the one that carries the proof of the password.
      expect(tokens.some((t) => t.startsWith('TlRMTVNTUAADAAAA'))).toBe(true);
    }
    // Exchange's session cookies on the signed-in answers (Autodiscover, MAPI, EWS).
    expect(cookies.length).toBeGreaterThanOrEqual(3);

    const forbidden = [
      PASSWORD,
      encodeURIComponent(PASSWORD),
      JSON.stringify(PASSWORD).slice(1, -1),
      JSON.stringify(PASSWORD).slice(1, -1).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
      escapeHtml(PASSWORD),
      Buffer.from(PASSWORD, 'utf8').toString('base64'),
      Buffer.from(`${user}:${PASSWORD}`, 'utf8').toString('base64'),
      ...tokens.filter((t) => t.length >= 16),
      // A token cut anywhere still must not show: its middle, past the well-known NTLMSSP header.
      ...tokens.filter((t) => t.length >= 60).map((t) => t.slice(20, 60)),
      ...cookies,
      '1A2B3C4D5E6F',
    ];
    expect(entries.size).toBeGreaterThan(5);
    for (const [name, bytes] of entries) {
      const text = bytes.toString('utf8');
      for (const secret of forbidden) expect(text.includes(secret), `${name} holds ${JSON.stringify(secret.slice(0, 12))}…`).toBe(false);
      expect(bytes.includes(Buffer.from(PASSWORD, 'latin1')), `${name} holds the password in Latin-1`).toBe(false);
      expect(bytes.includes(Buffer.from(PASSWORD, 'utf16le')), `${name} holds the password in UTF-16`).toBe(false);
    }
    // The evidence is still there: the attempts, only without their secrets.
    const report = entries.get('report.json')!.toString('utf8');
    expect(report).toContain(`"method": "${scheme.toLowerCase()}"`);
  });

  it('credentials held back from a host outside the mail domain: said in the summary and in auth.methods', async () => {
    const { entries, received, out } = await diagnose('anna@xdom.test', NTLM_USER);
    expect(received.filter((r) => r.address === '127.0.9.8').length).toBeGreaterThan(0);
    expect(received.some((r) => r.address === '127.0.9.8' && r.headers.some(([n]) => n.toLowerCase() === 'authorization'))).toBe(false);
    expect(out.replace(/\s+/g, ' ')).toContain('Sign-in test: the password was not sent to mail.partner.test – the server lies outside the mail domain xdom.test');
    const report = JSON.parse(entries.get('report.json')!.toString('utf8')) as { findings: { id: string; detail: string; args?: Record<string, unknown> }[] };
    const methods = report.findings.find((f) => f.id === 'auth.methods');
    expect(methods?.args).toMatchObject({ note: 'held-back', heldBackHosts: 'mail.partner.test', domain: 'xdom.test' });
    expect(methods?.detail).toContain('did not send your password to mail.partner.test');
  });

  it('the walk like "Test E-mail AutoConfiguration": in the command line summary and in report.html', async () => {
    const { entries, out } = await diagnose('anna@redir.test', 'anna@redir.test');
    const summary = out.slice(out.indexOf('Autodiscover for redir.test'));
    expect(summary).toMatch(/^Autodiscover for redir\.test \(like "Test E-mail AutoConfiguration" in Outlook\):\n/);
    // Outlook's order: the root domain has no name, autodiscover.<domain> nothing on 443, the http redirect leads to the winner.
    expect(summary).toMatch(/\d\. {3}Root domain https:\/\/redir\.test\/autodiscover\/autodiscover\.xml\n +DNS {6}nxdomain\n +→ passed over: no answer\n/);
    expect(summary).toMatch(/\d\. {3}autodiscover\.<domain> https:\/\/autodiscover\.redir\.test\/autodiscover\/autodiscover\.xml\n +DNS {6}127\.0\.9\.5\n +TCP {6}127\.0\.9\.5: connection refused\n +→ passed over: no answer\n/);
    expect(summary).toMatch(/HTTP redirect http:\/\/autodiscover\.redir\.test\/autodiscover\/autodiscover\.xml\n +DNS {6}127\.0\.9\.5\n +TCP {6}127\.0\.9\.5 connected in \d+ ms\n +HTTP {5}GET 302 → https:\/\/mail\.redir\.test\/autodiscover\/autodiscover\.xml\n +→ used\n/);
    expect(summary).toMatch(/\d\. \* redirect from no\. \d https:\/\/mail\.redir\.test\/autodiscover\/autodiscover\.xml\n(?: +(?:DNS|TCP|TLS|HTTP) .*\n)+ +Sign-in {2}BASIC 200\n +→ used – Outlook uses this answer\n/);
    expect(summary).toMatch(/Local XML file\n +→ skipped: exists on Windows only\n/);
    expect(summary).toContain('Sign-in test: done');
    const page = entries.get('report.html')!.toString('utf8');
    expect(page).toMatch(/<tr class="walk-used winner"><td>\d+<\/td><td>redirect from no\. \d+ <code class="line">https:\/\/mail\.redir\.test\/autodiscover\/autodiscover\.xml<\/code>/);
  });
});
