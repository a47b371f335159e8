import type { DnsSystemData, HttpEndpointData, TcpData, TlsData } from '../../../shared/model/probe-data';
import { instanceId, type PlanView } from '../probe';
import { endpointKey } from '../net/endpoints';

/**
 * Results the run already has for an Autodiscover candidate's host: asked once, used twice.
 *
 * The DNS, TCP, TLS and HTTP probes ask `<domain>` and `autodiscover.<domain>` on 443 anyway;
 * the walk takes their evidence instead of connecting again.
 */

export function reusedDns(view: PlanView, host: string): DnsSystemData | undefined {
  return view.results.get(instanceId('dns.system', host))?.data as DnsSystemData | undefined;
}

export function reusedTcp(view: PlanView, host: string, address: string, port: number): TcpData | undefined {
  return view.results.get(instanceId('tcp', endpointKey({ host, address, port })))?.data as TcpData | undefined;
}

export function reusedTls(view: PlanView, host: string, address: string, port: number): TlsData | undefined {
  return view.results.get(instanceId('tls', endpointKey({ host, address, port })))?.data as TlsData | undefined;
}

/** The anonymous Autodiscover POST the `http` probe sent to this address, if it did. */
export function reusedHttp(view: PlanView, host: string, address: string, port: number): HttpEndpointData | undefined {
  return view
    .of('http')
    .map((r) => r.data)
    .find((d) => d !== undefined && d.host === host && d.address === address && d.port === port && d.endpoint === 'autodiscover' && d.request.method === 'POST');
}
