// @peculiar/x509 resolves its services through tsyringe, which needs the Reflect polyfill first.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isIP } from 'node:net';
import * as x509 from '@peculiar/x509';

/**
 * A certificate authority made at test time, and certificates it issues.
 *
 * Nothing is committed: every test run has its own CA, trusted only through `--ca-file`.
 * Key types cover the cases the TLS probe must tell apart (EC, RSA 2048, weak RSA 1024) and the
 * signature hash can be SHA-1 for the weak-signature case.
 */
x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const DAY = 86_400_000;

export type KeyKind = 'ec' | 'rsa2048' | 'rsa1024';

export interface TestCa {
  name: string;
  certPem: string;
  cert: x509.X509Certificate;
  keys: CryptoKeyPair;
}

export interface IssuedCert {
  /** Leaf certificate, PEM. */
  certPem: string;
  /** Leaf and issuing CA, PEM, as a server sends it. */
  chainPem: string;
  /** PKCS#8 private key, PEM. */
  keyPem: string;
}

export interface CertOptions {
  /** DNS names and IP addresses for the SAN; the first is also the CN. */
  names: string[];
  notBefore?: Date;
  notAfter?: Date;
  key?: KeyKind;
  hash?: 'SHA-256' | 'SHA-1';
}

function algorithm(kind: KeyKind, hash: 'SHA-256' | 'SHA-1'): RsaHashedKeyGenParams | EcKeyGenParams {
  if (kind === 'ec') return { name: 'ECDSA', namedCurve: 'P-256', hash };
  return { name: 'RSASSA-PKCS1-v1_5', hash, publicExponent: new Uint8Array([1, 0, 1]), modulusLength: kind === 'rsa1024' ? 1024 : 2048 };
}

function signingAlgorithm(kind: KeyKind, hash: 'SHA-256' | 'SHA-1'): Algorithm {
  return kind === 'ec' ? ({ name: 'ECDSA', hash } as EcdsaParams) : ({ name: 'RSASSA-PKCS1-v1_5', hash } as Algorithm);
}

async function generate(kind: KeyKind, hash: 'SHA-256' | 'SHA-1'): Promise<CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(algorithm(kind, hash), true, ['sign', 'verify']));
}

function serial(): string {
  return Buffer.from(webcrypto.getRandomValues(new Uint8Array(12))).toString('hex').replace(/^[89a-f]/, '1');
}

async function pkcs8Pem(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key));
  return `-----BEGIN PRIVATE KEY-----\n${der.toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END PRIVATE KEY-----\n`;
}

function sanExtension(names: string[]): x509.SubjectAlternativeNameExtension {
  return new x509.SubjectAlternativeNameExtension(names.map((n) => (isIP(n) ? { type: 'ip' as const, value: n } : { type: 'dns' as const, value: n })));
}

export async function createCa(name = 'Outlook-Doktor Test Root CA', key: KeyKind = 'ec'): Promise<TestCa> {
  const keys = await generate(key, 'SHA-256');
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=${name}, O=Outlook-Doktor Tests`,
    notBefore: new Date(Date.now() - DAY),
    notAfter: new Date(Date.now() + 3650 * DAY),
    keys,
    signingAlgorithm: signingAlgorithm(key, 'SHA-256'),
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { name, certPem: cert.toString('pem'), cert, keys };
}

function caKeyKind(ca: TestCa): KeyKind {
  return ca.keys.privateKey.algorithm.name === 'ECDSA' ? 'ec' : 'rsa2048';
}

/**
 * The CA's private key for signing with `hash`.
 *
 * An RSA key in WebCrypto carries its hash, and @peculiar/x509 signs with the key's algorithm
 * over the requested one, so a SHA-1 signature by an RSA CA needs the key imported for SHA-1.
 */
async function caSigningKey(ca: TestCa, hash: 'SHA-256' | 'SHA-1'): Promise<CryptoKey> {
  const key = ca.keys.privateKey;
  if (key.algorithm.name !== 'RSASSA-PKCS1-v1_5' || (key.algorithm as RsaHashedKeyAlgorithm).hash.name === hash) return key;
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', key);
  return webcrypto.subtle.importKey('pkcs8', pkcs8, { name: 'RSASSA-PKCS1-v1_5', hash }, false, ['sign']);
}

/** A server certificate issued by `ca`. */
export async function issueCert(ca: TestCa, options: CertOptions): Promise<IssuedCert> {
  const kind = options.key ?? 'ec';
  const hash = options.hash ?? 'SHA-256';
  const keys = await generate(kind, 'SHA-256');
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: `CN=${options.names[0] ?? 'localhost'}`,
    issuer: ca.cert.subject,
    notBefore: options.notBefore ?? new Date(Date.now() - DAY),
    notAfter: options.notAfter ?? new Date(Date.now() + 365 * DAY),
    publicKey: keys.publicKey,
    signingKey: await caSigningKey(ca, hash),
    signingAlgorithm: signingAlgorithm(caKeyKind(ca), hash),
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      sanExtension(options.names),
      await x509.AuthorityKeyIdentifierExtension.create(ca.cert),
    ],
  });
  const certPem = cert.toString('pem');
  return { certPem, chainPem: `${certPem}\n${ca.certPem}`, keyPem: await pkcs8Pem(keys.privateKey) };
}

/** A self-signed server certificate (no CA), as an admin's quick test setup has. */
export async function selfSignedCert(options: CertOptions): Promise<IssuedCert> {
  const kind = options.key ?? 'ec';
  const hash = options.hash ?? 'SHA-256';
  const keys = await generate(kind, hash);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=${options.names[0] ?? 'localhost'}`,
    notBefore: options.notBefore ?? new Date(Date.now() - DAY),
    notAfter: options.notAfter ?? new Date(Date.now() + 365 * DAY),
    keys,
    signingAlgorithm: signingAlgorithm(kind, hash),
    extensions: [new x509.BasicConstraintsExtension(false, undefined, true), sanExtension(options.names)],
  });
  const certPem = cert.toString('pem');
  return { certPem, chainPem: certPem, keyPem: await pkcs8Pem(keys.privateKey) };
}

export const days = (n: number): Date => new Date(Date.now() + n * DAY);

/** SHA-256 of a certificate's SubjectPublicKeyInfo as `AB:CD:…`, read by @peculiar/x509 (not by Node, which the engine uses). */
export async function spkiSha256Of(pem: string): Promise<string> {
  const digest = await new x509.X509Certificate(pem).publicKey.getThumbprint('SHA-256');
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':');
}

/** The CA's certificate as a PEM file in a temporary folder of its own (for `--ca-file`), and how to remove it. */
export async function writeCaFile(ca: TestCa, prefix: string): Promise<{ file: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  const file = path.join(dir, 'ca.pem');
  await writeFile(file, ca.certPem);
  return { file, remove: () => rm(dir, { recursive: true, force: true }) };
}
