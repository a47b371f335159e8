/**
 * The checklist sections, in the wizard's order.
 *
 * Ids and order are fixed by `../shared/spec/findings.md`; titles live in the i18n resources.
 */
export const SECTION_IDS = [
  'physical',
  'network-change',
  'vpn',
  'mtu',
  'desktop-firewall',
  'tls',
  'ipv6',
  'captive-portal',
  'proxy',
  'dns',
  'load-balancer',
  'autodiscover',
  'auth',
  'server',
] as const;

export type SectionId = (typeof SECTION_IDS)[number];

export type SectionStatus = 'ok' | 'warning' | 'problem' | 'not-checked';

export function isSectionId(value: string): value is SectionId {
  return (SECTION_IDS as readonly string[]).includes(value);
}
