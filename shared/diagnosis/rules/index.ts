import type { Rule } from '../rule';
import { dnsHostsOverride } from './dns-hosts-override';
import { dnsNoServer } from './dns-no-server';
import { dnsNxdomain } from './dns-nxdomain';
import { dnsServfail } from './dns-servfail';
import { dnsSlow } from './dns-slow';
import { dnsSystemMismatch } from './dns-system-mismatch';
import { dnsTimeout } from './dns-timeout';
import { ipv6Unreachable } from './ipv6-unreachable';
import { lbDeadAddress } from './lb-dead-address';
import { lbInconsistent } from './lb-inconsistent';
import { mtuBlackholeSuspected } from './mtu-blackhole-suspected';
import { netApipaOnly } from './net-apipa-only';
import { netChangedDuringRun } from './net-changed-during-run';
import { netMultipleActive } from './net-multiple-active';
import { netNoGateway } from './net-no-gateway';
import { netNoInterface } from './net-no-interface';
import { tcpUnreachable } from './tcp-unreachable';
import { tlsCertExpired } from './tls-cert-expired';
import { tlsCertExpiring } from './tls-cert-expiring';
import { tlsCertNameMismatch } from './tls-cert-name-mismatch';
import { tlsCertNotYetValid } from './tls-cert-not-yet-valid';
import { tlsCertUntrusted } from './tls-cert-untrusted';
import { tlsCertWeakKey } from './tls-cert-weak-key';
import { tlsHandshakeFailed } from './tls-handshake-failed';
import { tlsLegacyProtocol } from './tls-legacy-protocol';
import { vpnAdapterActive } from './vpn-adapter-active';

/**
 * Part A: network, VPN, DNS, load balancer, IPv6, TCP, MTU and TLS findings, in catalog order.
 */
export const NETWORK_RULES: readonly Rule[] = [
  netNoInterface,
  netApipaOnly,
  netNoGateway,
  netMultipleActive,
  netChangedDuringRun,
  vpnAdapterActive,
  dnsNoServer,
  dnsNxdomain,
  dnsTimeout,
  dnsServfail,
  dnsSlow,
  dnsSystemMismatch,
  dnsHostsOverride,
  lbDeadAddress,
  lbInconsistent,
  ipv6Unreachable,
  tcpUnreachable,
  mtuBlackholeSuspected,
  tlsHandshakeFailed,
  tlsLegacyProtocol,
  tlsCertNameMismatch,
  tlsCertExpired,
  tlsCertNotYetValid,
  tlsCertUntrusted,
  tlsCertWeakKey,
  tlsCertExpiring,
];

/**
 * Every finding rule, one file each.
 *
 * Order does not matter for the result (diagnose sorts), but keep it in catalog order so the
 * list reads like `../shared/spec/findings.md`.
 */
export const RULES: readonly Rule[] = [...NETWORK_RULES];
