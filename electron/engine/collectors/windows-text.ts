/**
 * Helpers for the "Label . . . . : value" layout of Windows console tools, German and English.
 */

/** Indentation beyond which a line continues the previous value (values start near column 39). */
const CONTINUATION_INDENT = 8;

export interface LabelLine {
  indent: number;
  /** Label without dot leaders and trailing blanks, as printed. */
  label: string;
  /** Lower-cased label with hyphens and repeated blanks made single spaces, for matching. */
  key: string;
  value: string;
}

/**
 * Splits `   Physische Adresse . . . . . . . . : 74-56-3C-C6-25-99` into label and value.
 *
 * The label never holds a colon, so the first one separates (values do: IPv6 addresses, times).
 * Returns null for blank lines, lines without a colon and continuation lines (deeply indented).
 */
export function labelLine(line: string): LabelLine | null {
  const indent = line.length - line.trimStart().length;
  if (indent > CONTINUATION_INDENT) return null;
  const colon = line.indexOf(':');
  if (colon <= indent) return null;
  const label = line.slice(indent, colon).replace(/[\s.]+$/, '');
  if (!label) return null;
  return { indent, label, key: labelKey(label), value: line.slice(colon + 1).trim() };
}

/** A deeply indented line holding one more value of the label above (DNS servers, gateways). */
export function continuationValue(line: string): string | null {
  const indent = line.length - line.trimStart().length;
  if (indent <= CONTINUATION_INDENT || line.trim() === '') return null;
  return line.trim();
}

export function labelKey(label: string): string {
  return label.toLowerCase().replace(/[-_]/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * A local date and time as Windows prints it in English (`4/16/2022 9:53:54`, `3/14/2024 10:00:00
 * AM`) or German (`16.07.2026 9:58:40`, `Donnerstag, 18. September 2025 13:15:51` is not handled),
 * as an ISO string; null when the text has no such date.
 */
export function parseWindowsLocalDate(text: string): string | null {
  let year: number, month: number, day: number;
  let rest: string;
  const us = /(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(.*)$/.exec(text);
  const de = /(\d{1,2})\.(\d{1,2})\.(\d{4})\s+(.*)$/.exec(text);
  if (us) {
    [month, day, year] = [Number(us[1]), Number(us[2]), Number(us[3])];
    rest = us[4]!;
  } else if (de) {
    [day, month, year] = [Number(de[1]), Number(de[2]), Number(de[3])];
    rest = de[4]!;
  } else {
    return null;
  }
  const time = /^(\d{1,2}):(\d{2}):(\d{2})\s*(AM|PM)?/i.exec(rest);
  if (!time) return null;
  let hour = Number(time[1]);
  const meridiem = time[4]?.toUpperCase();
  if (meridiem === 'PM' && hour < 12) hour += 12;
  if (meridiem === 'AM' && hour === 12) hour = 0;
  const date = new Date(year, month - 1, day, hour, Number(time[2]), Number(time[3]));
  if (Number.isNaN(date.getTime()) || date.getMonth() !== month - 1) return null;
  return date.toISOString();
}

/** Subnet mask to prefix length (255.255.240.0 → 20); null when not a contiguous mask. */
export function maskToPrefix(mask: string): number | null {
  const parts = mask.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return null;
  const bits = parts.map((p) => p.toString(2).padStart(8, '0')).join('');
  if (!/^1*0*$/.test(bits)) return null;
  return bits.indexOf('0') === -1 ? 32 : bits.indexOf('0');
}
