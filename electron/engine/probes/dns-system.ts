import { systemResolverOf } from '../net/system-resolver';
import { defineProbe } from '../probe';
import { autodiscoverTargets } from '../autodiscover/found-hosts';
import { dnsNamesOf } from './dns-names';

/**
 * getaddrinfo on a dead DNS server waits far longer than Outlook's patience; after 4 s the
 * system view counts as timed out (the direct probe then tells why), and the run still has most
 * of its 10 s for the rest.
 */
const DNS_SYSTEM_TIMEOUT_MS = 4_000;

/**
 * The name as the operating system resolves it for Outlook, with the hosts-file pins.
 *
 * Without `--dns-server` that is `dns.lookup` (hosts file, OS cache, the OS's servers); with it,
 * the hosts file and then those servers. The hosts-file entries for the name are always read,
 * whichever answered.
 */
export const dnsSystemProbe = defineProbe({
  id: 'dns.system',
  kind: 'dns',
  title: 'Name resolution by the operating system',
  timeoutMs: DNS_SYSTEM_TIMEOUT_MS,
  plan: (view) => dnsNamesOf(view.input, autodiscoverTargets(view).map((t) => t.name)).map((name) => ({ key: name, target: name, input: { name } })),
  async run({ input, services, signal }) {
    const data = await systemResolverOf(services).resolve(input.name, signal);
    const pins = data.hostsFile.entries.length > 0 ? `; hosts file line ${data.hostsFile.entries.map((e) => e.line).join(', ')}` : '';
    const how = data.method === 'os-lookup' ? 'OS lookup' : data.source === 'hosts-file' ? 'hosts file' : `DNS ${data.servers?.join(', ') ?? ''}`;
    if (data.addresses.length > 0) {
      return { status: 'ok', summary: `${data.name} → ${data.addresses.map((a) => a.address).join(', ')} (${how}, ${data.durationMs} ms)${pins}`, data };
    }
    return {
      status: data.error?.kind === 'timeout' ? 'timeout' : 'fail',
      summary: `${data.name}: ${data.error?.message ?? 'no addresses'} (${how})${pins}`,
      data,
    };
  },
});
