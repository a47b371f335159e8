import path from 'node:path';
import { bundleAnswerLines } from '../../shared/checklist/bundle-answers';
import { isLang, translator, type Lang } from '../../shared/i18n';
import { textSummary } from '../../shared/report/text-summary';
import { openBundle } from '../engine/bundle/open-bundle';
import type { CommandIo } from './diagnose-command';
import { parseOptions } from './parse-options';
import { EXIT, UsageError } from './usage-error';

export const VIEW_OPTIONS = {
  lang: { type: 'string' },
  system: { type: 'boolean' },
  monitor: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const VIEW_HELP = `Usage: outlook-doktor view BUNDLE.zip [options]

Opens a diagnostic bundle (zip) that someone made with Outlook-Doktor, checks it, and prints
who made it and when, whether every entry matches its checksum, the result with its findings,
and the user's checklist answers. The bundle is read with the same limits as in the app (size,
zip bombs, path traversal, schema); nothing is extracted to disk.

  --system      also print the raw system outputs (ipconfig /all, route print, klist, …)
  --monitor     also print the monitor log (monitor.csv)
  --lang de|en  language of texts (default de)

Exit codes: 0 opened and every checksum matches, 1 opened but entries do not match their
checksums (listed), 2 not a readable bundle (the reason is printed), 64 wrong usage.`;

/** `outlook-doktor view`: returns the exit code. */
export async function viewCommand(args: string[], io: CommandIo): Promise<number> {
  // The bundle is the one positional argument, before or after the options.
  const positional = args.filter((a, i) => !a.startsWith('-') && !(i > 0 && args[i - 1] === '--lang'));
  const options = args.filter((a) => !positional.includes(a));
  const values = parseOptions(options, VIEW_OPTIONS);
  if (values.help) {
    io.stdout.write(`${VIEW_HELP}\n`);
    return EXIT.ok;
  }
  const lang = values.lang ?? 'de';
  if (!isLang(lang)) throw new UsageError('--lang', 'must be de or en');
  if (positional.length === 0) throw new UsageError(null, 'which bundle? outlook-doktor view BUNDLE.zip');
  if (positional.length > 1) throw new UsageError(null, `one bundle at a time, not ${positional.length}`);
  const file = positional[0]!;

  const opened = await openBundle(file);
  const tr = translator(lang);
  const t = (key: string, args?: Record<string, unknown>) => tr.t(`cli/view/${key}`, args);
  const out = io.stdout;
  if (!opened.ok) {
    io.stderr.write(`${t('cannotOpen', { file: path.basename(file) })}\n${opened.error.message[lang]}\n`);
    return EXIT.problem;
  }
  const { bundle } = opened;
  const when = formatDate(bundle.origin.createdAt, lang);
  out.write(`${t('title', { file: path.basename(file), size: kilobytes(bundle.fileBytes, lang) })}\n`);
  out.write(`${t('origin', { date: when, version: bundle.origin.toolVersion })}\n`);
  if (bundle.origin.anonymized) out.write(`${t('anonymized')}\n`);
  const { verification } = bundle;
  if (verification.status === 'verified') out.write(`${t('verified', { count: bundle.entries.filter((e) => e.status === 'verified').length })}\n`);
  else if (verification.status === 'no-manifest') out.write(`${t('noManifest')}\n`);
  else {
    out.write(`${t('problems', { count: verification.problems.length })}\n`);
    for (const problem of verification.problems) out.write(`  ${problem.entry}: ${problem.message[lang]}\n`);
  }
  out.write(`${t('entries', { list: bundle.entries.map((e) => e.name).join(', ') })}\n\n`);
  out.write(`${textSummary(bundle.report, { lang, admin: true })}\n`);

  const answers = bundleAnswerLines(bundle.checklist, lang);
  out.write(`\n${t('answers')}\n`);
  if (answers.length === 0) out.write(`  ${t('noAnswers')}\n`);
  for (const line of answers) out.write(`  ${line.section ? `${tr.t(`section/${line.section}`)}: ` : ''}${line.question} → ${line.answer}\n`);

  if (bundle.monitorCsv !== null) {
    const lines = bundle.monitorCsv.split('\n').filter((l) => l.trim() !== '').length;
    out.write(`\n${t('monitor', { lines: Math.max(0, lines - 1) })}\n`);
    if (values.monitor) out.write(`${bundle.monitorCsv.endsWith('\n') ? bundle.monitorCsv : `${bundle.monitorCsv}\n`}`);
  }
  if (values.system) {
    for (const output of bundle.system) out.write(`\n=== ${output.name} ===\n${output.text.endsWith('\n') ? output.text : `${output.text}\n`}`);
  } else if (bundle.system.length > 0) {
    out.write(`\n${t('systemHint', { count: bundle.system.length })}\n`);
  }
  return verification.status === 'problems' ? EXIT.warning : EXIT.ok;
}

function formatDate(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

function kilobytes(bytes: number, lang: Lang): string {
  return `${new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 }).format(bytes / 1024)} KB`;
}
