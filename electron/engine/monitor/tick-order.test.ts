import { describe, expect, it } from 'vitest';
import { TickOrder } from './tick-order';

describe('tick order', () => {
  it('holds ticks that passed while a request ran until its sample is recorded', () => {
    const recorded: number[] = [];
    const order = new TickOrder<{ seq: number }>((s) => recorded.push(s.seq));
    order.add({ seq: 0 });
    order.start(1);
    order.add({ seq: 2 }); // busy: 1 still running
    order.add({ seq: 3 });
    expect(recorded).toEqual([0]);
    order.finish({ seq: 1 });
    expect(recorded).toEqual([0, 1, 2, 3]);
    order.add({ seq: 4 });
    expect(recorded).toEqual([0, 1, 2, 3, 4]);
  });

  it('drops what waited when the run stops, and records nothing for a dropped request', () => {
    const recorded: number[] = [];
    const order = new TickOrder<{ seq: number }>((s) => recorded.push(s.seq));
    order.start(0);
    order.add({ seq: 1 });
    order.finish(null, false);
    expect(recorded).toEqual([]);
  });
});
