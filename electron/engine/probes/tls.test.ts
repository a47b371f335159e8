import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probesOf } from '../../../shared/model/evidence';
import type { TlsData } from '../../../shared/model/probe-data';
import type { ProbeResultOf } from '../../../shared/model/probe-result';
import type { RunInput } from '../../../shared/model/run-input';
import { createCa, days, issueCert, selfSignedCert, spkiSha256Of, type IssuedCert, type TestCa } from '../../../e2e/lab/pki';
import { staticDnsProbe } from '../../../e2e/lab/static-dns';
import { startBrokenTlsServer, startTlsServer, type BrokenTlsBehaviour, type LabServer } from '../../../e2e/lab/tls-server';
import { createRunServices } from '../create-run-services';
import { tlsContext, tlsHandshake } from '../net/tls-handshake';
import { DEADLINE_GRACE_MS, runProbes } from '../runner';
import { tcpProbe } from './tcp';
import { TLS_HANDSHAKE_TIMEOUT_MS, tlsProbe } from './tls';


/** Slack for a loaded two-core machine on top of a deadline. */
const MARGIN_MS = 1_500;
const NAME = 'mail.contoso.test';

let ca: TestCa;
let rsaCa: TestCa;
const servers: LabServer[] = [];

beforeAll(async () => {
  [ca, rsaCa] = await Promise.all([createCa(), createCa('Outlook-Doktor Test RSA CA', 'rsa2048')]);
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function serve(cert: IssuedCert, options: { address?: string; protocol?: 'tls1.0-only' } = {}): Promise<LabServer> {
  const server = await startTlsServer({ addresses: [options.address ?? '127.0.0.2'], cert, ...(options.protocol ? { protocol: options.protocol } : {}) });
  servers.push(server);
  return server;
}

async function serveBroken(behaviour: BrokenTlsBehaviour): Promise<LabServer> {
  const server = await startBrokenTlsServer({ addresses: ['127.0.0.2'], behaviour });
  servers.push(server);
  return server;
}

/** Runs DNS stand-in, TCP and TLS like a diagnosis does; `host` resolves to the server's address. */
async function probe(server: LabServer, options: { host?: string; anchors?: string[]; deadlineMs?: number } = {}) {
  const host = options.host ?? NAME;
  const runInput: RunInput = {
    server: { host, port: server.port },
    dnsServers: [],
    connectivityUrl: 'http://127.0.0.1:9/',
    connectivityExpect: 'x',
    proxy: { mode: 'none' },
    timeoutMs: 10_000,
  };
  const services = createRunServices(runInput, { extraCa: options.anchors ?? [ca.certPem] });
  const started = performance.now();
  try {
    const results = await runProbes({
      definitions: [staticDnsProbe({ [host]: server.addresses }), tcpProbe, tlsProbe],
      input: runInput,
      services,
      deadlineMs: options.deadlineMs ?? 15_000,
    });
    const tls = probesOf({ probes: results }, 'tls');
    expect(tls).toHaveLength(1);
    return { result: tls[0]!, data: tls[0]!.data!, elapsed: performance.now() - started };
  } finally {
    await services.close();
  }
}

function leafOf(data: TlsData) {
  expect(data.chain.length).toBeGreaterThan(0);
  return data.chain[0]!;
}

describe('tls probe: certificates', () => {
  it('records a valid chain in full: protocol, cipher, ALPN, trust, name, every certificate fact', async () => {
    const cert = await issueCert(ca, { names: [NAME, 'autodiscover.contoso.test', '127.0.0.2'] });
    const { result, data } = await probe(await serve(cert));
    expect(result).toMatchObject<Partial<ProbeResultOf<'tls'>>>({ status: 'ok', after: [expect.stringMatching(/^tcp:mail\.contoso\.test@127\.0\.0\.2:\d+$/) as string] });
    expect(data).toMatchObject({ host: NAME, address: '127.0.0.2', servername: NAME, protocol: 'TLSv1.3', alpn: 'http/1.1', trusted: true, nameMatches: true });
    expect(data.cipher).toMatch(/^TLS_/);
    expect(data.handshakeMs).toBeGreaterThan(0);
    expect(data.error).toBeUndefined();
    expect(data.trustError).toBeUndefined();
    expect(data.legacy).toBeUndefined();

    expect(data.chain).toHaveLength(2);
    const [leaf, root] = data.chain as [TlsData['chain'][0], TlsData['chain'][0]];
    const x509 = new X509Certificate(cert.certPem);
    expect(leaf).toMatchObject({
      subject: `CN=${NAME}`,
      issuer: 'CN=Outlook-Doktor Test Root CA, O=Outlook-Doktor Tests',
      subjectAltNames: [`DNS:${NAME}`, 'DNS:autodiscover.contoso.test', 'IP:127.0.0.2'],
      serialNumber: x509.serialNumber.toUpperCase(),
      keyType: 'ec',
      keyBits: 256,
      curve: 'prime256v1',
      signatureAlgorithm: 'ecdsa-with-SHA256',
      signatureAlgorithmOid: '1.2.840.10045.4.3.2',
      fingerprint256: x509.fingerprint256,
      isCA: false,
      selfSigned: false,
    });
    expect(Date.parse(leaf.validTo)).toBe(Date.parse(x509.validTo));
    expect(leaf.validFrom).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(leaf.daysLeft).toBeGreaterThanOrEqual(363);
    expect(leaf.daysLeft).toBeLessThanOrEqual(365);
    expect(root).toMatchObject({ subject: 'CN=Outlook-Doktor Test Root CA, O=Outlook-Doktor Tests', isCA: true, selfSigned: true });
    // The key's own fingerprint, from @peculiar/x509's reading of the certificate (another parser than Node's).
    expect(leaf.spkiSha256).toBe(await spkiSha256Of(cert.certPem));
    expect(root.spkiSha256).toBe(await spkiSha256Of(ca.certPem));
    expect(leaf.spkiSha256).not.toBe(root.spkiSha256);
  });

  it('tells an expired certificate', async () => {
    const { data } = await probe(await serve(await issueCert(ca, { names: [NAME], notBefore: days(-60), notAfter: days(-2) })));
    expect(data).toMatchObject({ trusted: false, trustError: { kind: 'expired', code: 'CERT_HAS_EXPIRED' }, nameMatches: true });
    expect(leafOf(data).daysLeft).toBeLessThanOrEqual(-2);
    expect(leafOf(data).daysLeft).toBeGreaterThanOrEqual(-3);
  });

  it('tells a certificate that is not valid yet', async () => {
    const { data } = await probe(await serve(await issueCert(ca, { names: [NAME], notBefore: days(3), notAfter: days(300) })));
    expect(data).toMatchObject({ trusted: false, trustError: { kind: 'not-yet-valid', code: 'CERT_NOT_YET_VALID' } });
    expect(Date.parse(leafOf(data).validFrom)).toBeGreaterThan(Date.now());
  });

  it('tells a certificate for another name, with the chain still trusted', async () => {
    const { result, data } = await probe(await serve(await issueCert(ca, { names: ['owa.other.test'] })));
    expect(result.status).toBe('ok');
    expect(data).toMatchObject({ trusted: true, nameMatches: false });
    expect(data.nameError).toContain(NAME);
    expect(result.summary).toContain('name mismatch');
  });

  it('tells a self-signed certificate', async () => {
    const { data } = await probe(await serve(await selfSignedCert({ names: [NAME] })));
    expect(data).toMatchObject({ trusted: false, trustError: { kind: 'self-signed', code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }, nameMatches: true });
    expect(data.chain).toHaveLength(1);
    expect(leafOf(data).selfSigned).toBe(true);
  });

  it('tells a chain from a private CA that is not among the trust anchors', async () => {
    const privateCa = await createCa('Contoso Private Root');
    const { data } = await probe(await serve(await issueCert(privateCa, { names: [NAME] })));
    expect(data).toMatchObject({ trusted: false, trustError: { kind: 'untrusted' }, nameMatches: true });
    expect(data.chain.map((c) => c.subject)).toEqual([`CN=${NAME}`, 'CN=Contoso Private Root, O=Outlook-Doktor Tests']);
  });

  it('completes the handshake with an RSA 1024 key and reports its size', async () => {
    const { result, data } = await probe(await serve(await issueCert(ca, { names: [NAME], key: 'rsa1024' })));
    expect(result.status).toBe('ok');
    expect(leafOf(data)).toMatchObject({ keyType: 'rsa', keyBits: 1024 });
    expect(leafOf(data).curve).toBeUndefined();
    expect(data.trusted).toBe(true);
  });

  it('completes the handshake with a SHA-1 signature and names the algorithm', async () => {
    const cert = await issueCert(rsaCa, { names: [NAME], key: 'rsa2048', hash: 'SHA-1' });
    const { result, data } = await probe(await serve(cert), { anchors: [rsaCa.certPem] });
    expect(result.status).toBe('ok');
    expect(leafOf(data)).toMatchObject({ signatureAlgorithm: 'sha1WithRSAEncryption', signatureAlgorithmOid: '1.2.840.113549.1.1.5', keyType: 'rsa', keyBits: 2048 });
    expect(data.chain[1]).toMatchObject({ signatureAlgorithm: 'sha256WithRSAEncryption' });
    expect(data.trusted).toBe(true);
  });

  it('counts the days of a certificate that expires soon', async () => {
    const { data } = await probe(await serve(await issueCert(ca, { names: [NAME], notAfter: days(5) })));
    expect(data.trusted).toBe(true);
    expect(leafOf(data).daysLeft).toBeGreaterThanOrEqual(4);
    expect(leafOf(data).daysLeft).toBeLessThanOrEqual(5);
  });

  it('sends no SNI to an IP literal and checks the IP against the SAN', async () => {
    const withIp = await probe(await serve(await issueCert(ca, { names: [NAME, '127.0.0.2'] })), { host: '127.0.0.2' });
    expect(withIp.data).toMatchObject({ host: '127.0.0.2', servername: '', nameMatches: true, trusted: true });
    const withoutIp = await probe(await serve(await issueCert(ca, { names: [NAME] })), { host: '127.0.0.2' });
    expect(withoutIp.data).toMatchObject({ servername: '', nameMatches: false });
  });

  it('checks IPv6 as well', async () => {
    const { data } = await probe(await serve(await issueCert(ca, { names: [NAME] }), { address: '::1' }));
    expect(data).toMatchObject({ address: '::1', servername: NAME, trusted: true, nameMatches: true });
  });
});

describe('tls probe: failures', () => {
  it('detects a server that speaks only TLS 1.0 with the legacy handshake', async () => {
    const cert = await issueCert(rsaCa, { names: [NAME], key: 'rsa2048' });
    const { result, data } = await probe(await serve(cert, { protocol: 'tls1.0-only' }), { anchors: [rsaCa.certPem] });
    expect(result.status).toBe('fail');
    expect(data.error?.kind).toMatch(/^(alert|protocol)$/);
    expect(data.protocol).toBeUndefined();
    expect(data.legacy).toMatchObject({ ok: true, protocol: 'TLSv1' });
    expect(data.legacy?.error).toBeUndefined();
    // The certificate is still on record, from the legacy handshake.
    expect(data).toMatchObject({ trusted: true, nameMatches: true });
    expect(leafOf(data).subject).toBe(`CN=${NAME}`);
    expect(result.summary).toContain('legacy TLSv1');
  });

  it('ends a handshake that the server never answers by its own timeout', async () => {
    const { result, data, elapsed } = await probe(await serveBroken('stall'));
    expect(result.status).toBe('timeout');
    expect(data.error).toMatchObject({ kind: 'timeout' });
    expect(data.error?.message).toContain('did not answer the ClientHello');
    // No second handshake: a server that never answers would not answer an old hello either.
    expect(data.legacy).toBeUndefined();
    expect(elapsed).toBeGreaterThanOrEqual(TLS_HANDSHAKE_TIMEOUT_MS - 50);
    expect(elapsed).toBeLessThan(TLS_HANDSHAKE_TIMEOUT_MS + MARGIN_MS);
  });

  it('hands in a timeout with evidence when the run deadline cuts the handshake', async () => {
    const deadlineMs = 800;
    const { result, data, elapsed } = await probe(await serveBroken('stall'), { deadlineMs });
    expect(result.status).toBe('timeout');
    expect(data.error?.message).toContain('run deadline');
    expect(elapsed).toBeLessThan(deadlineMs + DEADLINE_GRACE_MS + MARGIN_MS);
  });

  it('tells a reset on the ClientHello, and tries the legacy handshake', async () => {
    const server = await serveBroken('reset');
    const { result, data } = await probe(server);
    expect(result.status).toBe('fail');
    expect(data.error).toMatchObject({ kind: 'reset', code: 'ECONNRESET' });
    expect(data.legacy).toMatchObject({ ok: false, error: { kind: 'reset' } });
    expect(data.chain).toEqual([]);
    // TCP probe, normal handshake, legacy handshake.
    expect(server.connections).toBe(3);
  });

  it('tells a server that closes without a word', async () => {
    const { data } = await probe(await serveBroken('close'));
    expect(data.error).toMatchObject({ kind: 'closed' });
    expect(data.legacy).toMatchObject({ ok: false, error: { kind: 'closed' } });
  });

  it('tells a server that answers with something else than TLS', async () => {
    const { result, data } = await probe(await serveBroken('garbage'));
    expect(result.status).toBe('fail');
    expect(data.error).toMatchObject({ kind: 'protocol', code: 'ERR_SSL_WRONG_VERSION_NUMBER' });
    expect(data.legacy?.ok).toBe(false);
  });

  it('names the alert a modern server sends to a legacy-only hello', async () => {
    // The reverse case gives a real alert to read: the modern lab server refuses TLS 1.0/1.1.
    const cert = await issueCert(ca, { names: [NAME] });
    const server = await serve(cert);
    const { data } = await probe(server);
    expect(data.error).toBeUndefined();
    const legacy = await tlsHandshake(
      { address: '127.0.0.2', port: server.port, servername: NAME, context: tlsContext([ca.certPem], 'legacy'), timeoutMs: 2_000, signal: new AbortController().signal },
      () => undefined,
    );
    expect(legacy.ok).toBe(false);
    expect(legacy.handshake.error?.kind).toBe('alert');
    expect(legacy.handshake.alert).toEqual({ name: 'protocol_version', number: 70 });
  });
});

describe('tls probe: planning', () => {
  it('runs once per address whose TCP connect worked, on every address of a load-balanced name', async () => {
    const cert = await issueCert(ca, { names: [NAME] });
    const balanced = await startTlsServer({ addresses: ['127.0.0.2', '127.0.0.3'], cert });
    servers.push(balanced);
    const runInput: RunInput = {
      server: { host: NAME, port: balanced.port },
      dnsServers: [],
      connectivityUrl: 'http://127.0.0.1:9/',
      connectivityExpect: 'x',
      proxy: { mode: 'none' },
      timeoutMs: 10_000,
    };
    const services = createRunServices(runInput, { extraCa: [ca.certPem] });
    // 127.0.0.5 has nothing on the port: its TCP connect is refused and no TLS is attempted.
    const results = await runProbes({
      definitions: [staticDnsProbe({ [NAME]: ['127.0.0.2', '127.0.0.5', '127.0.0.3'] }), tcpProbe, tlsProbe],
      input: runInput,
      services,
      deadlineMs: 10_000,
    });
    await services.close();
    expect(probesOf({ probes: results }, 'tcp').map((r) => [r.data?.address, r.status])).toEqual([
      ['127.0.0.2', 'ok'],
      ['127.0.0.5', 'fail'],
      ['127.0.0.3', 'ok'],
    ]);
    const tls = probesOf({ probes: results }, 'tls');
    expect(tls.map((r) => [r.data?.address, r.status]).sort()).toEqual([
      ['127.0.0.2', 'ok'],
      ['127.0.0.3', 'ok'],
    ]);
    expect(tls.map((r) => r.after)).toContainEqual([`tcp:${NAME}@127.0.0.3:${balanced.port}`]);
  });
});
