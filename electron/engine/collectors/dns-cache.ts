import type { DnsCacheData, DnsCacheEntry, DnsCacheRecord } from '../../../shared/model/probe-data';
import { mailDomain, type RunInput } from '../../../shared/model/run-input';
import { defineCollector, windowsProgram } from './collector';
import { textLines } from './console-text';
import { continuationValue, labelLine } from './windows-text';

/** Printing a large cache (thousands of names) takes a second or two; more means a hung resolver service. */
const DNS_CACHE_TIMEOUT_MS = 5_000;
/** A busy cache prints some 300 bytes per record; 4 MiB holds well over ten thousand records. */
const DNS_CACHE_MAX_BYTES = 4 * 1024 * 1024;

const TYPE_NAMES: Record<number, string> = { 1: 'A', 2: 'NS', 5: 'CNAME', 6: 'SOA', 12: 'PTR', 15: 'MX', 16: 'TXT', 28: 'AAAA', 33: 'SRV' };

/**
 * Parses `ipconfig /displaydns`, German or English.
 *
 * Each name is a block: the name, a line of dashes, then records of six fields in a fixed order
 * (name, type, TTL, data length, section, data). The fields are read by position, so the German
 * labels ("Eintragsname", "Gültigkeitsdauer", "Abschnitt … Antwort") need no dictionary; SRV data
 * continues over three more lines (priority, weight, port). A block whose text is not a record is a
 * cached negative answer ("Name does not exist.", "Der Name ist nicht vorhanden.").
 */
export function parseDnsCache(text: string): DnsCacheData {
  const lines = textLines(text);
  const entries: DnsCacheEntry[] = [];
  let entry: DnsCacheEntry | null = null;
  let fields: string[] = [];
  let extra: string[] = [];

  const flush = () => {
    if (entry && fields.length >= 6) {
      const type = Number(fields[1]);
      const record: DnsCacheRecord = {
        name: fields[0]!.toLowerCase().replace(/\.$/, ''),
        type,
        typeName: TYPE_NAMES[type] ?? String(type),
        ttl: Number(fields[2]) || 0,
        section: sectionOf(fields[4]!),
        data: fields[5]!,
      };
      if (type === 33 && extra.length >= 3) {
        record.srv = { priority: Number(extra[0]), weight: Number(extra[1]), port: Number(extra[2]) };
      }
      entry.records.push(record);
    }
    fields = [];
    extra = [];
  };

  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (/^\s*-{10,}\s*$/.test(line)) continue;
    if (/^\s*-{10,}\s*$/.test(lines[i + 1] ?? '')) {
      flush();
      entry = { name: line.trim().toLowerCase().replace(/\.$/, ''), records: [] };
      entries.push(entry);
      continue;
    }
    if (!entry) continue;
    if (line.trim() === '') {
      flush();
      continue;
    }
    const field = labelLine(line);
    if (field) {
      fields.push(field.value);
      continue;
    }
    const more = continuationValue(line);
    if (more !== null && fields.length >= 6) {
      extra.push(more);
      continue;
    }
    if (fields.length === 0 && entry.records.length === 0) entry.negative = line.trim();
  }
  flush();
  return { entries, totalEntries: entries.length };
}

/**
 * The entries that concern a run: those whose name, or a record's name or target, is the server,
 * the mailbox domain or a name under either (autodiscover.<domain>, _autodiscover._tcp.<domain>).
 */
export function dnsCacheForRun(data: DnsCacheData, input: Pick<RunInput, 'server' | 'email'>): DnsCacheData {
  const names = [input.server?.host, mailDomain(input)].filter((n): n is string => !!n).map((n) => n.toLowerCase().replace(/\.$/, ''));
  if (names.length === 0) return { entries: [], totalEntries: data.totalEntries };
  const concerns = (name: string) => names.some((n) => name === n || name.endsWith(`.${n}`));
  const entries = data.entries.filter((e) => concerns(e.name) || e.records.some((r) => concerns(r.name) || concerns(r.data.toLowerCase())));
  return { entries, totalEntries: data.totalEntries };
}

function sectionOf(value: string): DnsCacheRecord['section'] {
  if (/answer|antwort/i.test(value)) return 'answer';
  if (/additional|zus/i.test(value)) return 'additional';
  if (/authority|autorit/i.test(value)) return 'authority';
  return 'other';
}

/** `ipconfig /displaydns`: the Windows DNS client cache (what Outlook's lookups get first). */
export const dnsCacheCollector = defineCollector({
  id: 'collector.dns-cache',
  title: 'ipconfig /displaydns',
  platforms: ['win32'],
  timeoutMs: DNS_CACHE_TIMEOUT_MS,
  commands: [
    {
      artifact: 'system/ipconfig-displaydns.txt',
      source: { kind: 'program', program: [windowsProgram('ipconfig.exe')], args: ['/displaydns'] },
      encoding: 'console',
      maxOutputBytes: DNS_CACHE_MAX_BYTES,
    },
  ],
    // Exit 1 with "Could not display the DNS Resolver Cache." when the DNS client service is stopped.
  parse: ([output]) => (output?.outcome === 'ok' && (output.exitCode === 0 || output.truncated) ? parseDnsCache(output.text) : null),
  summarize: (data) => `${data.totalEntries} cached name(s); ${data.entries.length} concern this run`,
  forRun: dnsCacheForRun,
});
