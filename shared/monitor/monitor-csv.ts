import type { MonitorSample, MonitorTimelineEvent } from './monitor-types';

/**
 * The monitor log as CSV (RFC 4180, comma, CRLF): one line per tick, and one per timeline event
 * (network change, sleep gap, marker, changed name resolution) in time order.
 *
 * The header has no digit in it: the bundle tells a header line from a data line that way.
 * Times are local with their UTC offset (`2026-11-22T10:31:02.123+01:00`): unambiguous, and the
 * helpdesk reads the user's "about half past ten" straight off it.
 */
export const MONITOR_CSV_COLUMNS = [
  'time',
  'seq',
  'type',
  'result',
  'address',
  'status',
  'methods',
  'dnsMs',
  'connectMs',
  'tlsMs',
  'ttfbMs',
  'totalMs',
  'connection',
  'certificate',
  'error',
  'detail',
] as const;

export const MONITOR_CSV_HEADER = `${MONITOR_CSV_COLUMNS.join(',')}\r\n`;

type Row = Partial<Record<(typeof MONITOR_CSV_COLUMNS)[number], string | number | undefined>>;

function line(row: Row): string {
  return `${MONITOR_CSV_COLUMNS.map((c) => csvField(row[c])).join(',')}\r\n`;
}

/** One CSV line (with CRLF) for a sample. */
export function sampleCsvLine(sample: MonitorSample): string {
  const t = sample.timings;
  return line({
    time: localIsoTime(sample.atMs),
    seq: sample.seq,
    type: 'sample',
    result: sample.result,
    address: sample.address,
    status: sample.status,
    methods: sample.methods?.join(' '),
    dnsMs: t?.dnsMs,
    connectMs: t?.connectMs,
    tlsMs: t?.tlsMs,
    ttfbMs: t?.ttfbMs,
    totalMs: t?.totalMs,
    connection: sample.connection,
    certificate: sample.certificate ? (sample.certificate.trusted ? 'trusted' : (sample.certificate.error ?? 'untrusted')) : undefined,
    error: sample.missed ?? sample.error?.kind,
    detail: sample.error ? `${sample.error.code ? `${sample.error.code}: ` : ''}${sample.error.message}` : undefined,
  });
}

/** One CSV line (with CRLF) for a timeline event. */
export function eventCsvLine(event: MonitorTimelineEvent): string {
  const base = { time: localIsoTime(event.atMs), type: event.type };
  switch (event.type) {
    case 'network':
      return line({
        ...base,
        result: 'changed',
        detail: event.changes
          .map((c) => `${c.name}${c.vpn ? ' (VPN)' : ''}: ${c.change}${c.added.length ? ` +${c.added.join(' +')}` : ''}${c.removed.length ? ` -${c.removed.join(' -')}` : ''}`)
          .join('; '),
      });
    case 'gap':
      return line({
        ...base,
        result: event.cause,
        detail: `${Math.round(event.gapMs / 1000)} s without measurement (${localIsoTime(event.fromMs)} to ${localIsoTime(event.toMs)}, ${event.detectedBy})`,
      });
    case 'marker':
      return line({ ...base, result: `marker ${event.number}`, detail: event.note ?? '' });
    case 'resolved':
      return line({
        ...base,
        result: event.error ? 'failed' : 'changed',
        address: event.addresses.join(' '),
        detail: event.error ?? (event.previous ? `was ${event.previous.join(' ') || 'none'}` : 'first resolution'),
      });
  }
}

/**
 * One CSV field: quoted when needed, and defused against spreadsheet formulas.
 *
 * Error messages and marker notes are text from outside; one starting with `=`, `+`, `-` or `@`
 * would run as a formula when the log is opened in Excel, so it gets a leading apostrophe.
 */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = value.replace(/[\r\n]+/g, ' ');
  if (/^[=+\-@\t]/.test(text)) text = `'${text}`;
  return /[",]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** `2026-11-22T10:31:02.123+01:00`: local time with its offset. */
export function localIsoTime(ms: number): string {
  const date = new Date(ms);
  const offset = -date.getTimezoneOffset();
  const local = new Date(ms + offset * 60_000).toISOString().slice(0, -1);
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
