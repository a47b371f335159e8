import { mailDomain } from '../../../shared/model/run-input';
import { COLLECTORS } from '../collectors';
import { collectorApplies, collectorInstanceId, type CollectorId } from '../collectors/collector';
import { AUTODISCOVER_PORT, planEndpoints, tcpInstanceId, endpointKey } from '../net/endpoints';
import { instanceId, type PlanView, type ProbeTask } from '../probe';
import { autodiscoverSrvName } from '../probes/dns-names';
import { planHttp } from '../probes/http';

/**
 * When the Autodiscover walk can start: once everything it takes from the run is in.
 *
 * The walk reuses the run's own DNS, TCP, TLS and HTTP results for `<domain>` and
 * `autodiscover.<domain>` on 443, the SRV record, and on Windows Outlook's registry settings,
 * profile and the SCP lookup. It is planned only when all of those that were planned have
 * finished, with exactly those as prerequisites, so it never asks a question twice and never
 * waits for an instance that will not come (the planners of those probes are asked what they
 * plan). Pure.
 */

/** Collectors the walk reads on Windows. */
const WALK_COLLECTORS: readonly CollectorId[] = ['collector.outlook-settings', 'collector.outlook-account', 'collector.nltest-dsgetdc', 'collector.ad-scp'];

export interface WalkTaskInput {
  domain: string;
  email: string;
}

export function planWalk(view: PlanView, platform: NodeJS.Platform = process.platform): ProbeTask<WalkTaskInput>[] {
  const email = view.input.email;
  const domain = mailDomain(view.input);
  if (!email || !domain) return [];
  const names = new Set([domain, `autodiscover.${domain}`]);

  const needed: string[] = [];
  for (const id of WALK_COLLECTORS) {
    const definition = COLLECTORS.find((c) => c.id === id);
    if (definition && collectorApplies(definition, platform)) needed.push(collectorInstanceId(id));
  }
  needed.push(instanceId('dns.srv', autodiscoverSrvName(view.input)!));
  for (const name of names) needed.push(instanceId('dns.system', name));

  // The system view's addresses are what Outlook connects to; wait for their TCP, TLS and HTTP.
  const systemAddresses = new Set<string>();
  for (const name of names) {
    const dns = view.results.get(instanceId('dns.system', name));
    for (const a of (dns?.probe === 'dns.system' ? dns.data?.addresses : undefined) ?? []) systemAddresses.add(`${name} ${a.address}`);
  }
  for (const endpoint of planEndpoints(view)) {
    if (!names.has(endpoint.host) || endpoint.port !== AUTODISCOVER_PORT || !systemAddresses.has(`${endpoint.host} ${endpoint.address}`)) continue;
    const tcp = tcpInstanceId(endpoint);
    needed.push(tcp);
    const result = view.results.get(tcp);
    if (result?.status === 'ok') needed.push(instanceId('tls', endpointKey(endpoint)));
  }
  for (const task of planHttp(view)) {
    if (names.has(task.input.host) && task.input.port === AUTODISCOVER_PORT && task.input.request === 'autodiscover' && systemAddresses.has(`${task.input.host} ${task.input.address}`)) {
      needed.push(instanceId('http', task.key));
    }
  }
  if (!needed.every((id) => view.results.has(id))) return [];
  return [{ key: domain, target: `Autodiscover for ${domain}`, input: { domain, email }, after: [...new Set(needed)], runIf: 'settled' }];
}
