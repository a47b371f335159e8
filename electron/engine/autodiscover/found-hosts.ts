import type { AutodiscoverData } from '../../../shared/model/probe-data';
import type { PlanView } from '../probe';

/**
 * The Exchange hosts Autodiscover's settings name, as probe targets of the run.
 *
 * With the credential test the walk learns where the mailbox really lives: the MAPI over HTTP
 * URLs (internal and external), the RPC over HTTP proxy (EXPR/EXHTTP `Server`) and EWS. Those
 * hosts are then resolved, connected to and asked anonymously like the Exchange host itself
 * (401 expected), through the existing DNS, TCP, TLS and HTTP probes.
 */

/** Hosts taken from one answer: an answer names two or three; more is not worth the run's time. */
export const MAX_FOUND_HOSTS = 4;

export interface FoundTarget {
  name: string;
  port: number;
}

export function autodiscoverTargets(view: Pick<PlanView, 'of'>): FoundTarget[] {
  const data: AutodiscoverData | undefined = view.of('autodiscover').find((r) => r.data?.protocols?.length)?.data;
  if (!data?.protocols) return [];
  const targets: FoundTarget[] = [];
  const add = (value: string | undefined, asHost = false) => {
    if (!value || targets.length >= MAX_FOUND_HOSTS) return;
    let name: string;
    let port = 443;
    try {
      const url = new URL(asHost ? `https://${value}/` : value);
      if (url.protocol !== 'https:') return;
      name = url.hostname.toLowerCase();
      if (url.port) port = Number(url.port);
    } catch {
      return;
    }
    // A mailbox GUID@domain (EXCH Server) or an IP literal is no name to connect to.
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(name) || /^[\d.]+$/.test(name)) return;
    if (!targets.some((t) => t.name === name && t.port === port)) targets.push({ name, port });
  };
  for (const p of data.protocols) {
    const type = p.type.toUpperCase();
    if (type === 'MAPIHTTP') {
      add(p.externalUrl);
      add(p.internalUrl);
    } else if (type === 'EXPR' || type === 'EXHTTP') {
      if (p.server && !p.server.includes('@')) add(p.server, true);
      add(p.ewsUrl);
    } else if (type === 'EXCH') {
      add(p.ewsUrl);
    }
  }
  return targets;
}
