import { X509Certificate } from 'node:crypto';
import { createServer, connect } from 'node:tls';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createCa, days, issueCert, selfSignedCert } from './pki';

describe('test PKI', () => {
  it('issues a certificate that Node trusts through the test CA only', async () => {
    const ca = await createCa();
    const leaf = await issueCert(ca, { names: ['mail.contoso.test', '127.0.0.2'] });
    const parsed = new X509Certificate(leaf.certPem);
    expect(parsed.checkHost('mail.contoso.test')).toBe('mail.contoso.test');
    expect(parsed.checkIP('127.0.0.2')).toBe('127.0.0.2');
    expect(parsed.verify(new X509Certificate(ca.certPem).publicKey)).toBe(true);

    const server = createServer({ key: leaf.keyPem, cert: leaf.chainPem }, (s) => s.end());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    const handshake = (ca?: string) =>
      new Promise<{ authorized: boolean; error: string | undefined }>((resolve, reject) => {
        const s = connect({ host: '127.0.0.1', port, servername: 'mail.contoso.test', rejectUnauthorized: false, ...(ca ? { ca } : {}) }, () => {
          resolve({ authorized: s.authorized, error: s.authorizationError?.toString() });
          s.destroy();
        });
        s.on('error', reject);
      });
    expect((await handshake(ca.certPem)).authorized).toBe(true);
    expect(await handshake()).toMatchObject({ authorized: false, error: 'SELF_SIGNED_CERT_IN_CHAIN' });
    server.close();
  });

  it('makes the faulty variants the TLS probe must recognise', async () => {
    const ca = await createCa();
    const expired = new X509Certificate((await issueCert(ca, { names: ['a.test'], notBefore: days(-30), notAfter: days(-1) })).certPem);
    expect(Date.parse(expired.validTo)).toBeLessThan(Date.now());
    const weak = new X509Certificate((await issueCert(ca, { names: ['a.test'], key: 'rsa1024' })).certPem);
    expect(weak.publicKey.asymmetricKeyDetails?.modulusLength).toBe(1024);
    const self = new X509Certificate((await selfSignedCert({ names: ['a.test'] })).certPem);
    expect(self.issuer).toBe(self.subject);
  });
});
