import type { ProbeId } from './probe-data';
import type { ProbeResult, ProbeResultOf } from './probe-result';
import type { RunInput } from './run-input';

/**
 * Everything a run has found out, as the diagnosis rules see it.
 *
 * Rules are pure functions of this object, so a test builds one by hand.
 */
export interface Evidence {
  input: RunInput;
  startedAt: string;
  /** Epoch ms the diagnosis treats as "now" (certificate dates, clock skew). */
  now: number;
  probes: readonly ProbeResult[];
}

/** All results of one probe definition, in run order. */
export function probesOf<P extends ProbeId>(evidence: Pick<Evidence, 'probes'>, probe: P): ProbeResultOf<P>[] {
  // The union cannot narrow on a generic key; the filter on `probe` is exactly that narrowing.
  return evidence.probes.filter((r) => r.probe === probe) as unknown as ProbeResultOf<P>[];
}

/** The results of one probe definition that finished `ok` and carry data. */
export function okProbesOf<P extends ProbeId>(
  evidence: Pick<Evidence, 'probes'>,
  probe: P,
): (ProbeResultOf<P> & { data: NonNullable<ProbeResultOf<P>['data']> })[] {
  return probesOf(evidence, probe).filter(
    (r): r is ProbeResultOf<P> & { data: NonNullable<ProbeResultOf<P>['data']> } => r.status === 'ok' && r.data !== undefined,
  );
}
