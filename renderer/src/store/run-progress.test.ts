import { describe, expect, it } from 'vitest';
import type { ProbeResult } from '../../../shared/model/probe-result';
import { applyRunEvent, finishedCount, liveSections, newRunProgress, sectionsOfProbe } from './run-progress';

const result = (id: string, probe: string): ProbeResult =>
  ({ id, probe, kind: 'tcp', target: 'x', status: 'ok', startedAt: '2026-01-01T00:00:00.000Z', durationMs: 3, summary: 's' }) as ProbeResult;

describe('run progress', () => {
  it('fills in sections live as their probes are planned, start and finish', () => {
    let run = newRunProgress('run-1');
    run = applyRunEvent(run, { type: 'probe-planned', id: 'tcp:a', probe: 'tcp', kind: 'tcp', target: 'a', title: 'TCP' });
    run = applyRunEvent(run, { type: 'probe-planned', id: 'tcp:b', probe: 'tcp', kind: 'tcp', target: 'b', title: 'TCP' });
    run = applyRunEvent(run, { type: 'probe-planned', id: 'tcp:a', probe: 'tcp', kind: 'tcp', target: 'a', title: 'TCP' });
    expect(run.planned).toHaveLength(2);
    const firewall = () => liveSections(run).find((s) => s.id === 'desktop-firewall')!;
    expect(firewall()).toEqual({ id: 'desktop-firewall', state: 'waiting', total: 2, done: 0 });
    run = applyRunEvent(run, { type: 'probe-started', id: 'tcp:a', startedAt: 'now' });
    expect(firewall().state).toBe('running');
    run = applyRunEvent(run, { type: 'probe-finished', result: result('tcp:a', 'tcp') });
    expect(firewall()).toMatchObject({ state: 'waiting', done: 1 });
    run = applyRunEvent(run, { type: 'probe-finished', result: result('tcp:b', 'tcp') });
    expect(firewall()).toMatchObject({ state: 'done', done: 2 });
    expect(finishedCount(run)).toBe(2);
    expect(liveSections(run).find((s) => s.id === 'tls')!.state).toBe('waiting');
    expect(liveSections({ ...run, phase: 'finished' }).find((s) => s.id === 'tls')!.state).toBe('none');
  });

  it('notes the deadline', () => {
    expect(applyRunEvent(newRunProgress('r'), { type: 'run-deadline', atMs: 10_000 }).deadlineReached).toBe(true);
  });

  it('maps probes to every section that reads them', () => {
    expect(sectionsOfProbe('local.network')).toEqual(['physical', 'vpn']);
    expect(sectionsOfProbe('unknown.probe')).toEqual([]);
  });
});
