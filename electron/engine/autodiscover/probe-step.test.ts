import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSample } from '../../../e2e/fixtures/samples';
import type { RunInput } from '../../../shared/model/run-input';
import { startLabDnsServer, type LabDnsServer } from '../../../e2e/lab/dns-server';
import { startExchangeLab, type ExchangeLab } from '../../../e2e/lab/exchange-server';
import { billionLaughs, quadraticBlowup } from '../../../e2e/lab/hostile-xml';
import { createRunServices, type ClosableRunServices } from '../create-run-services';
import { sendWithCredentials } from '../net/credential-request';
import { autodiscoverRequest } from '../net/outlook-requests';
import type { PlanView } from '../probe';
import { probeStep, STEP_HTTP_TIMEOUT_MS, type StepContext } from './probe-step';

/**
 * One candidate against hostile and broken Autodiscover answers, and the credential requests on
 * their own, against the Exchange lab on a free port (no privileged ports needed).
 */

const PASSWORD = 'Geheim-42!';
/**
 * Time an entity bomb may take to be refused. Expanded, it is gigabytes and minutes (or the
 * process runs out of memory); refused, it is a request on loopback and a regular expression
 * over 1–62 KB, milliseconds. The rest is room for a loaded 2-core machine.
 */
const ENTITY_BOMB_BOUND_MS = 3_000;
const XXE = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">&x;</Autodiscover>';

let lab: ExchangeLab;
let dns: LabDnsServer;
let services: ClosableRunServices;
let ctx: StepContext;

beforeAll(async () => {
  lab = await startExchangeLab({
    hostNames: ['huge.contoso.test', 'endless.contoso.test', 'xxe.contoso.test', 'mail.contoso.test', 'basic.contoso.test', 'laughs.contoso.test', 'blowup.contoso.test'],
    addresses: {
      '127.0.0.2': { fault: 'huge-body', hugeBodyBytes: 100 * 1024 * 1024, faultPaths: ['/autodiscover'] },
      '127.0.0.3': { fault: 'endless-body', faultPaths: ['/autodiscover'] },
      '127.0.0.4': { autodiscover: { body: { contentType: 'text/xml', text: XXE } } },
      '127.0.0.5': { basicRealm: 'mail.contoso.test', users: [{ user: 'CONTOSO\\anna', password: PASSWORD }] },
      '127.0.0.6': { auth: 'basic-only', users: [{ user: 'anna@contoso.test', password: PASSWORD }] },
      '127.0.0.7': { autodiscover: { body: { contentType: 'text/xml; charset=utf-8', text: billionLaughs() } } },
      '127.0.0.8': { autodiscover: { body: { contentType: 'text/xml; charset=utf-8', text: quadraticBlowup() } } },
    },
  });
  dns = await startLabDnsServer({
    zone: {
      'huge.contoso.test': ['127.0.0.2'],
      'endless.contoso.test': ['127.0.0.3'],
      'xxe.contoso.test': ['127.0.0.4'],
      'mail.contoso.test': ['127.0.0.5'],
      'basic.contoso.test': ['127.0.0.6'],
      'laughs.contoso.test': ['127.0.0.7'],
      'blowup.contoso.test': ['127.0.0.8'],
    },
  });
  const input: RunInput = { email: 'anna@contoso.test', dnsServers: dns.servers, connectivityUrl: 'http://127.0.0.1:9/', connectivityExpect: 'x', proxy: { mode: 'none' }, timeoutMs: 30_000 };
  services = createRunServices(input, { extraCa: [lab.ca.certPem] });
  const view: PlanView = { input, results: new Map(), of: () => [] };
  ctx = { services, signal: AbortSignal.timeout(30_000), view, mapiHttp: true };
});

afterAll(async () => {
  await services.close();
  await Promise.all([lab.close(), dns.close()]);
});

const url = (host: string) => `https://${host}:${lab.port}/autodiscover/autodiscover.xml`;

describe('one Autodiscover candidate', () => {
  it('a 100 MB answer is cut at the cap and is invalid, quickly', async () => {
    const started = performance.now();
    const { candidate } = await probeStep(ctx, { method: 'root-domain', url: url('huge.contoso.test'), probe: 'pox', email: 'anna@contoso.test' });
    expect(candidate).toMatchObject({ response: 'invalid', http: { status: 200, body: { truncated: true } }, dns: { addresses: ['127.0.0.2'] }, tcp: { address: '127.0.0.2' } });
    expect(candidate.tls).toMatchObject({ nameMatches: true, trusted: true });
    expect(performance.now() - started).toBeLessThan(STEP_HTTP_TIMEOUT_MS);
  });

  it('an answer that never ends is invalid at the request deadline, not a hang', async () => {
    const started = performance.now();
    const { candidate } = await probeStep(ctx, { method: 'root-domain', url: url('endless.contoso.test'), probe: 'pox', email: 'anna@contoso.test' });
    expect(candidate).toMatchObject({ response: 'invalid', http: { status: 200, error: { kind: 'timeout' } } });
    expect(performance.now() - started).toBeLessThan(STEP_HTTP_TIMEOUT_MS + 2_000);
  });

  it('a DTD with an external entity is refused (invalid), nothing read from the disk', async () => {
    const { candidate, answer } = await probeStep(ctx, { method: 'root-domain', url: url('xxe.contoso.test'), probe: 'pox', email: 'anna@contoso.test' });
    expect(candidate.response).toBe('invalid');
    expect(answer.pox).toMatchObject({ kind: 'invalid', reason: 'dtd' });
    expect(JSON.stringify(candidate)).not.toContain('root:');
  });

  it.each([
    ['billion laughs (nested entities)', 'laughs.contoso.test'],
    ['quadratic blowup (one large entity, referenced thousands of times)', 'blowup.contoso.test'],
  ])('an entity bomb, %s, is refused as invalid without expanding it, quickly', async (_name, host) => {
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const { candidate, answer } = await probeStep(ctx, { method: 'root-domain', url: url(host), probe: 'pox', email: 'anna@contoso.test' });
    const elapsed = performance.now() - started;
    expect(candidate).toMatchObject({ response: 'invalid', http: { status: 200, body: { truncated: false } } });
    expect(answer.pox).toMatchObject({ kind: 'invalid', reason: 'dtd' });
    expect(elapsed).toBeLessThan(ENTITY_BOMB_BOUND_MS);
    // What is kept is the body as sent (its preview), never an expansion of it.
    const kept = JSON.stringify({ candidate, answer });
    expect(kept).not.toMatch(/(lol){20}|x{60000}/);
    expect(kept.length).toBeLessThan(200_000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(100 * 1024 * 1024);
  });

  it("reads the admin's local XML with the same parser (a file that is missing is no answer)", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'od-local-xml-'));
    try {
      const file = path.join(dir, 'contoso.xml');
      await writeFile(file, readSample('autodiscover/pox-response-exo-winrb.xml'));
      const found = await probeStep(ctx, { method: 'local-xml', url: pathToFileURL(file).href, probe: 'local-file', email: 'anna@contoso.test' });
      expect(found.candidate.response).toBe('settings');
      expect(found.answer.pox).toMatchObject({ kind: 'settings', protocols: [{ type: 'EXCH' }, { type: 'EXPR' }, { type: 'WEB' }] });
      const missing = await probeStep(ctx, { method: 'local-xml', url: pathToFileURL(path.join(dir, 'none.xml')).href, probe: 'local-file', email: 'anna@contoso.test' });
      expect(missing.candidate).toMatchObject({ response: 'no-answer', http: { error: { kind: 'other' } } });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('asks with the request Outlook sends: POST, text/xml, X-MapiHttpCapability unless MAPI/HTTP is disabled', async () => {
    const before = lab.requests.length;
    await probeStep({ ...ctx, mapiHttp: false }, { method: 'autodiscover-domain', url: url('mail.contoso.test'), probe: 'pox', email: 'anna@contoso.test' });
    await probeStep(ctx, { method: 'autodiscover-domain', url: url('mail.contoso.test'), probe: 'pox', email: 'anna@contoso.test' });
    const [off, on] = lab.requests.slice(before);
    expect(off?.method).toBe('POST');
    expect(off?.headers.some(([n]) => n.toLowerCase() === 'x-mapihttpcapability')).toBe(false);
    expect(on?.headers).toEqual(expect.arrayContaining([['X-MapiHttpCapability', '1'], ['Content-Type', 'text/xml; charset=utf-8']]));
    expect(on?.body).toContain('<EMailAddress>anna@contoso.test</EMailAddress>');
  });
});

describe('requests with credentials', () => {
  const pox = autodiscoverRequest('anna@contoso.test');
  const send = async (host: string, user: string, password: string) => {
    const anonymous = await probeStep(ctx, { method: 'autodiscover-domain', url: url(host), probe: 'pox', email: 'anna@contoso.test' });
    return sendWithCredentials(
      services,
      { url: url(host), address: anonymous.address!, method: 'POST', headers: pox.headers, body: pox.body!, offered: anonymous.candidate.http!.challenges, signal: ctx.signal, timeoutMs: STEP_HTTP_TIMEOUT_MS },
      { user, password },
    );
  };

  it('NTLM over one connection: accepted, and the answer is the signed-in one', async () => {
    const result = await send('mail.contoso.test', 'CONTOSO\\anna', PASSWORD);
    expect(result.attempts).toEqual([expect.objectContaining({ method: 'ntlm', status: 200, rejected: false })]);
    expect(result.final?.body?.toString('utf8')).toContain('<Action>settings</Action>');
  });

  it('a wrong password: NTLM refused, Basic (also offered) is not tried after a refusal', async () => {
    const result = await send('mail.contoso.test', 'CONTOSO\\anna', 'wrong');
    expect(result.attempts).toEqual([expect.objectContaining({ method: 'ntlm', status: 401, rejected: true })]);
  });

  it('Basic where only Basic is offered; recorded requests carry no credential', async () => {
    expect((await send('basic.contoso.test', 'anna@contoso.test', PASSWORD)).attempts).toEqual([expect.objectContaining({ method: 'basic', status: 200 })]);
    const refused = await send('basic.contoso.test', 'anna@contoso.test', 'wrong');
    expect(refused.attempts).toEqual([expect.objectContaining({ method: 'basic', status: 401, rejected: true })]);
    const recorded = JSON.stringify(refused.final?.exchange);
    expect(recorded).toContain('"Authorization","[redacted]"');
    expect(recorded).not.toContain(Buffer.from('anna@contoso.test:wrong').toString('base64'));
  });
});
