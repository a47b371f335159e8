import { describe, expect, it } from 'vitest';
import { certificate, connectivity, EXCHANGE_CHAIN, evidenceOf, HOST, proxyConfig, proxyConnect, tls } from '../testing/http-evidence-builders';
import { hitOf, raisedIds } from '../testing/diagnose-helpers';
import { RAISING } from '../testing/rules-b-scenarios';
import { portalDetectedRule } from './portal-detected';
import { tlsInterceptedRule } from './tls-intercepted';

describe('tls.intercepted', () => {
  it.each(RAISING['tls.intercepted'])('raised: $name', ({ evidence }) => {
    const hit = hitOf(tlsInterceptedRule, evidence);
    expect(hit.args?.host).toBe(HOST);
  });

  it('compares with the direct chain and names the foreign issuer', () => {
    const hit = hitOf(tlsInterceptedRule, RAISING['tls.intercepted'][0]!.evidence);
    expect(hit.args?.issuer).toBe('CN=Contoso Inspection CA,O=Contoso');
    expect(hit.evidence).toEqual([`proxy.connect:${HOST}:443@proxy.contoso.com`, `tls:${HOST}@192.0.2.20`]);
  });

  it('recognises the product by the issuer', () => {
    expect(hitOf(tlsInterceptedRule, RAISING['tls.intercepted'][1]!.evidence).args?.product).toBe('Zscaler');
  });

  it('not raised when the proxy passes the server chain through', () => {
    expect(tlsInterceptedRule.evaluate(evidenceOf([tls(), proxyConfig(), proxyConnect()]))).toBeNull();
  });

  it('not raised when another node of the same name has another certificate (and key) from the same CA', () => {
    const otherLeaf = [{ ...EXCHANGE_CHAIN[0]!, fingerprint256: 'other', serialNumber: '02', spkiSha256: 'other-node-key' }, EXCHANGE_CHAIN[1]!];
    const evidence = evidenceOf([tls(), proxyConnect({ tls: { servername: HOST, chain: otherLeaf, trusted: true } })]);
    expect(tlsInterceptedRule.evaluate(evidence)).toBeNull();
  });

  it('raised when the issuer has the same name but another key: a copied CA name', () => {
    const forged = [
      { ...EXCHANGE_CHAIN[0]!, fingerprint256: 'forged', spkiSha256: 'inspection-leaf-key' },
      { ...EXCHANGE_CHAIN[1]!, fingerprint256: 'forged-ca', spkiSha256: 'inspection-ca-key' },
    ];
    const hit = hitOf(tlsInterceptedRule, evidenceOf([tls(), proxyConfig(), proxyConnect({ tls: { servername: HOST, chain: forged, trusted: true } })]));
    expect(hit.args).toMatchObject({ host: HOST, issuer: EXCHANGE_CHAIN[0]!.issuer, note: 'same-name-other-key', issuerKey: 'inspection-ca-key', directIssuerKey: EXCHANGE_CHAIN[1]!.spkiSha256 });
    expect(hit.args?.product).toBeUndefined();
  });

  it('not raised when the leaf through the proxy has the key seen directly, whatever chain comes with it', () => {
    const crossSigned = [{ ...EXCHANGE_CHAIN[0]!, issuer: "CN=R11 cross,O=Let's Encrypt,C=US" }, { ...EXCHANGE_CHAIN[1]!, subject: "CN=R11 cross,O=Let's Encrypt,C=US", spkiSha256: 'cross-key' }];
    expect(tlsInterceptedRule.evaluate(evidenceOf([tls(), proxyConnect({ tls: { servername: HOST, chain: crossSigned, trusted: true } })]))).toBeNull();
  });

  it('not raised on keys when a chain lacks the issuing certificate (nothing to compare)', () => {
    const leafOnly = [{ ...EXCHANGE_CHAIN[0]!, spkiSha256: 'another-leaf-key' }];
    expect(tlsInterceptedRule.evaluate(evidenceOf([tls(), proxyConnect({ tls: { servername: HOST, chain: leafOnly, trusted: true } })]))).toBeNull();
    const forgedCa = [{ ...EXCHANGE_CHAIN[0]!, spkiSha256: 'another-leaf-key' }, { ...EXCHANGE_CHAIN[1]!, spkiSha256: 'inspection-ca-key' }];
    expect(tlsInterceptedRule.evaluate(evidenceOf([tls([EXCHANGE_CHAIN[0]!]), proxyConnect({ tls: { servername: HOST, chain: forgedCa, trusted: true } })]))).toBeNull();
  });

  it('not raised for an unknown private CA seen only directly (that is tls.cert-untrusted)', () => {
    const chain = [certificate(`CN=${HOST}`, 'CN=Contoso Issuing CA 01', [HOST])];
    expect(tlsInterceptedRule.evaluate(evidenceOf([tls(chain)]))).toBeNull();
  });

  it('a portal explains it', () => {
    const evidence = evidenceOf([connectivity('portal'), ...RAISING['tls.intercepted'][0]!.evidence.probes]);
    expect(raisedIds(evidence, portalDetectedRule, tlsInterceptedRule)).toEqual(['portal.detected']);
  });
});
