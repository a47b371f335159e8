import { heldBackCandidates } from '../diagnosis/autodiscover-evidence';
import { translator, type Lang } from '../i18n';
import type { AutodiscoverData } from '../model/probe-data';
import type { Report } from './report-schema';

export interface TextSummaryOptions {
  lang: Lang;
  /** Include the IT support part of each finding (the command line does; the ticket text too). */
  admin?: boolean;
  /** Include the per-section table. */
  sections?: boolean;
  /** Include `info` findings. */
  info?: boolean;
}

const MARK = { problem: '[!!]', warning: '[! ]', info: '[i ]' } as const;

/**
 * A plain-text summary of a report, readable over the phone: the verdict, each finding with its
 * title, explanation and steps, then the sections.
 *
 * Used by the command line and by the app's "copy for a helpdesk ticket".
 */
export function textSummary(report: Report, options: TextSummaryOptions): string {
  const tr = translator(options.lang);
  const t = (key: string, args?: Record<string, unknown>) => tr.t(key, args);
  const lines: string[] = [];
  lines.push(`${t('cli/summaryTitle')}: ${t(`verdict/${report.verdict}`)}`);
  if (report.input.server) lines.push(t('cli/target', { server: report.input.server }));
  if (report.input.email) lines.push(t('cli/mailbox', { email: report.input.email }));
  const walk = autodiscoverOf(report);
  const held = walk ? heldBackCandidates(walk) : [];
  if (walk && held.length) lines.push(...wrap(t('cli/heldBack', { hosts: held.map((c) => c.host).join(', '), domain: walk.domain }), 100));
  lines.push('');

  const shown = report.findings.filter((f) => options.info !== false || f.severity !== 'info');
  if (shown.length === 0) lines.push(t('cli/noFindings'), '');
  for (const finding of shown) {
    // Re-render in the requested language when the report carries the args (it always does for our own reports).
    const texts = tr.lang === report.input.lang || !isKnown(tr, finding.id)
      ? { title: finding.title, detail: finding.detail, user: finding.userAction.split('\n'), admin: finding.adminAction.split('\n') }
      : tr.finding(finding.id as never, finding.args ?? {});
    lines.push(`${MARK[finding.severity]} ${t(`severity/${finding.severity}`)}: ${texts.title}`);
    if (texts.detail) lines.push(...indent(wrap(texts.detail, 76), '     '));
    const user = texts.user.filter(Boolean);
    if (user.length) {
      lines.push(`     ${t('heading/userAction')}:`);
      user.forEach((step, i) => lines.push(...indent(wrap(step, 70), `       ${i + 1}. `, '          ')));
    }
    const admin = texts.admin.filter(Boolean);
    if (options.admin !== false && admin.length) {
      lines.push(`     ${t('heading/adminAction')}:`);
      admin.forEach((step) => lines.push(...indent(wrap(step, 70), '       - ', '         ')));
    }
    lines.push('');
  }

  if (options.sections !== false) {
    lines.push(`${t('heading/sections')}:`);
    const titles = report.sections.map((s) => t(`section/${s.id}`));
    const width = Math.max(...titles.map((x) => x.length)) + 2;
    report.sections.forEach((s, i) => {
      lines.push(`  ${titles[i]!.padEnd(width, '.')} ${t(`sectionStatus/${s.status}`)}`);
    });
    lines.push('');
  }
  const seconds = (report.durationMs / 1000).toFixed(1);
  lines.push(t('cli/duration', { seconds: options.lang === 'de' ? seconds.replace('.', ',') : seconds }));
  return lines.join('\n');
}

/** The Autodiscover walk's data in a report, when the walk ran. */
export function autodiscoverOf(report: Pick<Report, 'probes'>): AutodiscoverData | undefined {
  const data = report.probes.find((p) => (p.probe ?? p.id.split(':')[0]) === 'autodiscover' && p.data)?.data as AutodiscoverData | undefined;
  return data && Array.isArray(data.candidates) ? data : undefined;
}

function isKnown(tr: ReturnType<typeof translator>, id: string): boolean {
  return tr.t(`findings/${id}/title`, { defaultValue: '' }) !== '';
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        out.push(line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    out.push(line);
  }
  return out;
}

function indent(lines: string[], first: string, rest = ' '.repeat(first.length)): string[] {
  return lines.map((l, i) => `${i === 0 ? first : rest}${l}`);
}
