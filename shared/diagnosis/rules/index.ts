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
import { tlsInterceptedRule } from './tls-intercepted';

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
export const RULES: readonly Rule[] = [...RULES_PART_B];
