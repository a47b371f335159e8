import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { MonitorSample } from '../../shared/monitor/monitor-types';
import { MARKS_PER_ROW, MonitorGrid } from './monitor-grid';

function grid() {
  const out = new PassThrough();
  let text = '';
  out.on('data', (d: Buffer) => (text += d.toString()));
  return { grid: new MonitorGrid(out), text: () => text };
}

const START = new Date(2026, 10, 22, 10, 30, 0).getTime();
const sample = (seq: number, result: MonitorSample['result'] = 'challenge'): MonitorSample => ({ seq, atMs: START + seq * 1000, result });

describe('the monitor grid', () => {
  it('prints 60 marks to a row, each row led by the time of its first tick', () => {
    const g = grid();
    for (let i = 0; i < 130; i += 1) g.grid.sample(sample(i, i === 61 ? 'error' : i === 62 ? 'no-challenge' : i === 63 ? 'missed' : 'challenge'));
    g.grid.end();
    const rows = g.text().split('\n').filter(Boolean);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toBe(`10:30:00 ${'.'.repeat(MARKS_PER_ROW)}`);
    expect(rows[1]).toBe(`10:31:00 .EE-${'.'.repeat(56)}`);
    expect(rows[2]).toBe(`10:32:00 ..........`);
  });

  it('puts a message on its own line and continues the row in the same column', () => {
    const g = grid();
    for (let i = 0; i < 18; i += 1) g.grid.sample(sample(i));
    g.grid.message('Netzwerk geändert: WLAN weg');
    for (let i = 18; i < 20; i += 1) g.grid.sample(sample(i, 'error'));
    g.grid.end();
    const rows = g.text().split('\n').filter(Boolean);
    expect(rows).toEqual([`10:30:00 ${'.'.repeat(18)}`, '         » Netzwerk geändert: WLAN weg', `10:30:00 ${' '.repeat(18)}EE`]);
    // The marks after the message stand in the columns of their seconds.
    expect(rows[2]!.indexOf('E')).toBe(rows[0]!.length);
  });

  it('does not break the line again when the terminal already did (Enter), and starts a new row after a sleep', () => {
    const g = grid();
    g.grid.sample(sample(0));
    g.grid.message('Markierung 1', { cursorAtLineStart: true });
    g.grid.sample(sample(1));
    g.grid.message('Pause von 3600 s', { newRow: true });
    g.grid.sample(sample(3601));
    g.grid.end();
    expect(g.text()).toBe(`10:30:00 .         » Markierung 1\n10:30:00  .\n         » Pause von 3600 s\n11:30:01 .\n`);
  });
});
