import type { TimeSyncData } from '../../../shared/model/probe-data';
import { isLocalClockSource } from '../../../shared/model/system-lookups';
import { defineCollector, windowsProgram } from './collector';
import { textLines } from './console-text';
import { labelLine, parseWindowsLocalDate } from './windows-text';

/** w32tm asks the local time service over RPC: instant when it runs, an error at once when not. */
const W32TM_TIMEOUT_MS = 4_000;
const W32TM_MAX_BYTES = 64 * 1024;

/** The fields of `w32tm /query /status` in their fixed order (used when a label is not known). */
const FIELD_ORDER = ['leap', 'stratum', 'precision', 'rootDelay', 'rootDispersion', 'referenceId', 'lastSync', 'source', 'pollInterval'] as const;
type Field = (typeof FIELD_ORDER)[number];

const LABELS: [RegExp, Field][] = [
  [/^(leap indicator|sprungindikator)$/, 'leap'],
  [/^stratum$/, 'stratum'],
  [/^(precision|präzision)$/, 'precision'],
  [/^(root delay|stammverzögerung)$/, 'rootDelay'],
  [/^(root dispersion|stammabweichung)$/, 'rootDispersion'],
  [/^(referenceid|reference id|referenz id)$/, 'referenceId'],
  [/^(last successful sync time|letzte erfolgreiche synchronisierungszeit)$/, 'lastSync'],
  [/^(source|quelle)$/, 'source'],
  [/^(poll interval|abrufintervall)$/, 'pollInterval'],
];


/**
 * Parses `w32tm /query /status`, German or English.
 *
 * Labels are matched in both languages, unknown ones by position (the order is fixed). When the
 * time service is not running the tool prints "The following error occurred: The service has not
 * been started. (0x80070426)" (German "Folgender Fehler ist aufgetreten: …") and exits non-zero:
 * that is an answer (not synchronised), not a failure.
 */
export function parseW32tmStatus(text: string, exitCode: number | null): TimeSyncData | null {
  const lines = textLines(text).filter((l) => l.trim() !== '');
  const hresult = /\((0x[0-9a-f]{8})\)/i.exec(text)?.[1];
  if (exitCode !== 0 && hresult) {
    return {
      serviceRunning: hresult.toLowerCase() !== '0x80070426',
      leapIndicator: null,
      stratum: null,
      source: null,
      lastSync: null,
      lastSyncText: null,
      pollIntervalSeconds: null,
      synchronized: false,
      error: `${lines.join(' ').trim()}`.slice(0, 300),
    };
  }
  const values = new Map<Field, string>();
  lines.forEach((line, index) => {
    const field = labelLine(line);
    if (!field) return;
    const known = LABELS.find(([pattern]) => pattern.test(field.key))?.[1] ?? FIELD_ORDER[index];
    if (known && !values.has(known)) values.set(known, field.value);
  });
  if (!values.has('stratum') && !values.has('source')) return null;

  const leapIndicator = leadingInt(values.get('leap'));
  const stratum = leadingInt(values.get('stratum'));
  const source = values.get('source')?.trim() || null;
  const lastSyncText = values.get('lastSync')?.trim() || null;
  const lastSync = lastSyncText ? parseWindowsLocalDate(lastSyncText) : null;
  const poll = /\((\d+)s\)/.exec(values.get('pollInterval') ?? '');
  const referenceId = values.get('referenceId') ?? '';

  let synchronized: boolean | null = null;
  if (leapIndicator === 3 || isLocalClockSource(source) || /LOCL/.test(referenceId) || stratum === 0) synchronized = false;
  else if (lastSync !== null && stratum !== null && stratum >= 1 && stratum <= 15) synchronized = true;

  return {
    serviceRunning: true,
    leapIndicator,
    stratum,
    source,
    lastSync,
    lastSyncText,
    pollIntervalSeconds: poll ? Number(poll[1]) : null,
    synchronized,
  };
}

function leadingInt(value: string | undefined): number | null {
  const match = /^\s*(-?\d+)/.exec(value ?? '');
  return match ? Number(match[1]) : null;
}

/** `w32tm /query /status`: is this computer's clock synchronised, and from where (Windows)? */
export const w32tmStatusCollector = defineCollector({
  id: 'collector.w32tm-status',
  title: 'w32tm /query /status',
  platforms: ['win32'],
  timeoutMs: W32TM_TIMEOUT_MS,
  commands: [
    {
      artifact: 'system/w32tm-query-status.txt',
      source: { kind: 'program', program: [windowsProgram('w32tm.exe')], args: ['/query', '/status'] },
      encoding: 'console',
      maxOutputBytes: W32TM_MAX_BYTES,
    },
  ],
  parse: ([output]) => (output?.outcome === 'ok' ? parseW32tmStatus(`${output.text}\n${output.stderr}`, output.exitCode) : null),
  summarize: (data) =>
    !data.serviceRunning
      ? 'time service not running'
      : `source ${data.source ?? '?'}, stratum ${data.stratum ?? '?'}, last sync ${data.lastSyncText ?? 'unknown'}${data.synchronized === false ? ' (not synchronised)' : ''}`,
});
