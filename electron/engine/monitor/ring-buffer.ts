/**
 * The newest `capacity` items of an endless stream, in fixed memory.
 *
 * The slots are allocated once; pushing beyond the capacity overwrites the oldest item.
 */
export class RingBuffer<T> {
  private readonly slots: (T | undefined)[];
  private start = 0;
  private length = 0;
  /** Items pushed out so far. */
  dropped = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
    this.slots = new Array<T | undefined>(capacity);
  }

  get size(): number {
    return this.length;
  }

  push(item: T): void {
    if (this.length < this.capacity) {
      this.slots[(this.start + this.length) % this.capacity] = item;
      this.length += 1;
      return;
    }
    this.slots[this.start] = item;
    this.start = (this.start + 1) % this.capacity;
    this.dropped += 1;
  }

  /** The newest `limit` items (all by default), oldest first. */
  toArray(limit = this.length): T[] {
    const count = Math.max(0, Math.min(limit, this.length));
    const out: T[] = [];
    for (let i = this.length - count; i < this.length; i += 1) out.push(this.slots[(this.start + i) % this.capacity] as T);
    return out;
  }

  /** The oldest item still held. */
  first(): T | undefined {
    return this.length ? this.slots[this.start] : undefined;
  }
}
