import { COLLECTOR_PROBES } from '../collectors';
import type { AnyProbeDefinition } from '../probe';
import { connectivityProbe } from './connectivity';
import { dnsDirectProbe } from './dns-direct';
import { dnsSrvProbe } from './dns-srv';
import { dnsSystemProbe } from './dns-system';
import { httpProbe } from './http';
import { localNetworkProbe } from './local-network';
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
  connectivityProbe,
  ...COLLECTOR_PROBES,
];

/**
 * Probes that look at the run as a whole and so start only after every probe of `PROBES` is done
 * (or the deadline came): the second snapshot of the local network. They see all results so far.
 */
export const FINAL_PROBES: readonly AnyProbeDefinition[] = [localNetworkRecheckProbe];
