import tls from 'node:tls';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunInput } from '../../../shared/model/run-input';
import { createRunServices } from '../create-run-services';
import { httpsContext } from './address-pools';
import { tlsContext } from './tls-handshake';
import { warmUpTls } from './tls-warm-up';

const input: RunInput = {
  server: { host: 'mail.contoso.test', port: 443 },
  dnsServers: [],
  connectivityUrl: 'http://127.0.0.1:9/',
  connectivityExpect: 'x',
  proxy: { mode: 'none' },
  timeoutMs: 5000,
};

const turns = async (n: number) => {
  for (let i = 0; i < n; i += 1) await new Promise((resolve) => setImmediate(resolve));
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('warmUpTls', () => {
  it('makes the TLS probe context and the HTTPS context early, one per turn, and the handshakes reuse them', async () => {
    const services = createRunServices(input, { extraCa: [] });
    const created = vi.spyOn(tls, 'createSecureContext');
    try {
      warmUpTls(services);
      // Nothing in the caller's own turn: the probes' first steps go first.
      expect(created).not.toHaveBeenCalled();
      await turns(1);
      expect(created).toHaveBeenCalledTimes(1);
      await turns(2);
      expect(created).toHaveBeenCalledTimes(2);
      // What the probes ask for later is what was made.
      expect(tlsContext(services.trustedCa, 'modern')).toBe(tlsContext(services.trustedCa, 'modern'));
      httpsContext(services);
      expect(created).toHaveBeenCalledTimes(2);
    } finally {
      await services.close();
    }
  });

  it('stops when the run is cancelled', async () => {
    const services = createRunServices(input, { extraCa: [] });
    const created = vi.spyOn(tls, 'createSecureContext');
    try {
      warmUpTls(services, AbortSignal.abort());
      await turns(3);
      expect(created).not.toHaveBeenCalled();
    } finally {
      await services.close();
    }
  });
});
