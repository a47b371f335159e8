import type { RunServices } from '../run-services';
import { httpsContext } from './address-pools';
import { tlsContext } from './tls-handshake';

/**
 * Makes the run's TLS contexts before the first handshake needs them.
 *
 * Each parses the run's ~150 trust anchors (about 20 ms of CPU, more on a slow PC). Made on
 * first use, both land right after the first TCP connect, in front of the first ClientHello of
 * the TLS probe and of the HTTP requests; made while the run waits for DNS, they cost the
 * critical path nothing. One per turn of the event loop, so an answer that arrives meanwhile
 * waits for at most one of them.
 */
export function warmUpTls(services: RunServices, signal?: AbortSignal): void {
  const steps = [() => tlsContext(services.trustedCa, 'modern'), () => httpsContext(services)];
  const next = () => {
    const step = steps.shift();
    if (!step || signal?.aborted) return;
    step();
    setImmediate(next);
  };
  setImmediate(next);
}
