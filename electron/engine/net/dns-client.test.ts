import dgram from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SPOOFED_ADDRESS, startLabDnsServer, type LabDnsServer } from '../../../e2e/lab/dns-server';
import { checkQueryName, queryDns } from './dns-client';

let lab: LabDnsServer;

beforeAll(async () => {
  lab = await startLabDnsServer({
    ipv6: true,
    zone: {
      'mail.contoso.test': ['127.0.0.2', '127.0.0.3', '::1'],
      'v4only.contoso.test': ['127.0.0.4'],
      'autodiscover.contoso.test': { cname: 'lb.contoso.test' },
      'lb.contoso.test': { cname: 'mail.contoso.test' },
      'dangling.contoso.test': { cname: 'nowhere.contoso.test' },
      '_autodiscover._tcp.contoso.test': {
        srv: [
          { target: 'mail.contoso.test', port: 443, priority: 10, weight: 5 },
          { target: 'backup.contoso.test', port: 8443, priority: 20 },
        ],
      },
      'broken.contoso.test': { rcode: 'SERVFAIL' },
      'closed.contoso.test': { rcode: 'REFUSED' },
      'hole.contoso.test': { silent: true },
      'slow.contoso.test': { addresses: ['127.0.0.5'], delayMs: 400 },
      'big.contoso.test': { addresses: Array.from({ length: 120 }, (_, i) => `127.0.1.${i + 1}`) },
      'tc.contoso.test': { addresses: ['127.0.0.6'], truncate: true },
      'noisy.contoso.test': { addresses: ['127.0.0.7'], noiseFirst: true },
    },
  });
});

afterAll(async () => {
  await lab.close();
});

describe('queryDns', () => {
  it('returns A and AAAA records with ttl and timing', async () => {
    const [a, aaaa] = await Promise.all([
      queryDns({ server: lab.address, name: 'Mail.Contoso.Test.', type: 'A' }),
      queryDns({ server: lab.address, name: 'mail.contoso.test', type: 'AAAA' }),
    ]);
    expect(a.error).toBeUndefined();
    expect(a.rcode).toBe('NOERROR');
    expect(a.transport).toBe('udp');
    expect(a.server).toBe(lab.address);
    expect(a.answers.map((r) => r.data).sort()).toEqual(['127.0.0.2', '127.0.0.3']);
    expect(a.answers[0]).toMatchObject({ name: 'mail.contoso.test', type: 'A', ttl: 60 });
    expect(a.durationMs).toBeGreaterThanOrEqual(0);
    expect(aaaa.answers.map((r) => r.data)).toEqual(['::1']);
  });

  it('tells NODATA apart: the name exists without records of the type', async () => {
    const result = await queryDns({ server: lab.address, name: 'v4only.contoso.test', type: 'AAAA' });
    expect(result.rcode).toBe('NOERROR');
    expect(result.answers).toEqual([]);
    expect(result.error?.kind).toBe('nodata');
  });

  it('returns the CNAME chain as the answer gives it', async () => {
    const result = await queryDns({ server: lab.address, name: 'autodiscover.contoso.test', type: 'A' });
    expect(result.error).toBeUndefined();
    expect(result.answers.map((r) => `${r.name} ${r.type} ${r.data}`)).toEqual([
      'autodiscover.contoso.test CNAME lb.contoso.test',
      'lb.contoso.test CNAME mail.contoso.test',
      'mail.contoso.test A 127.0.0.2',
      'mail.contoso.test A 127.0.0.3',
    ]);
  });

  it('reports NXDOMAIN, also at the end of a CNAME chain', async () => {
    const unknown = await queryDns({ server: lab.address, name: 'nothing.contoso.test', type: 'A' });
    expect(unknown.rcode).toBe('NXDOMAIN');
    expect(unknown.error?.kind).toBe('nxdomain');
    const dangling = await queryDns({ server: lab.address, name: 'dangling.contoso.test', type: 'A' });
    expect(dangling.error?.kind).toBe('nxdomain');
    expect(dangling.answers.map((r) => r.type)).toEqual(['CNAME']);
  });

  it('parses SRV records', async () => {
    const result = await queryDns({ server: lab.address, name: '_autodiscover._tcp.contoso.test', type: 'SRV' });
    expect(result.error).toBeUndefined();
    expect(result.srv).toEqual([
      { target: 'mail.contoso.test', port: 443, priority: 10, weight: 5 },
      { target: 'backup.contoso.test', port: 8443, priority: 20, weight: 0 },
    ]);
    expect(result.answers[0]?.data).toBe('10 5 443 mail.contoso.test');
  });

  it('tells SERVFAIL and REFUSED apart', async () => {
    const [servfail, refused] = await Promise.all([
      queryDns({ server: lab.address, name: 'broken.contoso.test', type: 'A' }),
      queryDns({ server: lab.address, name: 'closed.contoso.test', type: 'A' }),
    ]);
    expect(servfail).toMatchObject({ rcode: 'SERVFAIL', error: { kind: 'servfail' } });
    expect(refused).toMatchObject({ rcode: 'REFUSED', error: { kind: 'refused' } });
  });

  it('times out on a name that is never answered, by its own deadline', async () => {
    const started = performance.now();
    const result = await queryDns({ server: lab.address, name: 'hole.contoso.test', type: 'A', timeoutMs: 300 });
    const elapsed = performance.now() - started;
    expect(result.error).toMatchObject({ kind: 'timeout', code: 'ETIMEOUT' });
    expect(result.rcode).toBeUndefined();
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(2_000);
  });

  it('waits for a slow server within the deadline and times the answer', async () => {
    const result = await queryDns({ server: lab.address, name: 'slow.contoso.test', type: 'A' });
    expect(result.error).toBeUndefined();
    expect(result.answers.map((r) => r.data)).toEqual(['127.0.0.5']);
    expect(result.durationMs).toBeGreaterThanOrEqual(350);
  });

  it('asks again over TCP when the UDP answer is truncated', async () => {
    const forced = await queryDns({ server: lab.address, name: 'tc.contoso.test', type: 'A' });
    expect(forced).toMatchObject({ transport: 'tcp', truncated: true, rcode: 'NOERROR' });
    expect(forced.answers.map((r) => r.data)).toEqual(['127.0.0.6']);
    // 120 A records do not fit the 1232 bytes announced over EDNS.
    const big = await queryDns({ server: lab.address, name: 'big.contoso.test', type: 'A' });
    expect(big).toMatchObject({ transport: 'tcp', truncated: true });
    expect(big.answers).toHaveLength(64);
    const queried = lab.queries.filter((q) => q.name === 'big.contoso.test').map((q) => q.transport);
    expect(queried).toContain('udp');
    expect(queried).toContain('tcp');
  });

  it('ignores garbage, wrong ids, other questions and datagrams from other ports', async () => {
    const result = await queryDns({ server: lab.address, name: 'noisy.contoso.test', type: 'A' });
    expect(result.error).toBeUndefined();
    expect(result.answers.map((r) => r.data)).toEqual(['127.0.0.7']);
    expect(result.answers.map((r) => r.data)).not.toContain(SPOOFED_ADDRESS);
  });

  it('keeps waiting past garbage until the deadline when no real answer comes', async () => {
    const liar = dgram.createSocket('udp4');
    liar.on('message', (message, peer) => {
      liar.send(Buffer.alloc(3000, 0xff), peer.port, peer.address);
      const wrongId = Buffer.from(message);
      wrongId.writeUInt16BE((message.readUInt16BE(0) + 7) & 0xffff, 0);
      wrongId[2] = (wrongId[2] ?? 0) | 0x80;
      liar.send(wrongId, peer.port, peer.address);
      // The query itself (QR bit clear) echoed back is not an answer either.
      liar.send(message, peer.port, peer.address);
    });
    await new Promise<void>((resolve) => liar.bind(0, '127.0.0.1', resolve));
    try {
      const result = await queryDns({ server: `127.0.0.1:${liar.address().port}`, name: 'x.contoso.test', type: 'A', timeoutMs: 400 });
      expect(result.error?.kind).toBe('timeout');
    } finally {
      liar.close();
    }
  });

  it('fails fast with a network error when nothing listens on the port', async () => {
    const probe = dgram.createSocket('udp4');
    await new Promise<void>((resolve) => probe.bind(0, '127.0.0.1', resolve));
    const port = probe.address().port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const started = performance.now();
    const result = await queryDns({ server: `127.0.0.1:${port}`, name: 'mail.contoso.test', type: 'A' });
    expect(result.error).toMatchObject({ kind: 'network', code: 'ECONNREFUSED' });
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it('stops at once when the signal aborts', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new DOMException('probe timeout', 'TimeoutError')), 100);
    const started = performance.now();
    const result = await queryDns({ server: lab.address, name: 'hole.contoso.test', type: 'A', signal: controller.signal });
    expect(result.error?.kind).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(1_000);

    const cancelled = await queryDns({ server: lab.address, name: 'mail.contoso.test', type: 'A', signal: AbortSignal.abort() });
    expect(cancelled.error).toMatchObject({ kind: 'other', code: 'ECANCELLED' });
  });

  it('rejects names and servers it cannot ask, without sending', async () => {
    const before = lab.queries.length;
    const long = await queryDns({ server: lab.address, name: `${'a'.repeat(64)}.contoso.test`, type: 'A' });
    expect(long.error?.kind).toBe('bad-name');
    const spaced = await queryDns({ server: lab.address, name: 'mail contoso.test', type: 'A' });
    expect(spaced.error?.kind).toBe('bad-name');
    const server = await queryDns({ server: 'not-an-ip', name: 'mail.contoso.test', type: 'A' });
    expect(server.error?.code).toBe('EBADSERVER');
    expect(lab.queries.length).toBe(before);
    expect(checkQueryName('a..b')).toMatch(/empty label/);
    expect(checkQueryName('mail.contoso.test')).toBeNull();
  });

  it('asks a server on IPv6 loopback', async (ctx) => {
    if (!lab.address6) {
      console.warn('skipped: no IPv6 loopback (::1) in this environment');
      ctx.skip();
    }
    const result = await queryDns({ server: lab.address6!, name: 'mail.contoso.test', type: 'A' });
    expect(result.server).toBe(lab.address6);
    expect(result.answers.map((r) => r.data).sort()).toEqual(['127.0.0.2', '127.0.0.3']);
    const tcp = await queryDns({ server: lab.address6!, name: 'tc.contoso.test', type: 'A' });
    expect(tcp.transport).toBe('tcp');
    expect(tcp.answers.map((r) => r.data)).toEqual(['127.0.0.6']);
  });
});
