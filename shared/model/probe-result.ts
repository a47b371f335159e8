import type { ProbeDataMap, ProbeId } from './probe-data';

/**
 * What a probe instance ended with.
 *
 * `skipped` means it never ran (a prerequisite failed, or the run's deadline came first);
 * `timeout` means it ran and its own or the run's deadline cut it off.
 */
export type ProbeStatus = 'ok' | 'fail' | 'timeout' | 'skipped';

/** The coarse kind of a probe, as the report's `probes[].kind`. */
export type ProbeKind =
  | 'system'
  | 'dns'
  | 'tcp'
  | 'tls'
  | 'http'
  | 'proxy'
  | 'autodiscover'
  | 'auth'
  | 'mtu'
  | 'collector';

/**
 * One finished probe instance, as stored in the evidence and the report.
 *
 * `id` is unique within a run (definition id plus target), `probe` is the definition id.
 */
export interface ProbeResultBase {
  id: string;
  probe: ProbeId;
  kind: ProbeKind;
  target: string;
  status: ProbeStatus;
  startedAt: string;
  durationMs: number;
  /** One readable line, English, for logs and the report's probe table. */
  summary: string;
  /** Ids of the probe instances this one waited for. */
  after?: string[];
}

export type ProbeResultOf<P extends ProbeId> = ProbeResultBase & {
  probe: P;
  /** Absent when the probe was skipped or threw before it had anything to say. */
  data?: ProbeDataMap[P];
};

export type ProbeResult = { [P in ProbeId]: ProbeResultOf<P> }[ProbeId];
