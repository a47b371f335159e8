import type { Rule } from '../rule';

import { authBasicOnlyRule } from './auth-basic-only';
import { authClockSkewRule } from './auth-clock-skew';
import { authCredentialsRejectedRule } from './auth-credentials-rejected';
import { authKerberosNoTicketRule } from './auth-kerberos-no-ticket';
import { authMethodsRule } from './auth-methods';
import { authModernAuthRule } from './auth-modern-auth';
import { authNoChallengeRule } from './auth-no-challenge';
import { autodiscoverCertMismatchRule } from './autodiscover-cert-mismatch';
import { autodiscoverHttpRedirectRule } from './autodiscover-http-redirect';
import { autodiscoverInvalidResponseRule } from './autodiscover-invalid-response';
import { autodiscoverNotFoundRule } from './autodiscover-not-found';
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
import { portalDetectedRule } from './portal-detected';
import { portalNcsiUnreachableRule } from './portal-ncsi-unreachable';
import { proxyAuthRequiredRule } from './proxy-auth-required';
import { proxyConfiguredRule } from './proxy-configured';
import { proxyConnectBlockedRule } from './proxy-connect-blocked';
import { proxyPacFailedRule } from './proxy-pac-failed';
import { serverBackendErrorRule } from './server-backend-error';
import { serverMapiBlockedExternalRule } from './server-mapi-blocked-external';
import { serverProtocolMissingRule } from './server-protocol-missing';
import { serverRpcMethodsBlockedRule } from './server-rpc-methods-blocked';
import { serverUnavailableRule } from './server-unavailable';
import { tcpUnreachable } from './tcp-unreachable';
import { tlsCertExpired } from './tls-cert-expired';
import { tlsCertExpiring } from './tls-cert-expiring';
import { tlsCertNameMismatch } from './tls-cert-name-mismatch';
import { tlsCertNotYetValid } from './tls-cert-not-yet-valid';
import { tlsCertUntrusted } from './tls-cert-untrusted';
import { tlsCertWeakKey } from './tls-cert-weak-key';
import { tlsHandshakeFailed } from './tls-handshake-failed';
import { tlsInterceptedRule } from './tls-intercepted';
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
 * Part B of the catalog: TLS interception, portal, proxy, Autodiscover, sign-in and server
 * findings (issue 3), in catalog order.
 */
export const RULES_PART_B: readonly Rule[] = [
  tlsInterceptedRule,
  portalDetectedRule,
  portalNcsiUnreachableRule,
  proxyConfiguredRule,
  proxyAuthRequiredRule,
  proxyConnectBlockedRule,
  proxyPacFailedRule,
  autodiscoverNotFoundRule,
  autodiscoverCertMismatchRule,
  autodiscoverHttpRedirectRule,
  autodiscoverInvalidResponseRule,
  authNoChallengeRule,
  authMethodsRule,
  authBasicOnlyRule,
  authKerberosNoTicketRule,
  authClockSkewRule,
  authCredentialsRejectedRule,
  authModernAuthRule,
  serverBackendErrorRule,
  serverUnavailableRule,
  serverProtocolMissingRule,
  serverRpcMethodsBlockedRule,
  serverMapiBlockedExternalRule,
];

/**
 * Every finding rule, one file each.
 *
 * Order does not matter for the result (diagnose sorts), but keep it in catalog order so the
 * list reads like `../shared/spec/findings.md`.
 */
export const RULES: readonly Rule[] = [...NETWORK_RULES, ...RULES_PART_B];
