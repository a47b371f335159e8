import { checkServerIdentity, type TLSSocket } from 'node:tls';
import { defineProbe } from '../probe';
import { endpointKey, ipFamilyOf, type Endpoint } from '../net/endpoints';
import { peerChain } from '../net/certificate-info';
import { classifyTrustError } from '../net/tls-errors';
import { tlsContext, tlsHandshake } from '../net/tls-handshake';
import type { TlsData } from '../../../shared/model/probe-data';
import { formatHostPort } from '../../../shared/validate';

/**
 * Deadline of the normal handshake, TCP connect included.
 *
 * A handshake takes two round trips plus the server's signature; 4 s covers a slow server or an
 * inspecting proxy that fetches the real certificate first, and still reports a server that
 * never answers the ClientHello well within the run's deadline.
 */
export const TLS_HANDSHAKE_TIMEOUT_MS = 4_000;

/**
 * Deadline of the second, TLS 1.0/1.1-only handshake.
 *
 * It only runs after the first one failed fast (alert, reset, protocol error), so the server is
 * known to answer; 2 s is plenty and keeps the whole probe short.
 */
export const LEGACY_HANDSHAKE_TIMEOUT_MS = 2_000;

/** Room for both handshakes before the runner's own cut, so the probe reports its timeout itself. */
const TLS_PROBE_TIMEOUT_MS = TLS_HANDSHAKE_TIMEOUT_MS + LEGACY_HANDSHAKE_TIMEOUT_MS + 500;

export type PeerFacts = Pick<TlsData, 'chain' | 'trusted' | 'trustError' | 'nameMatches' | 'nameError'>;

/** Chain, trust against the run's anchors, and whether the certificate names `host`. */
export function inspectPeer(socket: TLSSocket, host: string, now: number): PeerFacts {
  const chain = peerChain(socket, now);
  // Name checked separately (the handshake's own check is off), so trust means the chain alone.
  const nameProblem = chain.length > 0 ? checkServerIdentity(host, socket.getPeerCertificate()) : new Error('no certificate');
  return {
    trusted: socket.authorized,
    ...(socket.authorized ? {} : { trustError: classifyTrustError(socket.authorizationError) }),
    nameMatches: nameProblem === undefined,
    ...(nameProblem ? { nameError: nameProblem.message } : {}),
    chain,
  };
}

function summarize(data: TlsData): string {
  const leaf = data.chain[0];
  const cert = leaf
    ? `${leaf.subject || leaf.subjectAltNames[0] || 'no subject'}, ${data.trusted ? 'trusted' : `untrusted (${data.trustError?.code ?? 'unknown'})`}, ${
        data.nameMatches ? 'name ok' : 'name mismatch'
      }, ${leaf.daysLeft} days left`
    : 'no certificate';
  if (!data.error) return `${data.protocol} ${data.cipher}; ${cert}`;
  const failed = `handshake failed: ${data.error.message}`;
  if (!data.legacy) return failed;
  return data.legacy.ok
    ? `${failed}; legacy ${data.legacy.protocol} ${data.legacy.cipher} works; ${cert}`
    : `${failed}; legacy TLS 1.0/1.1 failed too: ${data.legacy.error?.message ?? 'unknown'}`;
}

/**
 * TLS handshake to every address whose TCP connect worked, with SNI, and the certificate chain.
 *
 * Evidence about certificates, not a gate: the HTTP probes start after TCP in parallel with it.
 * Where the normal handshake (TLS 1.2/1.3) fails after TCP worked, a second handshake allowing
 * only TLS 1.0/1.1 tells "server speaks only old TLS" apart from a broken server or middlebox.
 */
export const tlsProbe = defineProbe({
  id: 'tls',
  kind: 'tls',
  title: 'TLS handshake',
  timeoutMs: TLS_PROBE_TIMEOUT_MS,
  plan: (view) =>
    view
      .of('tcp')
      .filter((r) => r.status === 'ok' && r.data)
      .map((r) => {
        const { host, address, family, port } = r.data!;
        const endpoint: Endpoint = { host, address, family, port };
        return { key: endpointKey(endpoint), target: `${host} ${formatHostPort(address, port)}`, input: endpoint, after: [r.id] };
      }),
  async run({ input, signal, services }) {
    const servername = ipFamilyOf(input.host) ? undefined : input.host;
    const inspect = (socket: TLSSocket) => inspectPeer(socket, input.host, services.now());
    const base = { address: input.address, port: input.port, signal, ...(servername ? { servername } : {}) };
    const endpoint = { host: input.host, address: input.address, port: input.port, servername: servername ?? '' };

    const normal = await tlsHandshake({ ...base, context: tlsContext(services.trustedCa, 'modern'), timeoutMs: TLS_HANDSHAKE_TIMEOUT_MS }, inspect);
    if (normal.ok) {
      const data: TlsData = { ...endpoint, ...normal.handshake, ...normal.inspected };
      return { status: 'ok', summary: summarize(data), data };
    }

    const data: TlsData = { ...endpoint, ...normal.handshake, chain: [] };
    // A server that never answered would not answer an old ClientHello either; skip the wait.
    if (normal.connected && normal.handshake.error?.kind !== 'timeout' && !signal.aborted) {
      const legacy = await tlsHandshake(
        { ...base, context: tlsContext(services.trustedCa, 'legacy'), timeoutMs: LEGACY_HANDSHAKE_TIMEOUT_MS },
        inspect,
      );
      // The certificate a legacy-only server presents is evidence too (expiry, name, trust).
      if (legacy.ok) Object.assign(data, legacy.inspected);
      data.legacy = { ok: legacy.ok, ...legacy.handshake };
    }
    return { status: normal.handshake.error?.kind === 'timeout' ? 'timeout' : 'fail', summary: summarize(data), data };
  },
});
