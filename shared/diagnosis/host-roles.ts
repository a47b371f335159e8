import { probesOf, type Evidence } from '../model/evidence';
import { mailDomain } from '../model/run-input';
import type { Severity } from '../model/severity';
import { normalizeHost } from './ip-address';

/**
 * What a host name is to Outlook.
 *
 * - `exchange`: the server Outlook connects to for mail (the given server, or a host an Exchange
 *   endpoint other than Autodiscover was probed on).
 * - `autodiscover`: `autodiscover.<domain>`, an SRV target, or a host probed for Autodiscover only.
 *   Outlook needs it to find its settings, not to stay connected; a certificate error here shows
 *   a warning dialog.
 * - `autodiscover-root`: `<domain>` itself. Outlook tries it first and silently ignores its
 *   certificate errors, so a fault there alone is no fault of Outlook's path.
 * - `other`: anything else the run touched (connectivity check, proxy).
 */
export type HostRole = 'exchange' | 'autodiscover' | 'autodiscover-root' | 'other';

export interface HostRoles {
  roleOf(host: string): HostRole;
  /** The Exchange host stands in for an unknown server: only a mail address was given. */
  isStandIn(host: string): boolean;
}

const OUTLOOK_ENDPOINTS = new Set(['mapi', 'rpc', 'rpc-in-data', 'ews', 'owa', 'healthcheck']);

export function hostRoles(evidence: Evidence): HostRoles {
  const { input } = evidence;
  const server = input.server ? normalizeHost(input.server.host) : undefined;
  const domain = mailDomain(input);
  const exchange = new Set<string>(server ? [server] : []);
  const autodiscover = new Set<string>(domain ? [`autodiscover.${domain}`] : []);
  for (const r of probesOf(evidence, 'http')) {
    if (!r.data) continue;
    (OUTLOOK_ENDPOINTS.has(r.data.endpoint) ? exchange : autodiscover).add(normalizeHost(r.data.host));
  }
  for (const r of probesOf(evidence, 'dns.srv')) {
    for (const record of r.data?.records ?? []) autodiscover.add(normalizeHost(record.target));
  }
  return {
    roleOf(host) {
      const h = normalizeHost(host);
      if (exchange.has(h)) return 'exchange';
      if (h === domain) return 'autodiscover-root';
      if (autodiscover.has(h)) return 'autodiscover';
      return 'other';
    },
    isStandIn(host) {
      return input.serverSource === 'autodiscover-name' && normalizeHost(host) === server;
    },
  };
}

/** One step less severe: problem → warning → info. */
export function lowerSeverity(severity: Severity): Severity {
  return severity === 'problem' ? 'warning' : 'info';
}

/** Roles whose faults are on Outlook's path at all (`autodiscover-root` errors Outlook ignores). */
export function isOutlookRole(role: HostRole): role is 'exchange' | 'autodiscover' {
  return role === 'exchange' || role === 'autodiscover';
}

/** Rank for choosing which host a finding names first: the Exchange host before Autodiscover. */
export const ROLE_RANK: Record<HostRole, number> = { exchange: 0, autodiscover: 1, 'autodiscover-root': 2, other: 3 };
