import type { DomainControllerData } from '../../../shared/model/probe-data';
import { defineCollector, windowsProgram } from './collector';
import { textLines } from './console-text';
import { labelKey } from './windows-text';

/**
 * DC discovery is cached by Netlogon; uncached, offline, it waits for DNS and LDAP pings of
 * several seconds. Four seconds shows the common cases without holding up the run.
 */
const NLTEST_TIMEOUT_MS = 4_000;
const NLTEST_MAX_BYTES = 64 * 1024;

/**
 * Parses `nltest /dsgetdc:` (labels are not translated; the closing sentence is).
 *
 * Failure reads "Getting DC name failed: Status = 1355 0x54b ERROR_NO_SUCH_DOMAIN" (German
 * "Fehler beim Abrufen des DC-Namens: Status = 1355 …"), with the status as exit code.
 */
export function parseNltestDsGetDc(text: string, exitCode: number | null): DomainControllerData | null {
  const data: DomainControllerData = { dcFound: false, dc: null, dcAddress: null, domain: null, forest: null, dcSite: null, clientSite: null, flags: [] };
  const lines = textLines(text);
  for (const line of lines) {
    // Labels are right-aligned ("           DC: \\DC01…"), so deeply indented lines are fields too.
    const field = /^\s*([A-Za-z][A-Za-z ]*?)\s*:\s*(.*)$/.exec(line);
    if (!field) continue;
    const value = field[2]!.trim();
    switch (labelKey(field[1]!)) {
      case 'dc':
        data.dc = value.replace(/^\\\\/, '') || null;
        break;
      case 'address':
        data.dcAddress = value.replace(/^\\\\/, '') || null;
        break;
      case 'dom name':
        data.domain = value || null;
        break;
      case 'forest name':
        data.forest = value || null;
        break;
      case 'dc site name':
        data.dcSite = value || null;
        break;
      case 'our site name':
        data.clientSite = value || null;
        break;
      case 'flags':
        data.flags = value.split(/\s+/).filter((f) => f.length > 0);
        break;
    }
  }
  data.dcFound = data.dc !== null;
  if (!data.dcFound) {
    const failure = lines.find((l) => /status\s*=/i.test(l)) ?? lines.find((l) => l.trim() !== '');
    if (!failure && exitCode === 0) return null;
    const status = /status\s*=\s*(\d+)/i.exec(failure ?? '');
    data.error = {
      status: status ? Number(status[1]) : exitCode,
      name: /\b(ERROR_[A-Z_]+)\b/.exec(failure ?? '')?.[1] ?? null,
      message: (failure ?? `exit code ${exitCode}`).trim(),
    };
  }
  return data;
}

/** `nltest /dsgetdc:`: the domain controller of this computer's domain, if one answers (Windows). */
export const nltestDsGetDcCollector = defineCollector({
  id: 'collector.nltest-dsgetdc',
  title: 'nltest /dsgetdc:',
  platforms: ['win32'],
  timeoutMs: NLTEST_TIMEOUT_MS,
  commands: [
    {
      artifact: 'system/nltest-dsgetdc.txt',
      source: { kind: 'program', program: [windowsProgram('nltest.exe')], args: ['/dsgetdc:'] },
      encoding: 'console',
      maxOutputBytes: NLTEST_MAX_BYTES,
    },
  ],
  parse: ([output]) => (output?.outcome === 'ok' ? parseNltestDsGetDc(`${output.text}\n${output.stderr}`, output.exitCode) : null),
  summarize: (data) => (data.dcFound ? `DC ${data.dc} (${data.dcAddress ?? '?'}) of ${data.domain ?? '?'}, site ${data.clientSite ?? '?'}` : `no domain controller: ${data.error?.name ?? data.error?.message ?? 'unknown'}`),
});
