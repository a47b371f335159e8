import type { SectionId } from './sections';
import type { Severity } from './severity';

/**
 * The finding catalog of `../shared/spec/findings.md`: id, section and default severity.
 *
 * Ids never change meaning once shipped; new ones may be added. Texts live in the i18n resources,
 * the logic in `shared/diagnosis/rules/`.
 */
export const FINDING_CATALOG = {
  'net.no-interface': { section: 'physical', severity: 'problem' },
  'net.apipa-only': { section: 'physical', severity: 'problem' },
  'net.no-gateway': { section: 'physical', severity: 'problem' },
  'net.multiple-active': { section: 'network-change', severity: 'info' },
  'net.changed-during-run': { section: 'network-change', severity: 'warning' },
  'vpn.adapter-active': { section: 'vpn', severity: 'info' },
  'dns.no-server': { section: 'dns', severity: 'problem' },
  'dns.nxdomain': { section: 'dns', severity: 'problem' },
  'dns.timeout': { section: 'dns', severity: 'problem' },
  'dns.servfail': { section: 'dns', severity: 'problem' },
  'dns.slow': { section: 'dns', severity: 'warning' },
  'dns.system-mismatch': { section: 'vpn', severity: 'warning' },
  'dns.hosts-override': { section: 'dns', severity: 'warning' },
  'lb.dead-address': { section: 'load-balancer', severity: 'problem' },
  'lb.inconsistent': { section: 'load-balancer', severity: 'warning' },
  'ipv6.unreachable': { section: 'ipv6', severity: 'problem' },
  'tcp.unreachable': { section: 'desktop-firewall', severity: 'problem' },
  'mtu.blackhole-suspected': { section: 'mtu', severity: 'problem' },
  'tls.handshake-failed': { section: 'tls', severity: 'problem' },
  'tls.legacy-protocol': { section: 'tls', severity: 'warning' },
  'tls.cert-name-mismatch': { section: 'tls', severity: 'problem' },
  'tls.cert-expired': { section: 'tls', severity: 'problem' },
  'tls.cert-not-yet-valid': { section: 'tls', severity: 'problem' },
  'tls.cert-untrusted': { section: 'tls', severity: 'problem' },
  'tls.cert-weak-key': { section: 'tls', severity: 'warning' },
  'tls.cert-expiring': { section: 'tls', severity: 'warning' },
  'tls.intercepted': { section: 'proxy', severity: 'warning' },
  'portal.detected': { section: 'captive-portal', severity: 'problem' },
  'portal.ncsi-unreachable': { section: 'captive-portal', severity: 'warning' },
  'proxy.configured': { section: 'proxy', severity: 'info' },
  'proxy.auth-required': { section: 'proxy', severity: 'problem' },
  'proxy.connect-blocked': { section: 'proxy', severity: 'problem' },
  'proxy.pac-failed': { section: 'proxy', severity: 'warning' },
  'autodiscover.not-found': { section: 'autodiscover', severity: 'problem' },
  'autodiscover.cert-mismatch': { section: 'autodiscover', severity: 'warning' },
  'autodiscover.http-redirect': { section: 'autodiscover', severity: 'info' },
  'autodiscover.invalid-response': { section: 'autodiscover', severity: 'warning' },
  'auth.no-challenge': { section: 'auth', severity: 'problem' },
  'auth.methods': { section: 'auth', severity: 'info' },
  'auth.basic-only': { section: 'auth', severity: 'warning' },
  'auth.kerberos-no-ticket': { section: 'auth', severity: 'warning' },
  'auth.clock-skew': { section: 'auth', severity: 'problem' },
  'auth.credentials-rejected': { section: 'auth', severity: 'problem' },
  'auth.modern-auth': { section: 'auth', severity: 'info' },
  'server.backend-error': { section: 'server', severity: 'problem' },
  'server.unavailable': { section: 'server', severity: 'problem' },
  'server.protocol-missing': { section: 'server', severity: 'warning' },
  'server.rpc-methods-blocked': { section: 'server', severity: 'warning' },
  'server.mapi-blocked-external': { section: 'server', severity: 'info' },
} as const satisfies Record<string, { section: SectionId; severity: Severity }>;

export type FindingId = keyof typeof FINDING_CATALOG;

export const FINDING_IDS = Object.keys(FINDING_CATALOG) as FindingId[];

export function isFindingId(value: string): value is FindingId {
  return Object.hasOwn(FINDING_CATALOG, value);
}
