import { isIP } from 'node:net';
import { headerValue, serverIdentity } from '../../../shared/http/header-list';
import type { HttpErrorKind, HttpExchange, ProxyConnectData, ProxyConnectErrorKind, ProxyServer, ProxyTunnelTls } from '../../../shared/model/probe-data';
import { peerChain } from '../net/certificate-info';
import { connectRequestHeaders, connectTarget, openTunnel, type TunnelResult } from '../net/proxy-tunnel';
import { classifyTrustError } from '../net/tls-errors';
import { tlsContext, tlsHandshake } from '../net/tls-handshake';
import { defineProbe } from '../probe';
import { hostPortOf, speaksConnect } from '../proxy/proxy-server';

/**
 * CONNECT through the proxy: reaching the proxy, its answer and a refusal page. A proxy answers
 * CONNECT at once or after its own connect to the host; 5 s is generous for both.
 */
export const PROXY_CONNECT_TIMEOUT_MS = 5_000;
/**
 * The TLS handshake with the Exchange host through the tunnel; an inspecting proxy fetches the
 * real certificate first and makes its own, which takes longer than a plain handshake.
 */
export const TUNNEL_TLS_TIMEOUT_MS = 4_000;
const PROXY_CONNECT_PROBE_TIMEOUT_MS = PROXY_CONNECT_TIMEOUT_MS + TUNNEL_TLS_TIMEOUT_MS + 500;

export interface ProxyConnectInput {
  proxy: ProxyServer;
  host: string;
  port: number;
}

function summarize(data: ProxyConnectData): string {
  const proxy = hostPortOf(data.proxy);
  if (data.outcome === 'no-answer') return `${proxy}: no answer (${data.error?.kind ?? '?'}: ${data.error?.message ?? ''})`;
  const head = `${proxy}: CONNECT ${data.host}:${data.port} → ${data.status ?? '?'} ${data.statusText ?? ''}`.trim();
  if (data.outcome === 'auth-required') return `${head}, sign-in wanted: ${data.proxyChallenges.map((c) => c.scheme).join(', ') || 'no Proxy-Authenticate'}`;
  if (data.outcome === 'refused') return `${head} (refused)`;
  const tls = data.tls;
  if (!tls) return head;
  if (tls.error) return `${head}; TLS through the tunnel failed: ${tls.error.message}`;
  return `${head}; TLS ${tls.protocol ?? ''}, issuer ${tls.chain[0]?.issuer ?? '?'}${tls.trusted ? '' : ' (not trusted)'}`;
}

/**
 * The CONNECT as an HTTP exchange for the bundle's HAR: the request line's target is the
 * authority (`host:port`); HAR wants an absolute URL, so it reads `https://host:port`.
 */
function connectExchange(input: ProxyConnectInput, tunnel: TunnelResult, startedAt: string): HttpExchange {
  const target = connectTarget(input.host, input.port);
  const headers = tunnel.headers ?? [];
  return {
    request: { method: 'CONNECT', url: `https://${target}`, headers: connectRequestHeaders(target), bodyBytes: 0 },
    ...(tunnel.proxyAddress ? { address: tunnel.proxyAddress } : {}),
    ...(tunnel.status !== undefined
      ? {
          response: {
            status: tunnel.status,
            statusText: tunnel.statusText ?? '',
            httpVersion: tunnel.httpVersion ?? '1.1',
            headers,
            // The proxy's challenges are Proxy-Authenticate (in `headers` and `proxyChallenges`), not WWW-Authenticate.
            challenges: [],
            identity: serverIdentity(headers),
            body: tunnel.body ?? { bytes: 0, truncated: false },
          },
        }
      : {}),
    timings: { ...(tunnel.timings.connectMs !== undefined ? { connectMs: tunnel.timings.connectMs } : {}), totalMs: tunnel.timings.totalMs },
    startedAt,
    ...(tunnel.error ? { error: { kind: tunnelErrorKind(tunnel.error.kind), message: tunnel.error.message } } : {}),
  };
}

/** The tunnel's error kinds in HTTP terms. */
function tunnelErrorKind(kind: ProxyConnectErrorKind): HttpErrorKind {
  switch (kind) {
    case 'proxy-unreachable':
      return 'unreachable';
    case 'timeout':
    case 'reset':
    case 'protocol':
      return kind;
    default:
      return 'other';
  }
}

/**
 * A CONNECT to the Exchange host through each proxy that applies, without proxy credentials,
 * and through an open tunnel the TLS handshake with SNI = host: the chain as Outlook sees it on
 * this path, to compare with the direct one (`tls`) for signs of TLS inspection.
 */
export const proxyConnectProbe = defineProbe({
  id: 'proxy.connect',
  kind: 'proxy',
  title: 'CONNECT through the proxy',
  timeoutMs: PROXY_CONNECT_PROBE_TIMEOUT_MS,
  plan: (view) =>
    view.of('proxy.config').flatMap((result) => {
      const data = result.data;
      if (!data || data.bypassed) return [];
      const target = new URL(data.url);
      const host = target.hostname.replace(/^\[|\]$/g, '');
      const port = target.port ? Number(target.port) : 443;
      return data.proxies.filter(speaksConnect).map((proxy) => ({
        key: `${host}:${port}@${hostPortOf(proxy)}`,
        target: `CONNECT ${host}:${port} via ${proxy.url}`,
        input: { proxy, host, port },
        after: [result.id],
        // A decision cut at its deadline still names the proxy; the CONNECT is worth trying.
        runIf: 'settled' as const,
      }));
    }),
  async run({ input, signal, services }) {
    const startedAt = new Date(services.now()).toISOString();
    const tunnel = await openTunnel({
      proxy: input.proxy,
      host: input.host,
      port: input.port,
      lookup: (name, s) => services.lookup(name, s),
      trustedCa: services.trustedCa,
      timeoutMs: PROXY_CONNECT_TIMEOUT_MS,
      signal,
    });
    const server = tunnel.headers ? headerValue(tunnel.headers, 'server') : undefined;
    const via = tunnel.headers ? headerValue(tunnel.headers, 'via') : undefined;
    const data: ProxyConnectData = {
      proxy: input.proxy,
      host: input.host,
      port: input.port,
      outcome: tunnel.socket ? 'tunnel' : tunnel.status === 407 ? 'auth-required' : tunnel.status !== undefined ? 'refused' : 'no-answer',
      ...(tunnel.status !== undefined ? { status: tunnel.status, statusText: tunnel.statusText ?? '' } : {}),
      proxyChallenges: tunnel.challenges,
      ...(server !== undefined ? { server } : {}),
      ...(via !== undefined ? { via } : {}),
      ...(tunnel.body ? { body: tunnel.body } : {}),
      timings: tunnel.timings,
      ...(tunnel.error ? { error: tunnel.error } : {}),
    };
    data.exchanges = [connectExchange(input, tunnel, startedAt)];

    if (tunnel.socket) {
      const servername = isIP(input.host) ? undefined : input.host;
      const now = services.now();
      const handshake = await tlsHandshake(
        {
          address: tunnel.proxyAddress ?? input.proxy.host,
          port: input.proxy.port,
          socket: tunnel.socket,
          ...(servername ? { servername } : {}),
          context: tlsContext(services.trustedCa, 'modern'),
          timeoutMs: TUNNEL_TLS_TIMEOUT_MS,
          signal,
        },
        (socket) => ({
          chain: peerChain(socket, now),
          trusted: socket.authorized,
          ...(socket.authorized ? {} : { trustError: classifyTrustError(socket.authorizationError) }),
        }),
      );
      const tls: ProxyTunnelTls = { servername: servername ?? '', ...handshake.handshake, chain: handshake.ok ? handshake.inspected.chain : [] };
      if (handshake.ok) {
        tls.trusted = handshake.inspected.trusted;
        if (handshake.inspected.trustError) tls.trustError = handshake.inspected.trustError;
      }
      data.tls = tls;
    }
    const status = data.outcome === 'tunnel' ? 'ok' : data.error?.kind === 'timeout' ? 'timeout' : 'fail';
    return { status, summary: summarize(data), data };
  },
});
