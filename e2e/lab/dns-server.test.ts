import { Resolver } from 'node:dns/promises';
import dgram from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { startLabDnsServer, type LabDnsServer } from './dns-server';

/** Checks the lab with an independent client (Node's c-ares), so client and lab cannot share a mistake. */
function resolverFor(server: string, timeout = 500) {
  const resolver = new Resolver({ timeout, tries: 1 });
  resolver.setServers([server]);
  return resolver;
}

let lab: LabDnsServer | undefined;
afterEach(async () => {
  await lab?.close();
  lab = undefined;
});

describe('lab DNS server', () => {
  it('answers A, AAAA, CNAME chains and SRV as a resolver would', async () => {
    lab = await startLabDnsServer({
      zone: {
        'Mail.Contoso.Test': ['127.0.0.2', '::1'],
        'autodiscover.contoso.test': { cname: 'mail.contoso.test' },
        '_autodiscover._tcp.contoso.test': { srv: [{ target: 'mail.contoso.test', port: 443, priority: 5, weight: 7 }] },
      },
    });
    const r = resolverFor(lab.address);
    expect(await r.resolve4('mail.contoso.test')).toEqual(['127.0.0.2']);
    expect(await r.resolve6('MAIL.contoso.test')).toEqual(['::1']);
    expect(await r.resolve4('autodiscover.contoso.test')).toEqual(['127.0.0.2']);
    expect(await r.resolveCname('autodiscover.contoso.test')).toEqual(['mail.contoso.test']);
    expect(await r.resolveSrv('_autodiscover._tcp.contoso.test')).toEqual([{ name: 'mail.contoso.test', port: 443, priority: 5, weight: 7 }]);
    await expect(r.resolve4('unknown.contoso.test')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    expect(lab.queries.map((q) => `${q.name} ${q.type}`)).toContain('autodiscover.contoso.test A');
  });

  it('answers truncated over UDP and in full over TCP', async () => {
    lab = await startLabDnsServer({ zone: { 'big.contoso.test': Array.from({ length: 100 }, (_, i) => `127.0.2.${i + 1}`) } });
    expect(await resolverFor(lab.address).resolve4('big.contoso.test')).toHaveLength(100);
    expect(lab.queries.map((q) => q.transport)).toEqual(['udp', 'tcp']);
  });

  it('fails, refuses or stays silent per name, and changes answers at run time', async () => {
    lab = await startLabDnsServer({
      zone: {
        'broken.contoso.test': { rcode: 'SERVFAIL' },
        'closed.contoso.test': { rcode: 'REFUSED' },
        'hole.contoso.test': { silent: true },
        'mail.contoso.test': ['127.0.0.2'],
      },
    });
    const r = resolverFor(lab.address);
    await expect(r.resolve4('broken.contoso.test')).rejects.toMatchObject({ code: 'ESERVFAIL' });
    await expect(r.resolve4('closed.contoso.test')).rejects.toMatchObject({ code: 'EREFUSED' });
    await expect(r.resolve4('hole.contoso.test')).rejects.toMatchObject({ code: 'ETIMEOUT' });
    lab.set('mail.contoso.test', ['127.0.0.3']);
    expect(await r.resolve4('mail.contoso.test')).toEqual(['127.0.0.3']);
    lab.setSilent(true);
    await expect(r.resolve4('mail.contoso.test')).rejects.toMatchObject({ code: 'ETIMEOUT' });
    lab.setSilent(false);
    lab.setZone({});
    await expect(r.resolve4('mail.contoso.test')).rejects.toMatchObject({ code: 'ENOTFOUND' });
  });

  it('survives garbage and frees its port on close', async () => {
    lab = await startLabDnsServer({ zone: { 'mail.contoso.test': ['127.0.0.2'] } });
    const client = dgram.createSocket('udp4');
    await new Promise<void>((resolve) => client.send(Buffer.from('junk'), lab!.port, '127.0.0.1', () => resolve()));
    client.close();
    expect(await resolverFor(lab.address).resolve4('mail.contoso.test')).toEqual(['127.0.0.2']);
    const port = lab.port;
    await lab.close();
    lab = undefined;
    const rebind = dgram.createSocket('udp4');
    await new Promise<void>((resolve, reject) => {
      rebind.once('error', reject);
      rebind.bind(port, '127.0.0.1', () => resolve());
    });
    rebind.close();
  });

  it('listens on ::1 when asked and available', async (ctx) => {
    lab = await startLabDnsServer({ ipv6: true, zone: { 'mail.contoso.test': ['127.0.0.2'] } });
    if (!lab.address6) {
      console.warn('skipped: no IPv6 loopback (::1) in this environment');
      ctx.skip();
    }
    expect(lab.servers).toEqual([lab.address, lab.address6]);
    expect(await resolverFor(lab.address6!).resolve4('mail.contoso.test')).toEqual(['127.0.0.2']);
  });
});
