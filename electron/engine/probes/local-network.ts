import { getServers } from 'node:dns';
import { defineProbe } from '../probe';
import { readLocalNetwork } from '../net/local-network';

/** Reading interfaces and /proc is local and instant; a second is plenty even on a slow disk. */
const LOCAL_NETWORK_TIMEOUT_MS = 1_000;

/** Interfaces, addresses, default routes and DNS servers of this computer. */
export const localNetworkProbe = defineProbe({
  id: 'local.network',
  kind: 'system',
  title: 'Local network',
  timeoutMs: LOCAL_NETWORK_TIMEOUT_MS,
  plan: () => [{ key: 'this-computer', target: 'this computer', input: undefined }],
  async run({ services }) {
    const fromOption = services.dnsServers.length > 0;
    const data = await readLocalNetwork({
      servers: fromOption ? [...services.dnsServers] : getServers(),
      source: fromOption ? 'option' : 'system',
    });
    const up = data.interfaces.filter((i) => !i.internal && i.addresses.length > 0);
    const vpn = up.filter((i) => i.vpn);
    return {
      status: 'ok',
      summary: `${up.length} interface(s) up${vpn.length ? `, VPN-like: ${vpn.map((i) => i.name).join(', ')}` : ''}; ${
        data.defaultRoutes === null ? 'default route unknown' : `${data.defaultRoutes.length} default route(s)`
      }; ${data.dnsServers.length} DNS server(s)`,
      data,
    };
  },
});
