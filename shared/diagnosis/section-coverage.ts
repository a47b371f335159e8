import type { SectionId } from '../model/sections';

/**
 * Which probes look at a section.
 *
 * A section is `not-checked` unless one of these probes actually ran (any status but
 * `skipped`), so a section no probe could look at is never shown as silently ok.
 */
export const SECTION_COVERAGE: Record<SectionId, readonly string[]> = {
  physical: ['local.network'],
  'network-change': ['local.network-recheck'],
  // VPN adapters come from the interface list; a hidden VPN shows as Windows' answer (lookup or
  // cache) differing from a fresh query.
  vpn: ['local.network', 'dns.system', 'collector.dns-cache', 'dns.direct'],
  mtu: ['mtu'],
  'desktop-firewall': ['tcp'],
  tls: ['tls'],
  ipv6: ['dns.direct'],
  'captive-portal': ['connectivity'],
  proxy: ['proxy.config', 'proxy.connect'],
  dns: ['dns.system', 'dns.direct'],
  'load-balancer': ['tcp'],
  autodiscover: ['autodiscover'],
  auth: ['http', 'auth.credentials', 'auth.kerberos'],
  server: ['http', 'auth.credentials'],
};
