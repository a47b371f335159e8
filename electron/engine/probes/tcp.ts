import { defineProbe } from '../probe';
import { endpointKey, planEndpoints } from '../net/endpoints';
import { tcpConnect } from '../net/tcp-connect';
import type { TcpData } from '../../../shared/model/probe-data';
import { formatHostPort } from '../../../shared/validate';

/**
 * Deadline of one connect.
 *
 * A healthy connect takes one round trip (well under 300 ms even across continents); 3 s still
 * covers a lost SYN and its first retransmission (after 1 s on Linux and current Windows), while
 * a firewall that drops SYNs is reported long before the operating system would give up (~21 s
 * on Windows, ~127 s on Linux).
 */
export const TCP_CONNECT_TIMEOUT_MS = 3_000;

/** The probe's own timeout leaves the connect time to report its timeout as evidence first. */
const TCP_PROBE_TIMEOUT_MS = TCP_CONNECT_TIMEOUT_MS + 500;

/** TCP connect to every resolved address of every name separately, IPv4 and IPv6. */
export const tcpProbe = defineProbe({
  id: 'tcp',
  kind: 'tcp',
  title: 'TCP connect',
  timeoutMs: TCP_PROBE_TIMEOUT_MS,
  plan: (view) =>
    planEndpoints(view).map(({ after, ...endpoint }) => ({
      key: endpointKey(endpoint),
      target: `${endpoint.host} ${formatHostPort(endpoint.address, endpoint.port)}`,
      input: endpoint,
      ...(after.length > 0 ? { after } : {}),
    })),
  async run({ input, signal }) {
    const result = await tcpConnect({ ...input, timeoutMs: TCP_CONNECT_TIMEOUT_MS, signal });
    const data: TcpData = { host: input.host, address: input.address, family: input.family, port: input.port, ...result };
    const where = formatHostPort(input.address, input.port);
    if (!result.error) return { status: 'ok', summary: `connected to ${where} in ${result.connectMs} ms`, data };
    return {
      status: result.error.kind === 'timeout' ? 'timeout' : 'fail',
      summary: `${where}: ${result.error.kind}${result.error.code ? ` (${result.error.code})` : ''}`,
      data,
    };
  },
});
