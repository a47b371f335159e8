import type { CertificateInfo } from '../model/probe-data';

/**
 * TLS inspection products recognised by the issuer names of the certificates they make.
 *
 * Proxies, firewalls and antivirus suites that decrypt HTTPS issue a certificate for every site
 * from their own CA; its name gives the product away. Only names that such a CA uses are listed,
 * never a public CA's (Cloudflare, for example, issues real server certificates).
 */
const INSPECTION_PRODUCTS: readonly { product: string; issuer: RegExp }[] = [
  { product: 'Zscaler', issuer: /zscaler/i },
  { product: 'Netskope', issuer: /netskope/i },
  { product: 'Palo Alto Networks', issuer: /palo ?alto|pan-?os/i },
  { product: 'Fortinet FortiGate', issuer: /forti(gate|net)/i },
  { product: 'Sophos', issuer: /sophos/i },
  { product: 'Check Point', issuer: /check ?point/i },
  { product: 'Cisco Umbrella', issuer: /cisco umbrella/i },
  { product: 'Forcepoint', issuer: /forcepoint|websense/i },
  { product: 'Symantec/Broadcom ProxySG', issuer: /blue ?coat|proxysg/i },
  { product: 'McAfee/Skyhigh Web Gateway', issuer: /mcafee web gateway|skyhigh/i },
  { product: 'Barracuda', issuer: /barracuda/i },
  { product: 'WatchGuard', issuer: /watchguard/i },
  { product: 'Menlo Security', issuer: /menlo security/i },
  { product: 'iboss', issuer: /\biboss\b/i },
  { product: 'Kaspersky', issuer: /kaspersky/i },
  { product: 'ESET', issuer: /eset ssl filter/i },
  { product: 'Avast/AVG', issuer: /(avast|avg) (web\/mail|untrusted)/i },
  { product: 'Bitdefender', issuer: /bitdefender/i },
  { product: 'Trend Micro', issuer: /trend ?micro/i },
];

/** The inspection product that issued a certificate of the chain, if its name gives one away. */
export function inspectionProductOf(chain: readonly CertificateInfo[]): string | undefined {
  for (const cert of chain) {
    for (const { product, issuer } of INSPECTION_PRODUCTS) {
      if (issuer.test(cert.issuer)) return product;
    }
  }
  return undefined;
}
