import { COLLECTOR_PROBES } from '../collectors';
import type { AnyProbeDefinition } from '../probe';
import { localNetworkProbe } from './local-network';

/**
 * Every probe of a diagnosis run, one file each.
 *
 * The runner plans from all of them; their `plan` functions decide what runs for an input.
 */
export const PROBES: readonly AnyProbeDefinition[] = [localNetworkProbe, ...COLLECTOR_PROBES];
