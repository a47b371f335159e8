import { defineRule } from '../rule';
import { connectedInterfaces, localNetworkOf, reachByHost } from '../evidence-queries';
import { addressesOf, cachedAddresses, dnsViews, failureOf, isNegative } from '../dns-views';
import { combineHostHits, listArg, noteArg, severityForRole, type HostHit } from '../host-hits';
import { hostRoles, isOutlookRole } from '../host-roles';
import { ipScope } from '../ip-address';

const scopes = (addresses: readonly string[]) => [...new Set(addresses.map(ipScope))].sort().join(',');

/**
 * `dns.system-mismatch`: what the operating system answers for a name (cache, VPN's DNS, name
 * resolution policy) differs from a fresh query to the DNS server.
 *
 * Different address sets alone are normal (round robin, geo DNS of Exchange Online), so a
 * mismatch needs one of: one side says the name does not exist while the other resolves it; the
 * answers share no address and point into different kinds of network (internal vs public, the
 * split DNS case); or they share no address and the operating system's addresses fail while a
 * fresh one answers. A hosts file entry explains a difference by itself (`dns.hosts-override`).
 * The DNS cache listing (Windows collector), where present, shows whether a stale cache entry
 * is the source.
 */
export const dnsSystemMismatch = defineRule({
  id: 'dns.system-mismatch',
  dependsOn: ['net.no-interface', 'dns.hosts-override'],
  evaluate(evidence) {
    const roles = hostRoles(evidence);
    const reach = reachByHost(evidence);
    const net = localNetworkOf(evidence);
    const vpn = net ? connectedInterfaces(net.data).filter((i) => i.vpn) : [];
    const hits: HostHit[] = [];
    for (const view of dnsViews(evidence).values()) {
      const role = roles.roleOf(view.name);
      if (!isOutlookRole(role) || !view.direct || (!view.system && !view.cache)) continue;
      if ((view.system?.data.hostsFile.entries.length ?? 0) > 0) continue;
      const systemAddrs = view.system ? addressesOf(view.system) : cachedAddresses(view.cache!.entry);
      const systemNegative = view.system ? isNegative(failureOf(view.system)) : view.cache!.entry.negative !== undefined;
      const directAddrs = addressesOf(view.direct);
      const directNegative = isNegative(failureOf(view.direct));

      const disjoint = systemAddrs.length > 0 && directAddrs.length > 0 && !systemAddrs.some((a) => directAddrs.includes(a));
      const hostReach = reach.get(view.name) ?? [];
      const works = (a: string) => hostReach.find((r) => r.address === a)?.ok;
      const systemDead = disjoint && systemAddrs.every((a) => works(a) === false) && directAddrs.some((a) => works(a) === true);
      const mismatch =
        (systemAddrs.length > 0 && directNegative) ||
        (systemNegative && directAddrs.length > 0) ||
        (disjoint && (scopes(systemAddrs) !== scopes(directAddrs) || systemDead));
      if (!mismatch) continue;

      const cacheAgrees =
        view.cache !== undefined &&
        (view.cache.entry.negative !== undefined ? systemNegative : cachedAddresses(view.cache.entry).some((a) => systemAddrs.includes(a)));
      const ttls = cacheAgrees ? view.cache!.entry.records.map((r) => r.ttl) : [];
      const ttl = ttls.length ? Math.min(...ttls) : undefined;
      hits.push({
        host: view.name,
        role,
        evidence: [view.system?.id, view.direct.id, cacheAgrees ? view.cache!.result.id : undefined].filter((id): id is string => id !== undefined),
        args: {
          host: view.name,
          systemAnswer: listArg(systemAddrs) || '—',
          directAnswer: listArg(directAddrs) || '—',
          ...(ttl !== undefined ? { ttl } : {}),
          ...(vpn.length ? { adapters: listArg(vpn.map((i) => i.name)) } : {}),
          ...noteArg([cacheAgrees && (ttl !== undefined ? 'cache-ttl' : 'cache'), vpn.length > 0 && 'vpn', systemDead && 'system-dead']),
        },
        ...severityForRole('dns.system-mismatch', role),
      });
    }
    return combineHostHits(hits);
  },
});
