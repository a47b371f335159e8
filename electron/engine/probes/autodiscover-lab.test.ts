import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probesOf } from '../../../shared/model/evidence';
import type { AutodiscoverData } from '../../../shared/model/probe-data';
import { startLabDnsServer, type LabDnsServer } from '../../../e2e/lab/dns-server';
import { startExchangeLab, type ExchangeLab } from '../../../e2e/lab/exchange-server';
import { createCa, writeCaFile } from '../../../e2e/lab/pki';
import { privilegedPortsProblem } from '../../../e2e/lab/privileged-ports';
import { prepareRun } from '../engine-options';
import { runDiagnosis } from '../run-diagnosis';

/**
 * The Autodiscover walk and the credential test in whole diagnoses against the lab: Autodiscover
 * names on 443 and the http redirect on 80 (as Outlook asks them), names from the lab DNS
 * server, trust from --ca-file. Each scenario has a mail domain of its own.
 */

const PASSWORD = 'Sommer-2026!lab';
const USERS = [{ user: 'CONTOSO\\anna', password: PASSWORD }];
const HTML = { contentType: 'text/html; charset=UTF-8', text: '<!DOCTYPE html><html><head><title>Contoso – Willkommen</title></head><body>Web</body></html>' };

const problem = await privilegedPortsProblem('127.0.1.1');
if (problem) console.warn(`autodiscover-lab.test.ts skipped: ${problem}`);

let exchange: ExchangeLab;
let web: ExchangeLab;
let dns: LabDnsServer;
let caPem: Awaited<ReturnType<typeof writeCaFile>>;
let caFile: string;

beforeAll(async () => {
  if (problem) return;
  const ca = await createCa();
  web = await startExchangeLab({ ca, hostNames: ['www.webhoster.test'], port: 443, addresses: { '127.0.1.1': { autodiscover: { body: HTML } } } });
  exchange = await startExchangeLab({
    ca,
    port: 443,
    hostNames: [
      'autodiscover.contoso.test',
      'mail.redirect.test',
      'autodiscover.hops.test',
      'autodiscover.loop.test',
      'autodiscover.down.test',
      'autodiscover.cross.test',
      'mail.partner.test',
      'autodiscover.blocked.test',
      'outlook.office365.com',
      'autodiscover-s.outlook.com',
      'autodiscover.err.test',
      'autodiscover.addr.test',
      'autodiscover.code8.test',
      'autodiscover.code11.test',
      'autodiscover.refused.test',
      'autodiscover.fallback.test',
      'autodiscover.backend.test',
    ],
    addresses: {
      '127.0.1.2': { users: USERS },
      '127.0.3.3': { auth: 'basic-only', users: [{ user: 'anna@redirect.test', password: PASSWORD }] },
      '127.0.4.2': { autodiscover: { chain: { length: 11 } } },
      '127.0.4.3': { autodiscover: { chain: { length: 3, loopTo: 1 } } },
      '127.0.4.4': { autodiscover: { chain: { length: 3, downgradeAt: 2 } } },
      '127.0.5.2': { users: USERS, autodiscover: { signedIn: { redirectUrl: 'https://mail.partner.test/autodiscover/autodiscover.xml' } } },
      '127.0.5.3': { users: USERS },
      '127.0.6.2': { users: USERS, autodiscover: { signedIn: { settings: { mapiBlockedExternal: true } } } },
      // Exchange Online's two endpoints, as the lab DNS names them: the v2 answer knows one mailbox.
      '127.0.7.1': { auth: 'exchange-online', autodiscover: { v2: { mailboxes: ['anna@cloud.test'] } } },
      '127.0.7.2': { auth: 'exchange-online' },
      '127.0.8.2': { users: USERS, autodiscover: { signedIn: { error600: true } } },
      '127.0.8.3': { users: USERS, autodiscover: { signedIn: { redirectAddr: 'anna@contoso.test' } } },
      // MAPI refuses the signed-in mailbox; Outlook Anywhere is off (EXPR not offered) unless said otherwise.
      '127.0.10.2': { users: USERS, autodiscover: { signedIn: { settings: { rpcHttp: false } } }, mapiRefusal: { responseCode: 8 } },
      '127.0.10.3': { users: USERS, autodiscover: { signedIn: { settings: { rpcHttp: false } } }, mapiRefusal: { responseCode: 11 } },
      '127.0.10.4': { users: USERS, autodiscover: { signedIn: { settings: { rpcHttp: false } } }, mapiRefusal: { status: 403 } },
      '127.0.10.5': { users: USERS, autodiscover: { signedIn: { settings: { rpcHttp: true } } }, mapiRefusal: { responseCode: 11 } },
      // Signed in, the back end behind /mapi and /EWS fails.
      '127.0.10.6': { users: USERS, signedInError: { status: 500 } },
    },
    plain: { port: 80, addresses: { '127.0.3.2': { autodiscover: { redirect: { location: 'https://mail.redirect.test/autodiscover/autodiscover.xml' } } } } },
  });
  dns = await startLabDnsServer({
    zone: {
      'contoso.test': ['127.0.1.1'],
      'autodiscover.contoso.test': ['127.0.1.2'],
      'fabrikam.test': ['127.0.2.1'],
      'redirect.test': ['127.0.3.1'],
      'autodiscover.redirect.test': ['127.0.3.2'],
      'mail.redirect.test': ['127.0.3.3'],
      'autodiscover.hops.test': ['127.0.4.2'],
      'autodiscover.loop.test': ['127.0.4.3'],
      'autodiscover.down.test': ['127.0.4.4'],
      'autodiscover.cross.test': ['127.0.5.2'],
      'mail.partner.test': ['127.0.5.3'],
      'autodiscover.blocked.test': ['127.0.6.2'],
      'outlook.office365.com': ['127.0.7.1'],
      'autodiscover-s.outlook.com': ['127.0.7.2'],
      'autodiscover.err.test': ['127.0.8.2'],
      'autodiscover.addr.test': ['127.0.8.3'],
      'autodiscover.code8.test': ['127.0.10.2'],
      'autodiscover.code11.test': ['127.0.10.3'],
      'autodiscover.refused.test': ['127.0.10.4'],
      'autodiscover.fallback.test': ['127.0.10.5'],
      'autodiscover.backend.test': ['127.0.10.6'],
    },
  });
  caPem = await writeCaFile(ca, 'od-autodiscover-');
  caFile = caPem.file;
});

afterAll(async () => {
  if (problem) return;
  await Promise.all([exchange.close(), web.close(), dns.close(), caPem.remove()]);
});

async function diagnose(email: string, options: { user?: string; password?: string } = {}) {
  const prepared = await prepareRun({
    email,
    dnsServers: dns.servers,
    caFiles: [caFile],
    connectivityUrl: 'http://127.0.0.1:9/connecttest.txt',
    noProxy: true,
    timeoutSeconds: 15,
    ...options,
  });
  const outcome = await runDiagnosis(prepared);
  const walk = probesOf(outcome.evidence, 'autodiscover')[0]?.data as AutodiscoverData;
  const findings = outcome.diagnosis.findings.map((f) => f.id);
  const steps = walk.candidates.map((c) => `${c.method} ${c.decision}${c.reason ? ` ${c.reason}` : ''}`);
  return { ...outcome, walk, findings, steps };
}

describe.skipIf(problem !== undefined)('Autodiscover walk and credential test in the lab', () => {
  it('signs in with NTLM at autodiscover.<domain>, records the settings, tests /mapi and /EWS; the password is nowhere', async () => {
    const run = await diagnose('anna@contoso.test', { user: 'CONTOSO\\anna', password: PASSWORD });
    expect(run.steps).toEqual([
      'last-known-good skipped not-windows',
      'scp skipped not-windows',
      'root-domain passed-over invalid',
      'autodiscover-domain used',
      'local-xml skipped not-windows',
      'http-redirect not-reached',
      'srv skipped no-srv-record',
      'v2-json not-reached',
      'exo not-reached',
    ]);
    const root = run.walk.candidates[2]!;
    expect(root).toMatchObject({ response: 'invalid', tls: { nameMatches: false }, http: { method: 'POST', status: 200 } });
    const winner = run.walk.candidates[run.walk.winner!]!;
    expect(winner).toMatchObject({ response: 'settings', credentialAttempts: [{ method: 'ntlm', status: 200, rejected: false }] });
    expect(run.walk.protocols?.map((p) => p.type)).toEqual(['mapiHttp', 'EXCH', 'EXPR', 'WEB']);
    expect(run.walk.protocols?.[0]).toMatchObject({ externalUrl: expect.stringContaining('https://autodiscover.contoso.test/mapi/emsmdb/?MailboxId=') as string });

    const credentials = probesOf(run.evidence, 'auth.credentials').map((r) => `${r.data?.endpoint} ${r.status} ${r.data?.attempts.map((a) => `${a.method}:${a.status}`).join(',')}`);
    expect(credentials.sort()).toEqual(['autodiscover ok ntlm:200', 'ews ok ntlm:200', 'mapi ok ntlm:200']);
    expect(probesOf(run.evidence, 'auth.credentials').find((r) => r.data?.endpoint === 'mapi')?.data?.mapi).toEqual({ responseCode: 0, rpcHttpOffered: true });

    expect(run.findings).toContain('autodiscover.invalid-response');
    expect(run.findings).toContain('autodiscover.cert-mismatch');
    expect(run.findings).not.toContain('autodiscover.not-found');
    expect(run.findings).not.toContain('auth.credentials-rejected');

    // NTLM's three legs went over one connection; the password and every Authorization value stay out of the report.
    const json = JSON.stringify(run.report) + JSON.stringify(run.evidence);
    expect(json).not.toContain(PASSWORD);
    expect(json).not.toContain(Buffer.from(PASSWORD, 'utf8').toString('base64').slice(0, 12));
    expect(json).not.toMatch(/TlRMTVNTUA/);
    expect(json).toContain('[redacted]');
  });

  it('a wrong password: 401 again, no further endpoint is tried (lockout), auth.credentials-rejected', async () => {
    const before = exchange.requests.length;
    const run = await diagnose('anna@contoso.test', { user: 'CONTOSO\\anna', password: 'falsch' });
    const winner = run.walk.candidates[run.walk.winner!]!;
    expect(winner).toMatchObject({ method: 'autodiscover-domain', response: 'exchange-401', credentialAttempts: [{ method: 'ntlm', status: 401, rejected: true }] });
    expect(probesOf(run.evidence, 'auth.credentials').map((r) => r.data?.endpoint)).toEqual(['autodiscover']);
    expect(run.findings).toContain('auth.credentials-rejected');
    const signedRequests = exchange.requests.slice(before).filter((r) => r.headers.some(([n]) => n.toLowerCase() === 'authorization'));
    expect(signedRequests.every((r) => r.target.toLowerCase().startsWith('/autodiscover/'))).toBe(true);
  });

  it('nothing answers like Exchange: autodiscover.not-found, with the fail-safe tried last', async () => {
    const run = await diagnose('anna@fabrikam.test');
    expect(run.walk.winner).toBeUndefined();
    expect(run.steps.filter((s) => !s.includes('skipped'))).toEqual([
      'root-domain passed-over no-answer',
      'autodiscover-domain passed-over no-answer',
      'http-redirect passed-over no-answer',
      'v2-json passed-over mailbox-not-in-exo',
      'exo passed-over mailbox-not-in-exo',
    ]);
    expect(run.walk.candidates.find((c) => c.method === 'root-domain')?.tcp?.error?.kind).toBe('refused');
    expect(run.walk.candidates.find((c) => c.method === 'v2-json')).toMatchObject({ response: 'http-redirect', http: { status: 302 } });
    // Exchange Online challenges any address; without its v2 answer for the mailbox it does not count.
    expect(run.walk.candidates.find((c) => c.method === 'exo')).toMatchObject({ response: 'exchange-401', reason: 'mailbox-not-in-exo' });
    expect(run.findings).toContain('autodiscover.not-found');
  });

  it('a mailbox in Exchange Online: the v2 answer qualifies the fail-safe, which wins', async () => {
    const run = await diagnose('anna@cloud.test');
    expect(run.steps.filter((s) => !s.includes('skipped')).slice(-2)).toEqual(['v2-json used mailbox-in-exo', 'exo used']);
    expect(run.walk.candidates[run.walk.winner!]).toMatchObject({ method: 'exo', response: 'exchange-401', host: 'autodiscover-s.outlook.com' });
    expect(run.findings).not.toContain('autodiscover.not-found');
  });

  it('only the http redirect leads to Exchange: autodiscover.http-redirect; Basic sign-in there', async () => {
    const run = await diagnose('anna@redirect.test', { user: 'anna@redirect.test', password: PASSWORD });
    const http = run.walk.candidates.find((c) => c.method === 'http-redirect')!;
    expect(http).toMatchObject({ decision: 'used', response: 'http-redirect', http: { method: 'GET', status: 302 }, redirectTo: 'https://mail.redirect.test/autodiscover/autodiscover.xml' });
    const winner = run.walk.candidates[run.walk.winner!]!;
    expect(winner).toMatchObject({ method: 'redirect', host: 'mail.redirect.test', response: 'settings', credentialAttempts: [{ method: 'basic', status: 200 }] });
    expect(run.findings).toContain('autodiscover.http-redirect');
    expect(JSON.stringify(run.report)).not.toContain(PASSWORD);
    // The host Autodiscover's settings named became a probe target: /mapi, /rpc and /EWS asked anonymously.
    const found = probesOf(run.evidence, 'http').filter((r) => r.data?.host === 'mail.redirect.test' && r.data.role === 'exchange');
    expect(found.map((r) => `${r.data?.endpoint} ${r.data?.response?.status}`)).toEqual(expect.arrayContaining(['mapi 401', 'rpc 401', 'ews 401']));
  });

  it('redirect chains: 10 hops at most, no circles, never down to http', async () => {
    const hops = await diagnose('anna@hops.test');
    const chain = hops.walk.candidates.filter((c) => c.host === 'autodiscover.hops.test' && c.url.startsWith('https://'));
    expect(chain).toHaveLength(11);
    expect(chain.at(-1)).toMatchObject({ decision: 'passed-over', reason: 'redirect-limit', response: 'http-redirect' });

    const loop = await diagnose('anna@loop.test');
    expect(loop.walk.candidates.filter((c) => c.host === 'autodiscover.loop.test' && c.url.startsWith('https://')).at(-1)).toMatchObject({ reason: 'redirect-loop' });

    const down = await diagnose('anna@down.test');
    const last = down.walk.candidates.filter((c) => c.host === 'autodiscover.down.test' && c.url.startsWith('https://')).at(-1);
    expect(last).toMatchObject({ reason: 'not-https', redirectTo: expect.stringMatching(/^http:\/\//) as string });
  });

  it('a RedirectUrl to another host: followed anonymously, credentials not sent there (needs confirmation)', async () => {
    const before = exchange.requests.length;
    const run = await diagnose('anna@cross.test', { user: 'CONTOSO\\anna', password: PASSWORD });
    const hop = run.walk.candidates.find((c) => c.host === 'mail.partner.test')!;
    expect(hop).toMatchObject({ method: 'redirect', response: 'exchange-401', decision: 'used', reason: 'needs-confirmation' });
    expect(hop.credentialAttempts).toBeUndefined();
    const toPartner = exchange.requests.slice(before).filter((r) => r.address === '127.0.5.3');
    expect(toPartner.length).toBeGreaterThan(0);
    expect(toPartner.some((r) => r.headers.some(([n]) => n.toLowerCase() === 'authorization'))).toBe(false);
  });

  it('signed in, the answers that are no settings: error 600 is passed over, RedirectAddr restarts with the new address', async () => {
    const err = await diagnose('anna@err.test', { user: 'CONTOSO\\anna', password: PASSWORD });
    expect(err.walk.candidates.find((c) => c.method === 'autodiscover-domain')).toMatchObject({ response: 'pox-error', errorCode: '600', decision: 'passed-over', reason: 'pox-error:600' });
    expect(err.walk.credentialTest).toBe('done');

    const addr = await diagnose('anna@addr.test', { user: 'CONTOSO\\anna', password: PASSWORD });
    const asked = addr.walk.candidates.find((c) => c.method === 'autodiscover-domain')!;
    expect(asked).toMatchObject({ response: 'redirect-addr', redirectTo: 'anna@contoso.test', decision: 'used' });
    // The new address's domain is another organisation's: asked anonymously, no credentials sent.
    expect(addr.walk.candidates[addr.walk.winner!]).toMatchObject({ method: 'redirect', host: 'autodiscover.contoso.test', response: 'exchange-401', reason: 'needs-confirmation' });
  });

  it('MAPI blocked from outside while RPC over HTTP is off: server.mapi-blocked-external', async () => {
    const run = await diagnose('anna@blocked.test', { user: 'CONTOSO\\anna', password: PASSWORD });
    const mapi = probesOf(run.evidence, 'auth.credentials').find((r) => r.data?.endpoint === 'mapi')?.data;
    expect(mapi?.mapi).toMatchObject({ externalBlocked: true, rpcHttpOffered: false });
    expect(run.findings).toContain('server.mapi-blocked-external');
    expect(run.findings).not.toContain('auth.credentials-rejected');
  });

  it.each([
    ['X-ResponseCode 8 (anonymous not allowed)', 'code8.test', { responseCode: 8 }, 200],
    ['X-ResponseCode 11 (no privilege)', 'code11.test', { responseCode: 11 }, 200],
    ['403 Forbidden', 'refused.test', {}, 403],
  ])('MAPI refuses the signed-in mailbox with %s, RPC over HTTP off: server.mapi-blocked-external from the real probe', async (_name, domain, mapi, status) => {
    const run = await diagnose(`anna@${domain}`, { user: 'CONTOSO\\anna', password: PASSWORD });
    const result = probesOf(run.evidence, 'auth.credentials').find((r) => r.data?.endpoint === 'mapi')!;
    expect(result.data?.url).toBe(`https://autodiscover.${domain}/mapi/emsmdb/`);
    expect(result.data?.attempts).toMatchObject([{ method: 'ntlm', status, rejected: false }]);
    expect(result.data?.mapi).toEqual({ ...mapi, externalBlocked: true, rpcHttpOffered: false });
    expect(run.findings).toContain('server.mapi-blocked-external');
    expect(run.diagnosis.findings.find((f) => f.id === 'server.mapi-blocked-external')?.evidence).toEqual([result.id]);
    expect(run.findings).not.toContain('auth.credentials-rejected');
  });

  it('MAPI refuses the mailbox but Outlook Anywhere is still offered: Outlook falls back, nothing is raised', async () => {
    const run = await diagnose('anna@fallback.test', { user: 'CONTOSO\\anna', password: PASSWORD });
    const mapi = probesOf(run.evidence, 'auth.credentials').find((r) => r.data?.endpoint === 'mapi')?.data?.mapi;
    expect(mapi).toEqual({ responseCode: 11, externalBlocked: true, rpcHttpOffered: true });
    expect(run.findings).not.toContain('server.mapi-blocked-external');
  });

  it('signed in, /mapi and /EWS answer 500 (broken back end): server.backend-error from the credential test', async () => {
    const run = await diagnose('anna@backend.test', { user: 'CONTOSO\\anna', password: PASSWORD });
    const signedIn = probesOf(run.evidence, 'auth.credentials').filter((r) => r.data?.endpoint !== 'autodiscover');
    expect(signedIn.map((r) => `${r.data?.endpoint} ${r.data?.attempts.map((a) => `${a.method}:${a.status}`).join(',')}`).sort()).toEqual(['ews ntlm:500', 'mapi ntlm:500']);
    // The anonymous probes saw a healthy 401: only the sign-in shows the back end's failure.
    expect(probesOf(run.evidence, 'http').filter((r) => r.data?.response?.status === 500)).toEqual([]);
    const finding = run.diagnosis.findings.find((f) => f.id === 'server.backend-error');
    expect(finding).toMatchObject({ severity: 'problem', args: { host: 'autodiscover.backend.test' } });
    expect(finding?.evidence.sort()).toEqual(signedIn.map((r) => r.id).sort());
    expect(String(finding?.args.endpoints)).toContain('https://autodiscover.backend.test/mapi/emsmdb/ → HTTP 500 (ntlm)');
  });
});
