import type { RunEvent } from '../../shared/model/run-event';
import type { Translator } from '../../shared/i18n';

const STATUS_MARK = { ok: 'ok  ', fail: 'FAIL', timeout: 'TIME', skipped: 'skip' } as const;

/**
 * Progress while probing: on a terminal one line that updates in place; elsewhere (a pipe, a
 * remote PowerShell transcript) one line per finished probe.
 */
export function progressPrinter(out: NodeJS.WriteStream | NodeJS.WritableStream, tr: Translator) {
  const tty = 'isTTY' in out && out.isTTY === true;
  let planned = 0;
  let done = 0;
  let lastDraw = 0;
  const draw = (force = false) => {
    const now = Date.now();
    if (!force && now - lastDraw < 50) return;
    lastDraw = now;
    out.write(`\r\x1b[2K${tr.t('cli/progress', { done, total: planned })}`);
  };
  return {
    start() {
      out.write(`${tr.t('cli/checking')}\n`);
    },
    onEvent(event: RunEvent) {
      if (event.type === 'probe-planned') planned += 1;
      if (event.type !== 'probe-finished') return;
      done += 1;
      if (tty) {
        draw();
      } else {
        const r = event.result;
        out.write(`  ${STATUS_MARK[r.status]} ${String(r.durationMs).padStart(5)} ms  ${r.id}  ${r.summary}\n`);
      }
    },
    end() {
      if (tty) {
        draw(true);
        out.write('\n');
      }
    },
  };
}
