import { beforeAll, describe, it } from 'vitest';
import { createCa, days, issueCert, selfSignedCert, type IssuedCert } from '../lab/pki';
import { expectFindings } from './expect-findings';
import { addressesOf, LAB_NAMES, labCa, startScenario, type ScenarioSpec } from './scenario-lab';
import { requireBuiltCli } from './run-cli';

/**
 * Certificate and TLS faults, each on a load-balanced name with two healthy Exchange responders
 * that present the faulty certificate: the TLS finding and the sign-in methods, nothing else.
 */

const at = (scenario: number) => addressesOf(41, scenario);

interface CertScenario {
  name: string;
  certificate?: () => Promise<IssuedCert>;
  spec?: Partial<ScenarioSpec>;
  expected: string[];
}

const SCENARIOS: CertScenario[] = [
  {
    name: 'an expired certificate',
    certificate: async () => issueCert(await labCa(), { names: LAB_NAMES, notBefore: days(-400), notAfter: days(-3) }),
    expected: ['tls.cert-expired', 'auth.methods'],
  },
  {
    name: 'a certificate not valid yet',
    certificate: async () => issueCert(await labCa(), { names: LAB_NAMES, notBefore: days(2), notAfter: days(400) }),
    expected: ['tls.cert-not-yet-valid', 'auth.methods'],
  },
  {
    name: 'a certificate for another name',
    certificate: async () => issueCert(await labCa(), { names: ['owa.fabrikam.test'] }),
    expected: ['tls.cert-name-mismatch', 'auth.methods'],
  },
  {
    name: 'a self-signed certificate',
    certificate: () => selfSignedCert({ names: LAB_NAMES }),
    expected: ['tls.cert-untrusted', 'auth.methods'],
  },
  {
    name: 'a private CA that is not deployed',
    certificate: async () => issueCert(await createCa('Contoso Internal Root CA'), { names: LAB_NAMES }),
    expected: ['tls.cert-untrusted', 'auth.methods'],
  },
  {
    name: 'a weak RSA 1024 key',
    certificate: async () => issueCert(await labCa(), { names: LAB_NAMES, key: 'rsa1024' }),
    expected: ['tls.cert-weak-key', 'auth.methods'],
  },
  {
    name: 'a SHA-1 signature',
    certificate: async () => issueCert(await labCa(), { names: LAB_NAMES, hash: 'SHA-1' }),
    expected: ['tls.cert-weak-key', 'auth.methods'],
  },
  {
    name: 'a certificate expiring in 5 days',
    certificate: async () => issueCert(await labCa(), { names: LAB_NAMES, notBefore: days(-360), notAfter: days(5) }),
    expected: ['tls.cert-expiring', 'auth.methods'],
  },
  {
    name: 'a server that speaks only TLS 1.0',
    spec: { tlsProtocol: 'tls1.0-only' },
    expected: ['tls.legacy-protocol'],
  },
];

beforeAll(() => requireBuiltCli());

describe.concurrent('certificate and TLS scenarios', () => {
  it.each(SCENARIOS.map((s, i) => ({ ...s, index: i + 1 })))('$name', async ({ certificate, spec, expected, index }) => {
    const a = at(index);
    const scenario = await startScenario({
      exchange: { [a(2)]: {}, [a(3)]: {} },
      ...(certificate ? { certificate: await certificate() } : {}),
      ...spec,
    });
    try {
      expectFindings(await scenario.diagnose(['--timeout', '5']), expected);
    } finally {
      await scenario.close();
    }
  });
});
