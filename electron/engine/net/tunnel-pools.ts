import net from 'node:net';
import tls from 'node:tls';
import { Pool, errors, type buildConnector } from 'undici';
import type { ProxyServer } from '../../../shared/model/probe-data';
import type { RunServices } from '../run-services';
import { CONNECT_TIMEOUT_MS, MAX_RESPONSE_HEADER_BYTES } from './address-pools';
import { openTunnel } from './proxy-tunnel';

/**
 * HTTP connection pools whose connections run through a proxy's CONNECT tunnel, as Outlook's
 * do when a proxy applies.
 *
 * One pool per (proxy, host, port), created on first use and destroyed when the run closes.
 * Each new connection is a CONNECT (without proxy credentials), then TLS with the host as SNI
 * inside the tunnel; the certificate is not judged here (the TLS and proxy.connect probes do
 * that), exactly like the direct pools.
 */

/** A few connections per tunnel path: Outlook's first requests are a handful. */
const MAX_CONNECTIONS_PER_TUNNEL = 4;

export interface TunnelTarget {
  proxy: ProxyServer;
  host: string;
  port: number;
}

const registries = new WeakMap<RunServices, Map<string, Pool>>();

export function tunnelPoolFor(services: RunServices, target: TunnelTarget): Pool {
  let pools = registries.get(services);
  if (!pools) {
    const created = new Map<string, Pool>();
    pools = created;
    registries.set(services, created);
    services.onClose(async () => {
      const all = [...created.values()];
      created.clear();
      await Promise.allSettled(all.map((pool) => pool.destroy()));
    });
  }
  const key = `${target.proxy.url}|${target.host}|${target.port}`;
  let pool = pools.get(key);
  if (!pool) {
    const hostForUrl = net.isIPv6(target.host) ? `[${target.host}]` : target.host;
    pool = new Pool(`https://${hostForUrl}:${target.port}`, {
      connections: MAX_CONNECTIONS_PER_TUNNEL,
      pipelining: 1,
      maxHeaderSize: MAX_RESPONSE_HEADER_BYTES,
      allowH2: false,
      connect: tunnelConnector(services, target),
    });
    pool.on('connectionError', () => undefined);
    pools.set(key, pool);
  }
  return pool;
}

function tunnelConnector(services: RunServices, target: TunnelTarget): buildConnector.connector {
  const secureContext = tls.createSecureContext({ ca: [...services.trustedCa] });
  return (_options, callback) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new errors.ConnectTimeoutError(`no tunnel through ${target.proxy.url} within ${CONNECT_TIMEOUT_MS} ms`)), CONNECT_TIMEOUT_MS);
    void openTunnel({
      proxy: target.proxy,
      host: target.host,
      port: target.port,
      lookup: (name, signal) => services.lookup(name, signal),
      trustedCa: services.trustedCa,
      timeoutMs: CONNECT_TIMEOUT_MS,
      signal: controller.signal,
    }).then((tunnel) => {
      if (!tunnel.socket) {
        clearTimeout(timer);
        const answer = tunnel.status !== undefined ? `answered ${tunnel.status} ${tunnel.statusText ?? ''}`.trim() : (tunnel.error?.message ?? 'no tunnel');
        callback(Object.assign(new Error(`proxy ${target.proxy.url} ${answer}`), { code: tunnel.error?.code ?? 'UND_ERR_SOCKET' }), null);
        return;
      }
      const socket = tls.connect({
        socket: tunnel.socket,
        ...(net.isIP(target.host) ? {} : { servername: target.host }),
        rejectUnauthorized: false,
        secureContext,
        ALPNProtocols: ['http/1.1'],
      });
      const fail = (error: Error) => {
        clearTimeout(timer);
        socket.destroy();
        callback(error, null);
      };
      socket.once('error', fail);
      controller.signal.addEventListener('abort', () => fail(controller.signal.reason as Error), { once: true });
      socket.once('secureConnect', () => {
        clearTimeout(timer);
        socket.off('error', fail);
        // Later errors belong to undici's own listeners; this one only keeps them from going unhandled.
        socket.on('error', () => undefined);
        callback(null, socket);
      });
    });
  };
}
