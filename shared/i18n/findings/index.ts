import type { FindingTextTable } from '../finding-texts';
import * as auth from './auth';
import * as autodiscover from './autodiscover';
import * as captivePortal from './captive-portal';
import * as desktopFirewall from './desktop-firewall';
import * as dns from './dns';
import * as ipv6 from './ipv6';
import * as loadBalancer from './load-balancer';
import * as mtu from './mtu';
import * as networkChange from './network-change';
import * as physical from './physical';
import * as proxy from './proxy';
import * as server from './server';
import * as tls from './tls';
import * as vpn from './vpn';

/**
 * Finding texts, one module per checklist section (`<section-id>.ts`, each exporting
 * `{ de, en }`), merged here into one table per language.
 */
const SECTION_TEXTS: readonly { de: FindingTextTable; en: FindingTextTable }[] = [
  // Part A: network, VPN, MTU, desktop firewall, TLS, IPv6, DNS, load balancer.
  physical,
  networkChange,
  vpn,
  mtu,
  desktopFirewall,
  tls,
  ipv6,
  dns,
  loadBalancer,
  // Part B (issue 3): portal, proxy and TLS inspection, Autodiscover, sign-in, server.
  captivePortal,
  proxy,
  autodiscover,
  auth,
  server,
];

export const findingsDe: FindingTextTable = Object.assign({}, ...SECTION_TEXTS.map((s) => s.de)) as FindingTextTable;
export const findingsEn: FindingTextTable = Object.assign({}, ...SECTION_TEXTS.map((s) => s.en)) as FindingTextTable;
