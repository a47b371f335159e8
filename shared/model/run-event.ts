import type { ProbeId } from './probe-data';
import type { ProbeKind, ProbeResult } from './probe-result';

/** Progress of a run, streamed to the command line and the app while probes run. */
export type RunEvent =
  | { type: 'probe-planned'; id: string; probe: ProbeId; kind: ProbeKind; target: string; title: string }
  | { type: 'probe-started'; id: string; startedAt: string }
  | { type: 'probe-finished'; result: ProbeResult }
  | { type: 'run-deadline'; atMs: number };
