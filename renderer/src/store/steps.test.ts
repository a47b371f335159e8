import { describe, expect, it } from 'vitest';
import { SECTION_IDS } from '../../../shared/model/sections';
import { isReachable, neighbour, sectionOf, STEP_IDS } from './steps';

describe('steps', () => {
  it('go start, check, every section in catalog order, summary, then the monitor', () => {
    expect(STEP_IDS[0]).toBe('start');
    expect(STEP_IDS[1]).toBe('running');
    expect(STEP_IDS.slice(2, -2).map((s) => sectionOf(s))).toEqual([...SECTION_IDS]);
    expect(STEP_IDS.slice(-2)).toEqual(['summary', 'monitor']);
  });

  it('open the monitor always, but never lead into it with next', () => {
    expect(isReachable('monitor', { hasRun: false, hasReport: false })).toBe(true);
    expect(neighbour('summary', 1, { hasRun: true, hasReport: true })).toBeUndefined();
    expect(neighbour('monitor', -1, { hasRun: true, hasReport: true })).toBe('summary');
    expect(neighbour('monitor', -1, { hasRun: false, hasReport: false })).toBe('start');
  });

  it('open only what exists', () => {
    expect(isReachable('running', { hasRun: false, hasReport: false })).toBe(false);
    expect(isReachable('section:tls', { hasRun: true, hasReport: false })).toBe(false);
    expect(neighbour('start', 1, { hasRun: false, hasReport: false })).toBeUndefined();
    expect(neighbour('running', 1, { hasRun: true, hasReport: true })).toBe('section:physical');
    expect(neighbour('summary', 1, { hasRun: true, hasReport: true })).toBeUndefined();
  });
});
