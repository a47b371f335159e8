import { COLLECTOR_PROBES } from '../collectors';
import { authKerberosProbe } from './auth-kerberos';
import type { AnyProbeDefinition } from '../probe';
import { authCredentialsProbe } from './auth-credentials';
import { autodiscoverProbe } from './autodiscover';
import { connectivityProbe } from './connectivity';
import { dnsDirectProbe } from './dns-direct';
import { dnsSrvProbe } from './dns-srv';
import { dnsSystemProbe } from './dns-system';
import { httpProbe } from './http';
import { httpViaProxyProbe } from './http-via-proxy';
import { localNetworkProbe } from './local-network';
import { mtuProbe } from './mtu';
import { proxyConfigProbe } from './proxy-config';
import { proxyConnectProbe } from './proxy-connect';
import { localNetworkRecheckProbe } from './local-network-recheck';
import { tcpProbe } from './tcp';
import { tlsProbe } from './tls';

/**
 * Every probe of a diagnosis run, one file each.
 *
 * The runner plans from all of them; their `plan` functions decide what runs for an input.
 */
export const PROBES: readonly AnyProbeDefinition[] = [
  localNetworkProbe,
  dnsSystemProbe,
  dnsDirectProbe,
  dnsSrvProbe,
  tcpProbe,
  tlsProbe,
  httpProbe,
  mtuProbe,
  connectivityProbe,
  autodiscoverProbe,
  authCredentialsProbe,
  proxyConfigProbe,
  proxyConnectProbe,
  httpViaProxyProbe,
  authKerberosProbe,
  ...COLLECTOR_PROBES,
];

/**
 * Probes that look at the run as a whole and so start only after every probe of `PROBES` is done
 * (or the deadline came): the second snapshot of the local network. They see all results so far.
 */
export const FINAL_PROBES: readonly AnyProbeDefinition[] = [localNetworkRecheckProbe];
