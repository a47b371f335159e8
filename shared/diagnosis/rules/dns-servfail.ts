import type { DnsErrorKind } from '../../model/probe-data';
import { defineRule } from '../rule';
import { LINK_DOWN, PORTAL } from '../causes';
import { addressesOf, dnsServersOf, dnsViews, failureOf, isNegative } from '../dns-views';
import { combineHostHits, listArg, noteArg, type HostHit } from '../host-hits';
import { hostRoles } from '../host-roles';

const ERROR_ANSWER = (kind: DnsErrorKind | undefined) => kind === 'servfail' || kind === 'refused';

/**
 * `dns.servfail`: the DNS server answered for the Exchange host with an error (SERVFAIL: it
 * could not get the answer itself, e.g. broken delegation or DNSSEC; REFUSED: it will not
 * answer this client).
 *
 * Like `dns.timeout`, raised also when the cache still had an answer, and never lowered.
 */
export const dnsServfail = defineRule({
  id: 'dns.servfail',
  dependsOn: [...LINK_DOWN, 'dns.no-server', ...PORTAL],
  evaluate(evidence) {
    const roles = hostRoles(evidence);
    const hits: HostHit[] = [];
    for (const view of dnsViews(evidence).values()) {
      if (roles.roleOf(view.name) !== 'exchange') continue;
      const system = failureOf(view.system);
      const direct = failureOf(view.direct);
      if (!ERROR_ANSWER(system) && !ERROR_ANSWER(direct)) continue;
      if (isNegative(system) || isNegative(direct)) continue;
      hits.push({
        host: view.name,
        role: 'exchange',
        evidence: [ERROR_ANSWER(system) && view.system?.id, ERROR_ANSWER(direct) && view.direct?.id].filter((id): id is string => typeof id === 'string'),
        args: {
          host: view.name,
          servers: listArg(dnsServersOf(evidence, view)) || '—',
          ...noteArg([(system === 'refused' || direct === 'refused') && 'refused', addressesOf(view.system).length > 0 && 'cached']),
        },
        severity: 'problem',
      });
    }
    return combineHostHits(hits);
  },
});
