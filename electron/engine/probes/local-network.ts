import { getServers } from 'node:dns';
import { okProbesOf } from '../../../shared/model/evidence';
import { collectorInstanceId, type CollectorId } from '../collectors/collector';
import { defineProbe, type PlanView } from '../probe';
import { readLocalNetwork, type SystemNetworkFacts } from '../net/local-network';
import type { LocalNetworkData } from '../../../shared/model/probe-data';
import type { RunServices } from '../run-services';

/** Reading interfaces and /proc is local and instant; a second is plenty even on a slow disk. */
export const LOCAL_NETWORK_TIMEOUT_MS = 1_000;

/**
 * Collectors whose results complete the picture, per platform: Windows adapter descriptions
 * (VPN detection) and default routes, macOS default routes. Linux reads /proc directly.
 */
const PREREQUISITES: Partial<Record<NodeJS.Platform, CollectorId[]>> = {
  win32: ['collector.ipconfig-all', 'collector.route-print'],
  darwin: ['collector.netstat-routes'],
};

/** What the collectors found, from the results so far (missing or failed ones give nothing). */
export function systemNetworkFacts(view: Pick<PlanView, 'results'>): SystemNetworkFacts {
  const evidence = { probes: [...view.results.values()] };
  const ipconfig = okProbesOf(evidence, 'collector.ipconfig-all')[0]?.data.parsed ?? null;
  const routePrint = okProbesOf(evidence, 'collector.route-print')[0]?.data.parsed;
  const netstat = okProbesOf(evidence, 'collector.netstat-routes')[0]?.data.parsed;
  const routes = routePrint ? { table: routePrint, source: 'route print' } : netstat ? { table: netstat, source: 'netstat -rn' } : null;
  return { ipconfig, routes };
}

/**
 * A snapshot of this computer's network: interfaces, addresses, default routes, DNS servers.
 *
 * The DNS servers are those the run uses (`--dns-server`, else the operating system's); the
 * platform's collectors, where they already ran, complete the picture.
 */
export async function localNetworkSnapshot({ services, view }: { services: RunServices; view: Pick<PlanView, 'results'> }): Promise<LocalNetworkData> {
  const fromOption = services.dnsServers.length > 0;
  return readLocalNetwork(
    {
      servers: fromOption ? [...services.dnsServers] : getServers(),
      source: fromOption ? 'option' : 'system',
    },
    systemNetworkFacts(view),
  );
}

/** One line for progress and the report: interfaces up, VPN-like adapters, routes, DNS servers. */
export function summarizeLocalNetwork(data: LocalNetworkData): string {
  const up = data.interfaces.filter((i) => !i.internal && i.addresses.length > 0);
  const vpn = up.filter((i) => i.vpn);
  return `${up.length} interface(s) up${vpn.length ? `, VPN-like: ${vpn.map((i) => i.name).join(', ')}` : ''}; ${
    data.defaultRoutes === null ? 'default route unknown' : `${data.defaultRoutes.length} default route(s)`
  }; ${data.dnsServers.length} DNS server(s)`;
}

/** Interfaces, addresses, default routes and DNS servers of this computer. */
export const localNetworkProbe = defineProbe({
  id: 'local.network',
  kind: 'system',
  title: 'Local network',
  timeoutMs: LOCAL_NETWORK_TIMEOUT_MS,
  // Waits for the platform's collectors (whatever their outcome), then adds what they found.
  plan: () => {
    const after = (PREREQUISITES[process.platform] ?? []).map(collectorInstanceId);
    return [{ key: 'this-computer', target: 'this computer', input: undefined, ...(after.length > 0 ? { after, runIf: 'settled' as const } : {}) }];
  },
  async run({ services, view }) {
    const data = await localNetworkSnapshot({ services, view });
    return { status: 'ok', summary: summarizeLocalNetwork(data), data };
  },
});
