import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probesOf } from '../../../shared/model/evidence';
import type { AutodiscoverData } from '../../../shared/model/probe-data';
import { startLabDnsServer, type LabDnsServer } from '../../../e2e/lab/dns-server';
import { startExchangeLab, type ExchangeLab } from '../../../e2e/lab/exchange-server';
import { billionLaughs } from '../../../e2e/lab/hostile-xml';
import { createCa, writeCaFile } from '../../../e2e/lab/pki';
import { privilegedPortsProblem } from '../../../e2e/lab/privileged-ports';
import { prepareRun } from '../engine-options';
import { runDiagnosis } from '../run-diagnosis';

/**
 * Whole diagnoses against the lab answering with the real Autodiscover samples (on-premises
 * and Exchange Online POX settings, RedirectAddr, Exchange Online's v2 captures), an entity bomb
 * on the wire, and a walk that only the SRV record finds. The samples name contoso.com,
 * initech.local and outlook.office365.com: the lab DNS and certificate carry those names, so
 * the POX samples go out verbatim (lab-autodiscover.ts says what the v2 replay adapts).
 * Autodiscover names on 443 as Outlook asks them, hence scripts/offline.sh.
 *
 * The SOAP sample (GetUserSettings with RedirectAddress) has no test here: Outlook and the
 * engine speak POX Autodiscover only.
 */

const PASSWORD = 'Herbst-2026!lab';
const USERS = [{ user: 'CONTOSO\\anna', password: PASSWORD }];
/** What the on-premises sample hands out (pox-response-onprem-msdocs.xml), as the engine records it. */
const ONPREM_PROTOCOLS = [
  { type: 'EXCH', server: 'MBX-SERVER.mail.internal.contoso.com', ewsUrl: 'https://mail.contoso.com/ews/exchange.asmx' },
  { type: 'EXPR', server: 'Exchange.contoso.com', ewsUrl: 'https://mail.contoso.com/ews/exchange.asmx' },
  { type: 'WEB', internalUrl: 'https://cas-01-server.mail.internal.contoso.com/owa' },
];
/**
 * Time the walk may take past an entity bomb: the walk itself on loopback takes well under a
 * second; an expansion would take minutes or the process's memory. The rest is room for a
 * loaded 2-core machine.
 */
const WALK_WITH_BOMB_BOUND_MS = 5_000;

const problem = await privilegedPortsProblem('127.0.21.2');
if (problem) console.warn(`autodiscover-samples-lab.test.ts skipped: ${problem}`);

let exchange: ExchangeLab;
let dns: LabDnsServer;
let caPem: Awaited<ReturnType<typeof writeCaFile>>;
let caFile: string;

beforeAll(async () => {
  if (problem) return;
  const ca = await createCa();
  exchange = await startExchangeLab({
    ca,
    port: 443,
    hostNames: [
      'autodiscover.contoso.com',
      'autodiscover.mail.contoso.com',
      'mail.contoso.com',
      'exchange.contoso.com',
      'autodiscover.initech.local',
      'outlook.office365.com',
      'autodiscover-s.outlook.com',
      'bomb.test',
      'autodiscover.bomb.test',
      'exchange.srv.test',
      'backup.srv.test',
    ],
    addresses: {
      // On premises, the sample's own names. elvin@contoso.com has moved: RedirectAddr to elvin@mail.contoso.com.
      '127.0.21.2': { users: USERS, autodiscover: { signedIn: { sample: 'pox-response-onprem-msdocs.xml' }, signedInFor: { 'elvin@contoso.com': { sample: 'pox-redirectAddr-msdocs.xml' } } } },
      '127.0.21.3': { users: USERS, autodiscover: { signedIn: { sample: 'pox-response-onprem-msdocs.xml' } } },
      '127.0.21.4': { users: USERS },
      '127.0.21.5': { users: USERS },
      // Exchange Online: the v2 endpoint and the POX endpoint; autodiscover.initech.local answers with EXO's settings (Basic, as in the capture's days).
      '127.0.22.1': { auth: 'exchange-online', users: [{ user: 'blumbergh@initech.local', password: PASSWORD }], autodiscover: { v2: { mailboxes: ['megan@tailspin.test'], protocolNotSupported: ['adele@tailspin.test'] } } },
      '127.0.22.2': { auth: 'exchange-online', users: [{ user: 'blumbergh@initech.local', password: PASSWORD }], autodiscover: { signedIn: { sample: 'pox-response-exo-winrb.xml' } } },
      '127.0.22.3': { auth: 'exchange-online' },
      // The root domain answers with an entity bomb; Exchange is at autodiscover.<domain>.
      '127.0.23.1': { autodiscover: { body: { contentType: 'text/xml; charset=utf-8', text: billionLaughs() } } },
      '127.0.23.2': { users: USERS },
      // Only the SRV record leads to Exchange: its preferred target and a backup that must not be asked.
      '127.0.24.3': { users: USERS },
      '127.0.24.4': { users: USERS },
    },
  });
  dns = await startLabDnsServer({
    zone: {
      'autodiscover.contoso.com': ['127.0.21.2'],
      'autodiscover.mail.contoso.com': ['127.0.21.3'],
      'mail.contoso.com': ['127.0.21.4'],
      'exchange.contoso.com': ['127.0.21.5'],
      'outlook.office365.com': ['127.0.22.1'],
      'autodiscover.initech.local': ['127.0.22.2'],
      'autodiscover-s.outlook.com': ['127.0.22.3'],
      'bomb.test': ['127.0.23.1'],
      'autodiscover.bomb.test': ['127.0.23.2'],
      // Nothing listens on these addresses: connections are refused, on 443 and on 80.
      'srv.test': ['127.0.24.1'],
      'autodiscover.srv.test': ['127.0.24.2'],
      // Listed backup first: the client's order (priority, then weight) must decide, not the answer's.
      '_autodiscover._tcp.srv.test': {
        srv: [
          { target: 'backup.srv.test', port: 443, priority: 10, weight: 100 },
          { target: 'exchange.srv.test', port: 443, priority: 0, weight: 10 },
        ],
      },
      'exchange.srv.test': ['127.0.24.3'],
      'backup.srv.test': ['127.0.24.4'],
    },
  });
  caPem = await writeCaFile(ca, 'od-autodiscover-samples-');
  caFile = caPem.file;
});

afterAll(async () => {
  if (problem) return;
  await Promise.all([exchange.close(), dns.close(), caPem.remove()]);
});

async function diagnose(email: string, options: { user?: string; password?: string } = {}) {
  const prepared = await prepareRun({ email, dnsServers: dns.servers, caFiles: [caFile], connectivityUrl: 'http://127.0.0.1:9/connecttest.txt', noProxy: true, timeoutSeconds: 15, ...options });
  const outcome = await runDiagnosis(prepared);
  const result = probesOf(outcome.evidence, 'autodiscover')[0]!;
  const walk = result.data as AutodiscoverData;
  const findings = outcome.diagnosis.findings.map((f) => f.id);
  const steps = walk.candidates.map((c) => `${c.method} ${c.decision}${c.reason ? ` ${c.reason}` : ''}`);
  const credentials = probesOf(outcome.evidence, 'auth.credentials').map((r) => `${r.data?.endpoint} ${r.data?.url} ${r.data?.attempts.map((a) => `${a.method}:${a.status}`).join(',')}`);
  /** Anonymous requests the http probe sent to hosts Autodiscover's settings named (`role` exchange). */
  const asked = (host: string) =>
    probesOf(outcome.evidence, 'http')
      .filter((r) => r.data?.host === host && r.data.role === 'exchange')
      .map((r) => `${r.data?.endpoint} ${r.data?.response?.status}`);
  return { ...outcome, result, walk, findings, steps, credentials, asked };
}

const AUTODISCOVER_FINDINGS = ['autodiscover.not-found', 'autodiscover.invalid-response', 'autodiscover.cert-mismatch', 'autodiscover.http-redirect'];

describe.skipIf(problem !== undefined)('Autodiscover samples, an entity bomb and the SRV record in whole diagnoses', () => {
  it("on premises (Microsoft's POX sample): settings at autodiscover.<domain>; its EWS and RPC hosts become probe targets, EWS is signed in to", async () => {
    const run = await diagnose('anna@contoso.com', { user: 'CONTOSO\\anna', password: PASSWORD });
    expect(run.steps.filter((s) => !s.includes('skipped'))).toEqual(['root-domain passed-over no-answer', 'autodiscover-domain used', 'http-redirect not-reached', 'v2-json not-reached', 'exo not-reached']);
    expect(run.walk.candidates[run.walk.winner!]).toMatchObject({ method: 'autodiscover-domain', response: 'settings', credentialAttempts: [{ method: 'ntlm', status: 200 }] });
    expect(run.walk.protocols).toEqual(ONPREM_PROTOCOLS);
    // EWS (from the EXCH/EXPR ASUrl) and the RPC proxy (EXPR Server), asked anonymously like the Exchange host.
    for (const host of ['mail.contoso.com', 'exchange.contoso.com']) expect(run.asked(host)).toEqual(expect.arrayContaining(['ews 401', 'rpc 401', 'mapi 401']));
    // The EXCH Server (the mailbox server inside) and OWA's internal names are no targets.
    expect(run.asked('mbx-server.mail.internal.contoso.com')).toEqual([]);
    expect(run.asked('cas-01-server.mail.internal.contoso.com')).toEqual([]);
    // The sample offers no MAPI over HTTP: EWS is tested at the sample's URL, MAPI not at all.
    expect(run.credentials.sort()).toEqual(['autodiscover https://autodiscover.contoso.com/autodiscover/autodiscover.xml ntlm:200', 'ews https://mail.contoso.com/ews/exchange.asmx ntlm:200']);
    expect(run.findings.filter((f) => AUTODISCOVER_FINDINGS.includes(f) || f.startsWith('auth.credentials') || f.startsWith('server.'))).toEqual([]);
  });

  it("RedirectAddr (Microsoft's sample): the walk starts over with elvin@mail.contoso.com at its domain's name and signs in there", async () => {
    const before = exchange.requests.length;
    const run = await diagnose('elvin@contoso.com', { user: 'CONTOSO\\anna', password: PASSWORD });
    const asked = run.walk.candidates.findIndex((c) => c.method === 'autodiscover-domain');
    expect(run.walk.candidates[asked]).toMatchObject({ decision: 'used', response: 'redirect-addr', redirectTo: 'elvin@mail.contoso.com', credentialAttempts: [{ method: 'ntlm', status: 200 }] });
    expect(run.walk.winner).toBe(asked + 1);
    expect(run.walk.candidates[asked + 1]).toMatchObject({
      method: 'redirect',
      url: 'https://autodiscover.mail.contoso.com/autodiscover/autodiscover.xml',
      redirectedFrom: asked,
      decision: 'used',
      response: 'settings',
      credentialAttempts: [{ method: 'ntlm', status: 200 }],
    });
    expect(run.walk.protocols).toEqual(ONPREM_PROTOCOLS);
    // The new address is what the hop asks for, signed in (mail.contoso.com lies in the mail domain).
    const hop = exchange.requests.slice(before).filter((r) => r.address === '127.0.21.3' && r.method === 'POST');
    expect(hop.length).toBeGreaterThan(0);
    expect(hop.every((r) => r.body.includes('<EMailAddress>elvin@mail.contoso.com</EMailAddress>'))).toBe(true);
    expect(hop.some((r) => r.headers.some(([n]) => n.toLowerCase() === 'authorization'))).toBe(true);
    expect(run.findings.filter((f) => AUTODISCOVER_FINDINGS.includes(f))).toEqual([]);
  });

  it("Exchange Online's settings (WinRb's capture): EXCH/EXPR/WEB recorded, outlook.office365.com becomes a probe target, the mailbox GUID does not", async () => {
    const run = await diagnose('blumbergh@initech.local', { user: 'blumbergh@initech.local', password: PASSWORD });
    expect(run.walk.candidates[run.walk.winner!]).toMatchObject({ method: 'autodiscover-domain', host: 'autodiscover.initech.local', response: 'settings', credentialAttempts: [{ method: 'basic', status: 200 }] });
    expect(run.walk.protocols).toEqual([
      { type: 'EXCH', server: '22222222-2222-2222-2222-222222222222@initech.local', authPackage: 'Anonymous', ewsUrl: 'https://outlook.office365.com/EWS/Exchange.asmx' },
      { type: 'EXPR', server: 'outlook.office365.com', authPackage: 'Basic', ewsUrl: 'https://outlook.office365.com/EWS/Exchange.asmx' },
      { type: 'WEB', internalUrl: 'https://outlook.office365.com/owa/', externalUrl: 'https://outlook.office365.com/owa/initech.local/' },
    ]);
    expect(run.asked('outlook.office365.com')).toEqual(expect.arrayContaining(['ews 401', 'rpc 401', 'mapi 401']));
    const known = ['autodiscover.initech.local', 'initech.local', 'outlook.office365.com'];
    expect(probesOf(run.evidence, 'http').filter((r) => !known.includes(r.data?.host ?? ''))).toEqual([]);
    expect(probesOf(run.evidence, 'dns.system').map((r) => r.data?.name).filter((n) => n?.includes('@') || n?.startsWith('22222222'))).toEqual([]);
    expect(run.findings).toContain('auth.modern-auth');
    expect(run.findings.filter((f) => AUTODISCOVER_FINDINGS.includes(f))).toEqual([]);
    // outlook.office365.com lies outside the mail domain: asked anonymously, the password held back.
    const ews = probesOf(run.evidence, 'auth.credentials').find((r) => r.data?.endpoint === 'ews');
    expect(ews?.data).toMatchObject({ host: 'outlook.office365.com', heldBack: true, attempts: [] });
    const sent = exchange.requests.filter((q) => q.address === '127.0.22.1').flatMap((q) => q.headers.filter(([n]) => n.toLowerCase() === 'authorization').map(([, v]) => v));
    expect(sent.filter((v) => /^(Basic|NTLM|Negotiate) /i.test(v))).toEqual([]);
    expect(String(run.diagnosis.findings.find((f) => f.id === 'auth.methods')?.args.note)).toContain('held-back-endpoint');
  });

  it.each([
    {
      name: 'a mailbox it hosts: 200 with the POX URL, which qualifies the fail-safe',
      email: 'megan@tailspin.test',
      v2: { decision: 'used', reason: 'mailbox-in-exo', response: 'json-url', redirectTo: 'https://outlook.office365.com/autodiscover/autodiscover.xml', http: { status: 200, identity: { requestId: 'fee7f899-7115-43da-9d34-d3ee19920a89' } } },
      exo: 'exo used',
      notFound: false,
    },
    {
      name: 'an unknown user: 302 to the query form, not followed',
      email: 'nobody@tailspin.test',
      v2: {
        decision: 'passed-over',
        reason: 'mailbox-not-in-exo',
        response: 'http-redirect',
        redirectTo: 'https://outlook.office365.com/autodiscover/autodiscover.json?Email=nonexistent%40contoso.com&Protocol=Autodiscoverv1&RedirectCount=1',
        http: { status: 302, identity: { requestId: '1c50adeb-53ac-41b9-9c34-7045cffbae45' } },
      },
      exo: 'exo passed-over mailbox-not-in-exo',
      notFound: true,
    },
    {
      name: 'ProtocolNotSupported: 400 with its JSON error, passed over with the code',
      email: 'adele@tailspin.test',
      v2: {
        decision: 'passed-over',
        reason: 'v2-error:ProtocolNotSupported',
        response: 'not-exchange',
        errorCode: 'ProtocolNotSupported',
        // Both front ends of the capture: duplicate headers arrive as sent.
        http: { status: 400, identity: { requestId: '919734b9-f865-5488-5b4e-bfad6f82ae72', xFeServer: ['BYAPR06CA0042', 'BL1PR13CA0291'] } },
      },
      exo: 'exo passed-over mailbox-not-in-exo',
      notFound: true,
    },
  ])("Exchange Online's v2 endpoint, $name", async ({ email, v2, exo, notFound }) => {
    const run = await diagnose(email);
    expect(run.walk.candidates.find((c) => c.method === 'v2-json')).toMatchObject({ url: `https://outlook.office365.com/autodiscover/autodiscover.json/v1.0/${encodeURIComponent(email)}?Protocol=AutodiscoverV1`, ...v2 });
    expect(run.steps.filter((s) => !s.includes('skipped')).at(-1)).toBe(exo);
    expect(run.findings.includes('autodiscover.not-found')).toBe(notFound);
  });

  it('an entity bomb from the root domain: refused as invalid, unexpanded, quickly; the walk goes on and the run reports', async () => {
    const run = await diagnose('anna@bomb.test');
    const root = run.walk.candidates.find((c) => c.method === 'root-domain')!;
    expect(root).toMatchObject({ decision: 'passed-over', reason: 'invalid', response: 'invalid', http: { status: 200 } });
    expect(run.walk.candidates[run.walk.winner!]).toMatchObject({ method: 'autodiscover-domain', response: 'exchange-401' });
    expect(run.result.durationMs).toBeLessThan(WALK_WITH_BOMB_BOUND_MS);
    expect(run.findings).toContain('autodiscover.invalid-response');
    expect(run.report).toBeDefined();
    const everything = JSON.stringify(run.report) + JSON.stringify(run.evidence);
    expect(everything).not.toMatch(/(lol){20}/);
  });

  it("only the SRV record leads to Exchange: Outlook's order, the preferred target is asked and wins, the backup is not", async () => {
    const before = exchange.requests.length;
    const run = await diagnose('anna@srv.test', { user: 'CONTOSO\\anna', password: PASSWORD });
    expect(run.steps).toEqual([
      'last-known-good skipped not-windows',
      'scp skipped not-windows',
      'root-domain passed-over no-answer',
      'autodiscover-domain passed-over no-answer',
      'local-xml skipped not-windows',
      'http-redirect passed-over no-answer',
      'srv used',
      'v2-json not-reached',
      'exo not-reached',
    ]);
    const failed = run.walk.candidates.filter((c) => ['root-domain', 'autodiscover-domain', 'http-redirect'].includes(c.method));
    expect(failed.map((c) => c.tcp?.error?.kind)).toEqual(['refused', 'refused', 'refused']);
    expect(run.walk.candidates[run.walk.winner!]).toMatchObject({
      method: 'srv',
      url: 'https://exchange.srv.test/autodiscover/autodiscover.xml',
      host: 'exchange.srv.test',
      dns: { addresses: ['127.0.24.3'] },
      response: 'settings',
      credentialAttempts: [{ method: 'ntlm', status: 200 }],
    });
    expect(run.walk.candidates[run.walk.winner!]?.reason).toBeUndefined();
    expect(probesOf(run.evidence, 'dns.srv')[0]?.data?.records.map((r) => r.target)).toEqual(['exchange.srv.test', 'backup.srv.test']);
    const sent = exchange.requests.slice(before);
    expect(sent.some((r) => r.address === '127.0.24.3' && r.servername === 'exchange.srv.test' && r.target.toLowerCase() === '/autodiscover/autodiscover.xml')).toBe(true);
    expect(sent.filter((r) => r.address === '127.0.24.4')).toEqual([]);
    // Outlook stops at the SRV step: Exchange Online is not asked for this mailbox.
    expect(sent.filter((r) => r.address === '127.0.22.1' || r.address === '127.0.22.3')).toEqual([]);
    expect(run.diagnosis.findings.find((f) => f.id === 'autodiscover.http-redirect')?.args).toMatchObject({ method: 'srv', url: 'https://exchange.srv.test/autodiscover/autodiscover.xml' });
    expect(run.findings).not.toContain('autodiscover.not-found');
  });
});
