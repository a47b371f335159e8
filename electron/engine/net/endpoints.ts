import { autodiscoverTargets } from '../autodiscover/found-hosts';
import { instanceId, type PlanView } from '../probe';
import type { IpFamily } from '../../../shared/model/probe-data';
import { mailDomain, type RunInput } from '../../../shared/model/run-input';
import { formatHostPort, isIPv4, isIPv6 } from '../../../shared/validate';

/**
 * Addresses checked per name and IP family.
 *
 * Load balancers publish a handful of addresses; a name with dozens is a CDN or a mistake, and
 * checking each would crowd out the other names within the run's deadline. Capping per family
 * keeps the IPv6 addresses of a name in view even when it has many IPv4 ones (8 per name in all).
 */
export const MAX_ADDRESSES_PER_FAMILY = 4;

/** Autodiscover is HTTPS on the default port; Outlook ignores other ports (see protocol-facts §1.1). */
export const AUTODISCOVER_PORT = 443;

/** A name Outlook connects to, and the port it uses there. */
export interface NameTarget {
  /** Lower-case, without a trailing dot; may be an IP literal (the Exchange host only). */
  name: string;
  port: number;
}

/** One address of one name on one port: the unit TCP, TLS and HTTP are checked per. */
export interface Endpoint {
  /** The name as Outlook uses it (SNI, Host header); an IP literal when the server was given as one. */
  host: string;
  address: string;
  family: IpFamily;
  port: number;
}

export interface PlannedEndpoint extends Endpoint {
  /** The DNS instance whose answer first held the address; empty for an IP literal. */
  after: string[];
}

/** Lower case, no trailing dot: DNS names compare that way. */
export function normalizeName(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}

/** 4 or 6 for an IP literal, undefined for a name. */
export function ipFamilyOf(host: string): IpFamily | undefined {
  if (isIPv4(host)) return 4;
  if (isIPv6(host)) return 6;
  return undefined;
}

/**
 * The names Outlook connects to: the Exchange host on its port, the mail domain and
 * autodiscover.<domain> on 443 (Autodiscover steps 6 and 7), and the Exchange hosts
 * Autodiscover's settings named (`found`). Each (name, port) once.
 */
export function connectTargets(input: RunInput, found: readonly NameTarget[] = []): NameTarget[] {
  const targets: NameTarget[] = [];
  const add = (name: string, port: number) => {
    const normalized = normalizeName(name);
    if (!targets.some((t) => t.name === normalized && t.port === port)) targets.push({ name: normalized, port });
  };
  if (input.server) add(input.server.host, input.server.port);
  const domain = mailDomain(input);
  if (domain) {
    add(domain, AUTODISCOVER_PORT);
    add(`autodiscover.${domain}`, AUTODISCOVER_PORT);
  }
  for (const target of found) add(target.name, target.port);
  return targets;
}

/**
 * Stable key of an endpoint, also the instance key of its TCP and TLS probes:
 * `mail.contoso.com@192.0.2.7:443`, `mail.contoso.com@[2001:db8::7]:443`.
 */
export function endpointKey(endpoint: Pick<Endpoint, 'host' | 'address' | 'port'>): string {
  return `${endpoint.host}@${formatHostPort(endpoint.address, endpoint.port)}`;
}

/** Instance id of the TCP probe of an endpoint: TLS and HTTP wait for it. */
export function tcpInstanceId(endpoint: Pick<Endpoint, 'host' | 'address' | 'port'>): string {
  return instanceId('tcp', endpointKey(endpoint));
}

/**
 * Every endpoint known so far, from the answers of `dns.system` and `dns.direct`.
 *
 * Per name the union of the addresses both DNS probes found, in the order the answers arrived,
 * capped per family; each address waits only for the first DNS instance that had it, so the
 * connects start as soon as any answer for the name is in. An IP literal needs no DNS. Pure and
 * stable: a later call only adds endpoints, so the runner's replanning keeps earlier ones.
 */
export function planEndpoints(view: PlanView): PlannedEndpoint[] {
  const targets = connectTargets(view.input, autodiscoverTargets(view));
  const planned: PlannedEndpoint[] = [];
  const names = new Set(targets.map((t) => t.name));
  // Per name: address → first DNS instance that had it, in arrival order.
  const found = new Map<string, Map<string, { family: IpFamily; after: string }>>();
  for (const result of view.results.values()) {
    if ((result.probe !== 'dns.system' && result.probe !== 'dns.direct') || result.status !== 'ok' || !result.data) continue;
    const name = normalizeName(result.data.name);
    if (!names.has(name)) continue;
    let addresses = found.get(name);
    if (!addresses) {
      addresses = new Map<string, { family: IpFamily; after: string }>();
      found.set(name, addresses);
    }
    for (const { address, family } of result.data.addresses) {
      if (!addresses.has(address)) addresses.set(address, { family, after: result.id });
    }
  }

  for (const target of targets) {
    const literal = ipFamilyOf(target.name);
    if (literal) {
      planned.push({ host: target.name, address: target.name, family: literal, port: target.port, after: [] });
      continue;
    }
    const perFamily = { 4: 0, 6: 0 };
    for (const [address, { family, after }] of found.get(target.name) ?? []) {
      if (perFamily[family] >= MAX_ADDRESSES_PER_FAMILY) continue;
      perFamily[family] += 1;
      planned.push({ host: target.name, address, family, port: target.port, after: [after] });
    }
  }
  return planned;
}
