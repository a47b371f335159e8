import type { MonitorSample } from '../../shared/monitor/monitor-types';

/**
 * The monitor's marks on a terminal: one per tick, 60 to a row, each row led by the local time
 * of its first tick — with one sample a second a row is a minute and a column is a second.
 *
 * `.` a challenge came back, `E` none or an error, `-` no request (the computer was too busy).
 * A message (network change, marker, sleep) goes on its own line; the row then continues on a
 * new line, led by its time again and indented to the column it had reached, so the columns
 * still line up with the ticks.
 */
export const MARKS_PER_ROW = 60;

const MARK: Record<MonitorSample['result'], string> = { challenge: '.', 'no-challenge': 'E', error: 'E', missed: '-' };

/** Width of the `HH:MM:SS ` lead of every row. */
const LEAD = 9;

export class MonitorGrid {
  private column = 0;
  private rowStartMs = 0;

  constructor(private readonly out: NodeJS.WritableStream) {}

  sample(sample: MonitorSample): void {
    if (this.column === 0) {
      this.rowStartMs = sample.atMs;
      this.out.write(`${clock(sample.atMs)} `);
    }
    this.out.write(MARK[sample.result]);
    this.column += 1;
    if (this.column === MARKS_PER_ROW) {
      this.out.write('\n');
      this.column = 0;
    }
  }

  /**
   * A message on its own line. `cursorAtLineStart`: the terminal already moved to a new line
   * (the user pressed Enter). `newRow`: the ticks after it no longer line up (after a sleep).
   */
  message(text: string, options: { cursorAtLineStart?: boolean; newRow?: boolean } = {}): void {
    const midRow = this.column > 0;
    if (midRow && !options.cursorAtLineStart) this.out.write('\n');
    this.out.write(`${' '.repeat(LEAD)}» ${text}\n`);
    if (options.newRow) {
      this.column = 0;
      return;
    }
    if (midRow) this.out.write(`${clock(this.rowStartMs)} ${' '.repeat(this.column)}`);
  }

  /** Ends the current row. */
  end(): void {
    if (this.column > 0) this.out.write('\n');
    this.column = 0;
  }
}

function clock(ms: number): string {
  const d = new Date(ms);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}
