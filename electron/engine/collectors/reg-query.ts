import type { RegistryValue } from '../../../shared/model/probe-data';
import { windowsProgram, type CollectorCommand, type CommandOutput } from './collector';
import { textLines } from './console-text';

/** A registry query reads a few keys from memory; two seconds covers a loaded machine. */
export const REG_QUERY_TIMEOUT_MS = 4_000;
/** One key with its values is a few KB; a profile search a few hundred. */
export const REG_QUERY_MAX_BYTES = 2 * 1024 * 1024;

/** `    Name    REG_DWORD    0x1` (four blanks around the type; the data may be empty). */
const VALUE_LINE = /^ {4}(.*?) {4}(REG_[A-Z0-9_]+)(?: {4}(.*))?$/;
const KEY_LINE = /^(HKEY_[A-Z_]+(?:\\.*)?)$/;

/**
 * Parses `reg query` output (the same in every language: only error messages are translated).
 *
 * Key lines start at column 0; value lines are indented four blanks: name, type, data. DWORD and
 * QWORD data (`0x1`) become numbers, REG_MULTI_SZ (`a\0b`) a list; REG_BINARY stays hex.
 */
export function parseRegQuery(text: string): RegistryValue[] {
  const values: RegistryValue[] = [];
  let key: string | null = null;
  for (const line of textLines(text)) {
    const k = KEY_LINE.exec(line);
    if (k) {
      key = k[1]!;
      continue;
    }
    const v = VALUE_LINE.exec(line);
    if (!v || key === null) continue;
    const [, name, type, raw = ''] = v;
    values.push({ key, name: name!, type: type!, data: registryData(type!, raw) });
  }
  return values;
}

function registryData(type: string, raw: string): RegistryValue['data'] {
  if ((type === 'REG_DWORD' || type === 'REG_QWORD') && /^0x[0-9a-f]+$/i.test(raw)) return Number.parseInt(raw.slice(2), 16);
  if (type === 'REG_MULTI_SZ') return raw === '' ? [] : raw.split('\\0').filter((s) => s.length > 0);
  return raw;
}

/** A REG_BINARY value holding a UTF-16LE string (MAPI PT_UNICODE profile values), without its terminator. */
export function binaryUtf16(hex: string): string | null {
  if (!/^([0-9a-f]{2})*$/i.test(hex) || hex.length === 0) return null;
  return Buffer.from(hex, 'hex').toString('utf16le').replace(/\0+$/, '');
}

/** A `reg query` command of a collector. Exit code 1 means "key or value not found": an answer. */
export function regQueryCommand(artifact: string, args: readonly string[]): CollectorCommand {
  return {
    artifact,
    source: { kind: 'program', program: [windowsProgram('reg.exe')], args: ['query', ...args] },
    encoding: 'console',
    maxOutputBytes: REG_QUERY_MAX_BYTES,
  };
}

/** The values of a reg query output that ran; [] for "not found" (exit 1); null when it did not run. */
export function regValues(output: CommandOutput | undefined): RegistryValue[] | null {
  if (!output || output.outcome !== 'ok') return null;
  if (output.exitCode !== 0 && output.exitCode !== 1) return null;
  return parseRegQuery(output.text);
}

/** Case-insensitive lookup of a value by name. */
export function findValue(values: readonly RegistryValue[], name: string): RegistryValue | undefined {
  const lower = name.toLowerCase();
  return values.find((v) => v.name.toLowerCase() === lower);
}
