import { isIP, isIPv6 } from 'node:net';
import type { HttpEndpointData, HttpExchange } from '../../../shared/model/probe-data';
import { mailDomain, type RunInput } from '../../../shared/model/run-input';
import { classifyResponder, healthcheckServer } from '../../../shared/http/responder';
import { challengeSchemes } from '../../../shared/http/www-authenticate';
import { autodiscoverTargets } from '../autodiscover/found-hosts';
import { defineProbe, type PlanView, type ProbeTask } from '../probe';
import { sendHttpRequest } from '../net/http-client';
import { autodiscoverRequest, exchangeRequests, type OutlookRequest } from '../net/outlook-requests';

/**
 * The anonymous first requests as Outlook sends them, to every address of the Exchange host.
 *
 * Planned per address whose TCP probe succeeded, so every load-balancer member is asked on its
 * own (Host and SNI carry the name). The Autodiscover names of the mail domain get only the
 * Autodiscover POST. One instance per request; requests to one address share a small pool of
 * connections (see net/address-pools.ts).
 */

/** One request's whole exchange, queueing in the address's pool included; the probe timeout leaves room to hand in the result. */
export const HTTP_REQUEST_TIMEOUT_MS = 6_000;
/** Probe timeout: the request's own deadline plus a margin to record it. */
export const HTTP_PROBE_TIMEOUT_MS = 8_000;

/** Autodiscover names are asked on the port Outlook uses for them. */
const AUTODISCOVER_PORT = 443;

export interface HttpProbeInput {
  host: string;
  address: string;
  port: number;
  role: 'exchange' | 'autodiscover-name';
  /** Name of the request in `exchangeRequests` (built at run time: it carries fresh request ids). */
  request: string;
}

/** Mailbox address for the Autodiscover body: the user's, or a stand-in in the mail domain. */
function mailboxFor(input: RunInput, host: string): string {
  return input.email ?? `outlook-doktor-probe@${domainOf(input, host)}`;
}

/** The mail domain, or the Exchange host's parent domain when no address was given. */
function domainOf(input: RunInput, host: string): string {
  const domain = mailDomain(input);
  if (domain) return domain;
  if (isIP(host)) return host;
  const labels = host.split('.');
  return labels.length > 2 ? labels.slice(1).join('.') : host;
}

const addressInUrl = (address: string) => (isIPv6(address) ? `[${address}]` : address);

export function planHttp(view: PlanView): ProbeTask<HttpProbeInput>[] {
  const server = view.input.server;
  if (!server) return [];
  const exchangeHost = server.host.toLowerCase();
  const domain = mailDomain(view.input);
  const autodiscoverNames = domain ? [domain, `autodiscover.${domain}`].filter((name) => name !== exchangeHost) : [];
  // Request names are fixed; building the list once here gives their names and paths.
  const exchangeList = exchangeRequests({ host: exchangeHost, mailbox: 'x@x', domain: 'x', requestId: 'plan', clientInfo: 'plan' });
  // Exchange hosts Autodiscover's settings named are asked like the Exchange host itself.
  const found = autodiscoverTargets(view);

  const tasks: ProbeTask<HttpProbeInput>[] = [];
  for (const tcp of view.of('tcp')) {
    if (tcp.status !== 'ok' || !tcp.data || tcp.data.error) continue;
    const { address, port } = tcp.data;
    const host = tcp.data.host.toLowerCase();
    let role: HttpProbeInput['role'];
    let requests: OutlookRequest[];
    if ((host === exchangeHost && port === server.port) || found.some((t) => t.name === host && t.port === port)) {
      role = 'exchange';
      requests = exchangeList;
    } else if (autodiscoverNames.includes(host) && port === AUTODISCOVER_PORT) {
      role = 'autodiscover-name';
      requests = [autodiscoverRequest('x@x')];
    } else {
      continue;
    }
    for (const request of requests) {
      tasks.push({
        key: `${host}@${addressInUrl(address)}:${port}/${request.name}`,
        target: `${request.method} https://${host}${port === 443 ? '' : `:${port}`}${request.path.split('?')[0]} via ${address}`,
        input: { host, address, port, role, request: request.name },
        after: [tcp.id],
      });
    }
  }
  return tasks;
}

export const httpProbe = defineProbe({
  id: 'http',
  kind: 'http',
  title: 'HTTP first request',
  timeoutMs: HTTP_PROBE_TIMEOUT_MS,
  plan: planHttp,
  async run({ signal, input, run, services }) {
    const request = buildRequest(run, input);
    if (!request) throw new Error(`unknown request ${input.request}`);
    const port = input.port === 443 ? '' : `:${input.port}`;
    const hostInUrl = isIPv6(input.host) ? `[${input.host}]` : input.host;
    const exchange = await sendHttpRequest(services, {
      url: `https://${hostInUrl}${port}${request.path}`,
      address: input.address,
      method: request.method,
      headers: request.headers,
      ...(request.body !== undefined ? { body: request.body } : {}),
      signal,
      timeoutMs: HTTP_REQUEST_TIMEOUT_MS,
    });
    const data = endpointData(exchange, input, request);
    return {
      status: exchange.error ? (exchange.error.kind === 'timeout' ? 'timeout' : 'fail') : 'ok',
      summary: summarize(exchange, data.healthServer),
      data,
    };
  },
});

/** One exchange as the evidence of an endpoint: who answered it (Exchange or something else), the health check's server. */
export function endpointData(exchange: HttpExchange, input: Pick<HttpProbeInput, 'host' | 'address' | 'port' | 'role'>, request: OutlookRequest): HttpEndpointData {
  const data: HttpEndpointData = {
    ...exchange,
    host: input.host,
    address: input.address,
    port: input.port,
    endpoint: request.endpoint,
    ...(request.vdir ? { vdir: request.vdir } : {}),
    role: input.role,
  };
  const response = exchange.response;
  if (response) {
    data.responder = classifyResponder({
      host: input.host,
      url: exchange.request.url,
      status: response.status,
      headers: response.headers,
      challenges: response.challenges,
      ...(response.body.contentType !== undefined ? { contentType: response.body.contentType } : {}),
      ...(response.body.preview !== undefined ? { preview: response.body.preview } : {}),
    });
    const server = request.endpoint === 'healthcheck' && response.status === 200 ? healthcheckServer(response.body.preview) : undefined;
    if (server !== undefined) data.healthServer = server;
  } else {
    data.responder = { verdict: 'unknown', reason: 'no-response', exchangeHeaders: [], challenged: false, html: false };
  }
  return data;
}

/** The request of an instance, built at run time (fresh request ids). */
export function buildRequest(run: RunInput, input: Pick<HttpProbeInput, 'host' | 'role' | 'request'>): OutlookRequest | undefined {
  const mailbox = mailboxFor(run, input.host);
  if (input.role === 'autodiscover-name') return input.request === 'autodiscover' ? autodiscoverRequest(mailbox) : undefined;
  return exchangeRequests({ host: input.host, mailbox, domain: domainOf(run, input.host) }).find((r) => r.name === input.request);
}

/** One readable line: "401 Negotiate, NTLM (42 ms)", "302 → login.example (10 ms)", "timeout: …". */
export function summarize(exchange: HttpExchange, healthServer?: string): string {
  const ms = `(${Math.round(exchange.timings.totalMs)} ms)`;
  const response = exchange.response;
  let head = '';
  if (response) {
    const schemes = challengeSchemes(response.challenges);
    head = `${response.status}`;
    if (schemes.length > 0) head += ` ${schemes.join(', ')}`;
    else if (response.status === 401) head += ' without challenge';
    if (response.location !== undefined) head += ` → ${shortLocation(response.location)}`;
    if (healthServer !== undefined) head += ` ${healthServer}`;
    if (response.body.truncated) head += ', body cut at the cap';
  }
  if (exchange.error) {
    const failure = `${exchange.error.kind}: ${exchange.error.message}`;
    return response ? `${head}, then ${failure} ${ms}` : `${failure} ${ms}`;
  }
  return `${head} ${ms}`;
}

function shortLocation(location: string): string {
  try {
    const url = new URL(location);
    return `${url.host}${url.pathname}`;
  } catch {
    return location.slice(0, 80);
  }
}
