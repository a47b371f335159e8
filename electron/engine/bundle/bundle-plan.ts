import { createHash } from 'node:crypto';
import { BUNDLE_ENTRY, systemEntryName } from '../../../shared/bundle/bundle-entries';
import type { AnonymizationCounts, BundleInput, MonitorStatistics, RedactionCounts, SystemArtifact } from '../../../shared/bundle/bundle-input';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, type BundleManifest, type ManifestEntry } from '../../../shared/bundle/bundle-manifest';
import { buildHar, httpExchangesOf } from '../../../shared/bundle/build-har';
import { renderReportHtml } from '../../../shared/bundle/render-report-html';
import { translator, type Lang } from '../../../shared/i18n';
import { emptyChecklistAnswers, type ChecklistAnswers } from '../../../shared/model/checklist-answers';
import type { ToolInfo } from '../../../shared/report/build-report';
import type { Report } from '../../../shared/report/report-schema';
import { toolInfo } from '../build-info';
import { readmeText } from './readme-text';
import { Redactor, type EntryFormat } from './redactor';

/**
 * What goes into a bundle, entry by entry, with redaction applied: shared by the preview and the
 * writer so both show and write exactly the same bytes.
 *
 * Everything from the caller is redacted (and anonymised) once, up front, so the counts are
 * complete before the first entry is rendered. Entries are rendered one at a time, in zip order,
 * when the writer asks for them; each rendered text gets the last safety pass, then its size and
 * SHA-256 are recorded for manifest.json, which comes last.
 */
export interface BundleOptions {
  /** Language of report.html (LIESMICH.txt is German, then English, always). Default: the report's. */
  lang?: Lang;
  /** Replace user name, mailbox local part and computer name with placeholders. */
  anonymize?: boolean;
  /** Passwords known to the caller (in memory only): searched for and removed everywhere. */
  secrets?: readonly string[];
  /** Further names to anonymise, beyond those in the report (input.user, input.email, the computer name). */
  names?: { users?: readonly string[]; mailboxes?: readonly string[]; computers?: readonly string[] };
  /** Creation time written into the manifest and the entries (default: now). */
  createdAt?: Date;
  /** The tool writing the bundle (default: this build). */
  tool?: ToolInfo;
}

export interface PlannedEntry {
  name: string;
  format: EntryFormat;
  description: string;
  meta?: Pick<ManifestEntry, 'command' | 'exitCode' | 'startedAt' | 'durationMs'>;
  render(): string;
}

export interface RenderedEntry {
  name: string;
  bytes: Buffer;
  sha256: string;
}

/** One system output bigger than this is cut: a DNS cache dump must not make a bundle huge. */
const MAX_ARTIFACT_CHARS = 4 * 1024 * 1024;

export class BundlePlan {
  readonly entries: PlannedEntry[] = [];
  readonly redactor: Redactor;
  readonly createdAt: Date;
  readonly lang: Lang;
  private readonly written: ManifestEntry[] = [];

  constructor(input: BundleInput, options: BundleOptions = {}) {
    this.createdAt = options.createdAt ?? new Date();
    this.lang = options.lang ?? input.report.input.lang ?? 'de';
    const report = input.report;
    const users = [report.input.user, ...(options.names?.users ?? [])].filter((u): u is string => !!u);
    this.redactor = new Redactor({
      secrets: options.secrets ?? [],
      users,
      ...(options.anonymize
        ? {
            anonymize: {
              users,
              mailboxes: [report.input.email, ...(options.names?.mailboxes ?? [])].filter((m): m is string => !!m),
              computers: [...computerNames(report), ...(options.names?.computers ?? [])],
            },
          }
        : {}),
    });
    const r = this.redactor;
    const tool = options.tool ?? toolInfo();
    const tr = translator(this.lang);

    // Redact everything first: the counts shown in report.html must already be complete.
    const safeReport = r.value(report);
    const checklist: ChecklistAnswers = r.value(input.checklist ?? emptyChecklistAnswers());
    const artifacts = (input.artifacts ?? []).map((a) => r.value<SystemArtifact>({ ...a, text: capText(a.text) }));
    const monitor = input.monitor ? { csv: r.text(input.monitor.csv), statistics: input.monitor.statistics ? r.value<MonitorStatistics>(input.monitor.statistics) : undefined } : undefined;
    const monitorLines = monitor ? countCsvLines(monitor.csv) : 0;
    // The log is redacted when written; this pass also catches what an older version let through.
    const log = input.log ? r.text(capText(input.log)) : undefined;
    const logLines = log ? log.split('\n').filter((l) => l.trim() !== '').length : 0;
    const systemNames: string[] = [];
    const taken = new Set<string>();
    for (const a of artifacts) {
      const name = systemEntryName(a.path, taken);
      taken.add(name);
      systemNames.push(name);
    }
    const exchanges = httpExchangesOf(safeReport).length;

    const add = (entry: PlannedEntry) => this.entries.push(entry);
    add({ name: BUNDLE_ENTRY.report, format: 'json', description: tr.t('bundle/entry/report'), render: () => json(safeReport) });
    add({
      name: BUNDLE_ENTRY.html,
      format: 'html',
      description: tr.t('bundle/entry/html'),
      render: () =>
        renderReportHtml(safeReport, {
          lang: this.lang,
          checklist,
          ...(monitor ? { monitor: { lines: monitorLines, ...(monitor.statistics ? { statistics: monitor.statistics } : {}) } } : {}),
          createdAt: this.createdAt.toISOString(),
          anonymized: r.anonymized,
          redactions: { ...r.counts },
          anonymizations: r.anonymized ? { ...r.anonymizations } : null,
          systemEntries: systemNames,
        }),
    });
    add({
      name: BUNDLE_ENTRY.har,
      format: 'json',
      description: tr.t('bundle/entry/har', { count: exchanges }),
      render: () => json(buildHar(safeReport, { toolVersion: tool.version, comment: 'Outlook-Doktor: Authorization, Cookie/Set-Cookie, tokens and passwords redacted ([entfernt]).' })),
    });
    artifacts.forEach((a, i) => {
      add({
        name: systemNames[i]!,
        format: 'text',
        description: tr.t('bundle/entry/system', { command: a.commandLine, exitCode: a.exitCode ?? '–' }),
        meta: { command: a.commandLine, exitCode: a.exitCode, ...(a.startedAt ? { startedAt: a.startedAt } : {}), durationMs: a.durationMs },
        render: () => artifactText(a),
      });
    });
    if (monitor) add({ name: BUNDLE_ENTRY.monitor, format: 'text', description: tr.t('bundle/entry/monitor', { lines: monitorLines }), render: () => monitor.csv });
    if (log !== undefined) add({ name: BUNDLE_ENTRY.log, format: 'text', description: tr.t('bundle/entry/log', { lines: logLines }), render: () => log });
    add({
      name: BUNDLE_ENTRY.checklist,
      format: 'json',
      description: tr.t('bundle/entry/checklist', { count: Object.keys(checklist.answers).length }),
      render: () => json(checklist),
    });
    add({
      name: BUNDLE_ENTRY.readme,
      format: 'text',
      description: tr.t('bundle/entry/readme'),
      render: () =>
        readmeText({
          report: safeReport,
          createdAt: this.createdAt,
          tool,
          entries: this.entries.map((e) => ({ name: e.name, description: { de: describe(e, 'de'), en: describe(e, 'en') } })),
          redactions: { ...r.counts },
          anonymized: r.anonymized,
        }),
    });
    add({
      name: BUNDLE_ENTRY.manifest,
      format: 'json',
      description: tr.t('bundle/entry/manifest'),
      render: () => {
        const manifest: BundleManifest = {
          format: BUNDLE_FORMAT,
          formatVersion: BUNDLE_FORMAT_VERSION,
          tool: { name: 'outlook-doktor', ...tool },
          createdAt: this.createdAt.toISOString(),
          lang: this.lang,
          reportSchemaVersion: safeReport.schemaVersion,
          anonymized: r.anonymized,
          redactions: { ...r.counts },
          ...(r.anonymized ? { anonymizations: { ...r.anonymizations } } : {}),
          ...(monitor ? { monitor: { lines: monitorLines, ...(monitor.statistics ? { statistics: monitor.statistics } : {}) } } : {}),
          entries: [...this.written],
        };
        return json(manifest);
      },
    });

    // Descriptions in the other language for LIESMICH.txt, without rendering anything.
    const describeArgs = new Map<string, { key: string; args: Record<string, unknown> }>();
    describeArgs.set(BUNDLE_ENTRY.report, { key: 'report', args: {} });
    describeArgs.set(BUNDLE_ENTRY.html, { key: 'html', args: {} });
    describeArgs.set(BUNDLE_ENTRY.har, { key: 'har', args: { count: exchanges } });
    artifacts.forEach((a, i) => describeArgs.set(systemNames[i]!, { key: 'system', args: { command: a.commandLine, exitCode: a.exitCode ?? '–' } }));
    describeArgs.set(BUNDLE_ENTRY.monitor, { key: 'monitor', args: { lines: monitorLines } });
    describeArgs.set(BUNDLE_ENTRY.log, { key: 'log', args: { lines: logLines } });
    describeArgs.set(BUNDLE_ENTRY.checklist, { key: 'checklist', args: { count: Object.keys(checklist.answers).length } });
    describeArgs.set(BUNDLE_ENTRY.readme, { key: 'readme', args: {} });
    describeArgs.set(BUNDLE_ENTRY.manifest, { key: 'manifest', args: {} });
    function describe(entry: PlannedEntry, lang: Lang): string {
      const d = describeArgs.get(entry.name);
      return d ? translator(lang).t(`bundle/entry/${d.key}`, d.args) : entry.description;
    }
  }

  /** Renders one entry: its text, the last redaction pass, the bytes and their SHA-256 (recorded for the manifest). */
  render(entry: PlannedEntry): RenderedEntry {
    const text = this.redactor.finalPass(entry.render(), entry.format);
    if (entry.format === 'json') JSON.parse(text); // The safety pass must never leave broken JSON behind.
    const bytes = Buffer.from(text, 'utf8');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (entry.name !== BUNDLE_ENTRY.manifest) this.written.push({ name: entry.name, size: bytes.length, sha256, ...(entry.meta ?? {}) });
    return { name: entry.name, bytes, sha256 };
  }

  get counts(): RedactionCounts {
    return { ...this.redactor.counts };
  }

  get anonymizations(): AnonymizationCounts | null {
    return this.redactor.anonymized ? { ...this.redactor.anonymizations } : null;
  }
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** The computer's names from the evidence: the local.network probe's host name. */
function computerNames(report: Report): string[] {
  const names: string[] = [];
  for (const p of report.probes) {
    const hostname = (p.data as { hostname?: unknown } | undefined)?.hostname;
    if ((p.probe ?? p.id.split(':')[0]) === 'local.network' && typeof hostname === 'string' && hostname) names.push(hostname);
  }
  return names;
}

function capText(text: string): string {
  if (text.length <= MAX_ARTIFACT_CHARS) return text;
  return `${text.slice(0, MAX_ARTIFACT_CHARS)}\n[… gekürzt / truncated: ${text.length - MAX_ARTIFACT_CHARS} characters more]\n`;
}

function artifactText(a: SystemArtifact): string {
  const lines = [
    `# Befehl / command: ${a.commandLine}`,
    `# Exitcode / exit code: ${a.exitCode ?? '–'}`,
    ...(a.startedAt ? [`# Beginn / started: ${a.startedAt}`] : []),
    `# Dauer / duration: ${Math.round(a.durationMs)} ms`,
    ...(a.error ? [`# Fehler / error: ${a.error}`] : []),
    ...(a.truncated ? ['# Ausgabe gekürzt / output truncated'] : []),
    '',
  ];
  const stderr = a.stderr ? `\n# Fehlerausgabe / standard error:\n${a.stderr}${a.stderr.endsWith('\n') ? '' : '\n'}` : '';
  return `${lines.join('\n')}\n${a.text}${a.text.endsWith('\n') ? '' : '\n'}${stderr}`;
}

/** Data lines of the monitor log: non-empty lines, without a header line (one without a digit). */
export function countCsvLines(csv: string): number {
  const lines = csv.split(/\r?\n/).filter((l) => l.trim() !== '');
  return lines.length > 0 && !/\d/.test(lines[0]!) ? lines.length - 1 : lines.length;
}
