import type { ProxyServer } from '../../../shared/model/probe-data';
import { sendHttpRequest } from '../net/http-client';
import { exchangeRequests } from '../net/outlook-requests';
import { tunnelPoolFor } from '../net/tunnel-pools';
import { defineProbe, type PlanView, type ProbeTask } from '../probe';
import { hostPortOf } from '../proxy/proxy-server';
import { buildRequest, endpointData, HTTP_PROBE_TIMEOUT_MS, HTTP_REQUEST_TIMEOUT_MS, summarize } from './http';

/**
 * Outlook's own anonymous first requests, sent the way Outlook sends them when a proxy applies:
 * through the proxy's CONNECT tunnel. Recorded as `http` evidence with `via` set.
 *
 * What goes where: the direct requests to each address (probe `http` in http.ts) still run,
 * because they tell about the servers (every load-balancer member, its certificate, its answer),
 * and where the direct path is closed by a firewall they show that. These requests tell what
 * Outlook itself gets on its real path: whether Exchange's 401 and its sign-in methods arrive
 * through the proxy unchanged (an inspecting proxy may answer on its own, strip Negotiate or
 * block RPC_IN_DATA), and they let the rules see that Exchange answers at all when only the
 * direct path is blocked. Only the requests Outlook sends (Autodiscover, MAPI, RPC, EWS) go this
 * way; health checks and OWA are about the servers and stay direct.
 */

/** Outlook's requests, by name in `exchangeRequests`. */
const OUTLOOK_PATH_REQUESTS = new Set(['autodiscover', 'mapi', 'rpc', 'rpc-in-data', 'ews']);

export interface HttpViaProxyInput {
  host: string;
  port: number;
  proxy: ProxyServer;
  /** The proxy's address as connected by `proxy.connect` (the evidence's `address`). */
  proxyAddress: string;
  request: string;
}

export function planHttpViaProxy(view: PlanView): ProbeTask<HttpViaProxyInput>[] {
  const server = view.input.server;
  if (!server) return [];
  const names = exchangeRequests({ host: server.host, mailbox: 'x@x', domain: 'x', requestId: 'plan', clientInfo: 'plan' })
    .filter((r) => OUTLOOK_PATH_REQUESTS.has(r.name))
    .map((r) => r.name);
  return view.of('proxy.connect').flatMap((result) => {
    const data = result.data;
    if (result.status !== 'ok' || !data || data.outcome !== 'tunnel') return [];
    if (data.host.toLowerCase() !== server.host.toLowerCase() || data.port !== server.port) return [];
    return names.map((name) => ({
      key: `${data.host}:${data.port}/${name}@proxy:${hostPortOf(data.proxy)}`,
      target: `${name} https://${data.host}${data.port === 443 ? '' : `:${data.port}`}/ via proxy ${hostPortOf(data.proxy)}`,
      input: { host: data.host.toLowerCase(), port: data.port, proxy: data.proxy, proxyAddress: data.proxy.host, request: name },
      after: [result.id],
    }));
  });
}

export const httpViaProxyProbe = defineProbe({
  id: 'http',
  kind: 'http',
  title: 'HTTP first request through the proxy',
  timeoutMs: HTTP_PROBE_TIMEOUT_MS,
  plan: planHttpViaProxy,
  async run({ signal, input, run, services }) {
    const request = buildRequest(run, { host: input.host, role: 'exchange', request: input.request });
    if (!request) throw new Error(`unknown request ${input.request}`);
    const hostInUrl = input.host.includes(':') ? `[${input.host}]` : input.host;
    const exchange = await sendHttpRequest(services, {
      url: `https://${hostInUrl}${input.port === 443 ? '' : `:${input.port}`}${request.path}`,
      address: input.proxyAddress,
      method: request.method,
      headers: request.headers,
      ...(request.body !== undefined ? { body: request.body } : {}),
      signal,
      timeoutMs: HTTP_REQUEST_TIMEOUT_MS,
      dispatcher: tunnelPoolFor(services, { proxy: input.proxy, host: input.host, port: input.port }),
    });
    const data = { ...endpointData(exchange, { host: input.host, address: input.proxyAddress, port: input.port, role: 'exchange' }, request), via: input.proxy };
    return {
      status: exchange.error ? (exchange.error.kind === 'timeout' ? 'timeout' : 'fail') : 'ok',
      summary: `via proxy ${hostPortOf(input.proxy)}: ${summarize(exchange, data.healthServer)}`,
      data,
    };
  },
});
