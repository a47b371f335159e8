import { REDACTION_KINDS, type RedactionCounts } from '../../../shared/bundle/bundle-input';
import { translator, type Lang } from '../../../shared/i18n';
import type { ToolInfo } from '../../../shared/report/build-report';
import type { Report } from '../../../shared/report/report-schema';

/**
 * LIESMICH.txt: what the bundle holds and how to open it, for second-level support.
 *
 * German first (the product's users and their helpdesks are German), then the same in English
 * for support teams elsewhere. Plain text with CRLF line ends, so Notepad on any Windows shows it.
 */
export interface ReadmeInput {
  report: Report;
  createdAt: Date;
  /** The build writing the bundle: version, commit and build date go into the introduction. */
  tool: Pick<ToolInfo, 'version' | 'commit' | 'buildDate'>;
  entries: { name: string; description: Record<Lang, string> }[];
  redactions: RedactionCounts;
  anonymized: boolean;
}

export function readmeText(input: ReadmeInput): string {
  const parts = [section(input, 'de'), '', '='.repeat(78), '', section(input, 'en')];
  return `${parts.join('\n')}\n`.replace(/\r?\n/g, '\r\n');
}

function section(input: ReadmeInput, lang: Lang): string {
  const tr = translator(lang);
  const t = (key: string, args?: Record<string, unknown>) => tr.t(`bundle/readme/${key}`, args);
  const when = (d: Date) => d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  const lines: string[] = [];
  const title = t('title');
  lines.push(title, '='.repeat(title.length), '');
  if (lang === 'de') lines.push(t('otherLanguage'), '');
  lines.push(
    ...wrap(
      t('intro', {
        version: input.tool.version,
        commit: input.tool.commit ?? '–',
        buildDate: input.tool.buildDate ?? '–',
        createdAt: when(input.createdAt),
        target: input.report.input.server ?? input.report.input.email ?? '–',
      }),
    ),
    '',
  );
  lines.push(...wrap(t('verdict', { verdict: tr.t(`verdict/${input.report.verdict}`), startedAt: when(new Date(input.report.startedAt)) })), '');
  lines.push(t('contents'), '-'.repeat(t('contents').length));
  const width = Math.max(...input.entries.map((e) => e.name.length)) + 2;
  for (const entry of input.entries) {
    lines.push(...wrap(entry.description[lang], 78 - width).map((l, i) => `${(i === 0 ? entry.name : '').padEnd(width)}${l}`));
  }
  lines.push('', t('howTo'), '-'.repeat(t('howTo').length));
  for (const key of ['htmlHowTo', 'harHowTo', 'jsonHowTo']) lines.push(...wrap(t(key)), '');
  lines.push(t('redactedTitle'), '-'.repeat(t('redactedTitle').length));
  lines.push(...wrap(t('redactedText')), '');
  const found = REDACTION_KINDS.filter((k) => input.redactions[k] > 0);
  lines.push(`${t('redactedCounts')}:`);
  if (found.length === 0) lines.push(`  ${t('nothingRedacted')}`);
  for (const kind of found) lines.push(`  - ${tr.t(`bundle/redaction/${kind}`)}: ${input.redactions[kind]}`);
  lines.push('', ...wrap(input.anonymized ? t('anonymizedYes') : t('anonymizedNo')), '');
  lines.push(...wrap(t('checksums')));
  if (lang === 'en') lines.push('', t('otherLanguage'));
  return lines.join('\n');
}

function wrap(text: string, width = 78): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) out.push(line);
  return out;
}
