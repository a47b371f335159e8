import type { AnyProbeDefinition } from '../probe';
import { connectivityProbe } from './connectivity';
import { httpProbe } from './http';
import { localNetworkProbe } from './local-network';
import { tcpProbe } from './tcp';
import { tlsProbe } from './tls';

/**
 * Every probe of a diagnosis run, one file each.
 *
 * The runner plans from all of them; their `plan` functions decide what runs for an input.
 */
export const PROBES: readonly AnyProbeDefinition[] = [localNetworkProbe, tcpProbe, tlsProbe, httpProbe, connectivityProbe];
