/**
 * Keeps samples in tick order.
 *
 * A tick that passes while a request is still running (busy, or late) is known at once, the
 * running request's sample only when it ends. Those later ticks wait here until the running one
 * is recorded, so a timeline, the log and the outage count see the ticks in their order.
 */
export class TickOrder<T extends { seq: number }> {
  private running: number | null = null;
  private readonly held: T[] = [];

  constructor(private readonly record: (item: T) => void) {}

  /** A request for tick `seq` has started. */
  start(seq: number): void {
    this.running = seq;
  }

  /** A tick's result that is already known (a missed tick). */
  add(item: T): void {
    if (this.running !== null && item.seq > this.running) this.held.push(item);
    else this.record(item);
  }

  /** The running request ended with `item` (null: dropped); `keep` false drops what waited too (the run stopped). */
  finish(item: T | null, keep = true): void {
    this.running = null;
    if (item) this.record(item);
    const waiting = this.held.splice(0);
    if (keep) for (const held of waiting) this.record(held);
  }
}
