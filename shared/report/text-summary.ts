import { heldBackCandidates } from '../diagnosis/autodiscover-evidence';
import { translator, type Lang } from '../i18n';
import { autodiscoverOf, autodiscoverWalkView } from './autodiscover-walk';
import type { Report } from './report-schema';

export interface TextSummaryOptions {
  lang: Lang;
  /** Include the IT support part of each finding (the command line does; the ticket text too). */
  admin?: boolean;
  /** Include the per-section table. */
  sections?: boolean;
  /** Include `info` findings. */
  info?: boolean;
  /** Include the Autodiscover walk, candidate by candidate (default: when the walk ran). */
  walk?: boolean;
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
  const heldEndpoints = [...new Set(report.probes.filter((p) => p.probe === 'auth.credentials' && (p.data as { heldBack?: boolean } | undefined)?.heldBack).map((p) => (p.data as { host: string }).host))];
  if (walk && heldEndpoints.length) lines.push(...wrap(t('cli/heldBackEndpoint', { hosts: heldEndpoints.join(', '), domain: walk.domain }), 100));
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

  if (options.walk !== false && walk) lines.push(...walkLines(autodiscoverWalkView(walk, tr)), '');

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
  lines.push(toolLine(report.tool));
  return lines.join('\n');
}

/** `Outlook-Doktor 1.2.0 (0123456789ab, 2026-…Z)`: which build wrote the report, for a ticket. */
function toolLine(tool: Report['tool']): string {
  const build = [tool.commit, tool.buildDate].filter((part) => part !== undefined && part !== '');
  return `Outlook-Doktor ${tool.version}${build.length > 0 ? ` (${build.join(', ')})` : ''}`;
}

/** The walk like Outlook's "Test E-mail AutoConfiguration": one block per candidate. */
function walkLines(view: ReturnType<typeof autodiscoverWalkView>): string[] {
  const lines = [`${view.title}:`];
  const width = String(view.steps.length).length;
  for (const step of view.steps) {
    const head = `  ${String(step.number).padStart(width)}. ${step.winner ? '*' : ' '} `;
    const pad = ' '.repeat(head.length);
    lines.push(...indent(wrap(`${step.method}${step.url ? ` ${step.url}` : ''}`, 96 - head.length), head, pad));
    for (const s of step.steps) lines.push(...indent(wrap(s.text, 96 - head.length - 11), `${pad}  ${s.label.padEnd(9)}`));
    lines.push(...indent(wrap(`→ ${step.decisionText}`, 96 - head.length - 2), `${pad}  `, `${pad}    `));
  }
  lines.push(...indent(wrap(view.result, 94), '  '));
  if (view.credentialTest) lines.push(`  ${view.credentialTest}`);
  if (view.protocols) lines.push(...indent(wrap(view.protocols, 94), '  '));
  return lines;
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
