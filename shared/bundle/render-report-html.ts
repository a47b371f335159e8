import { translator, type Lang, type Translator } from '../i18n';
import type { FindingId } from '../model/finding-catalog';
import type { ChecklistAnswers } from '../model/checklist-answers';
import { autodiscoverOf, autodiscoverWalkView } from '../report/autodiscover-walk';
import type { Report, ReportFinding, ReportProbe } from '../report/report-schema';
import type { AnonymizationCounts, MonitorStatistics, RedactionCounts } from './bundle-input';
import { REDACTION_KINDS } from './bundle-input';
import { html, SafeHtml } from './html';

/**
 * report.html: the report as one self-contained page, readable offline in any browser and
 * printable.
 *
 * No script, no external resource (the page's own CSP forbids both), inline CSS only. Every
 * value from the report is escaped by the `html` template, so hostile strings from servers stay
 * text. Pure: the app could render the same page for printing.
 */
export interface ReportHtmlOptions {
  lang: Lang;
  checklist?: ChecklistAnswers;
  monitor?: { lines: number; statistics?: MonitorStatistics };
  createdAt: string;
  anonymized: boolean;
  redactions: RedactionCounts;
  anonymizations?: AnonymizationCounts | null;
  /** Names of the `system/` entries, listed so a reader knows they are in the zip. */
  systemEntries?: readonly string[];
}

const LIGHT = { ok: 'green', warning: 'yellow', problem: 'red' } as const;

export function renderReportHtml(report: Report, options: ReportHtmlOptions): string {
  const tr = translator(options.lang);
  const t = (key: string, args?: Record<string, unknown>) => tr.t(`bundle/html/${key}`, args);
  const probeAnchors = new Map(report.probes.map((p, i) => [p.id, `probe-${i + 1}`]));
  const counts = { problem: 0, warning: 0, info: 0 };
  for (const f of report.findings) counts[f.severity] += 1;
  const target = report.input.server ?? report.input.email ?? '';

  const page = html`<!doctype html>
<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="outlook-doktor ${report.tool.version}">
<title>${t('title')} – ${target}</title>
<style>${new SafeHtml(STYLE)}</style>
</head>
<body>
<header class="top">
<h1>${t('title')}</h1>
<p class="meta">${[
    report.input.server ? html`<span>${t('server')}: <b>${report.input.server}</b></span>` : null,
    report.input.email ? html`<span>${t('mailbox')}: <b>${report.input.email}</b></span>` : null,
    html`<span>${t('checkedAt')}: ${formatDate(report.startedAt, options.lang)}</span>`,
  ]}</p>
</header>
<main>
<section class="verdict verdict-${report.verdict}" aria-labelledby="verdict-title">
<div class="light" role="img" aria-label="${t(`light/${LIGHT[report.verdict]}`)}">${(['red', 'yellow', 'green'] as const).map(
    (c) => html`<span class="lamp ${c}${LIGHT[report.verdict] === c ? ' on' : ''}"></span>`,
  )}</div>
<div>
<h2 id="verdict-title">${tr.t(`verdict/${report.verdict}`)}</h2>
<p>${t('counts', counts)}</p>
${report.verdict === 'ok' ? html`<p>${tr.t('cli/noFindings')}</p>` : null}
</div>
</section>

<section aria-labelledby="sections-title">
<h2 id="sections-title">${tr.t('heading/sections')}</h2>
<table class="sections">
<thead><tr><th scope="col">${t('section')}</th><th scope="col">${t('status')}</th><th scope="col">${tr.t('heading/findings')}</th></tr></thead>
<tbody>
${report.sections.map((s) => {
    const titles = s.findings.map((id) => findingTexts(tr, report, report.findings.find((f) => f.id === id))?.title ?? id);
    return html`<tr><th scope="row">${tr.t(`section/${s.id}`)}</th><td><span class="badge status-${s.status}">${tr.t(`sectionStatus/${s.status}`)}</span></td><td>${titles.join(' · ')}</td></tr>\n`;
  })}</tbody>
</table>
</section>

<section aria-labelledby="findings-title">
<h2 id="findings-title">${tr.t('heading/findings')} (${report.findings.length})</h2>
${report.findings.length === 0 ? html`<p>${t('noFindings')}</p>` : null}
${report.findings.map((f) => renderFinding(tr, report, f, probeAnchors))}
</section>

${renderWalk(tr, report)}
${options.checklist ? renderChecklist(tr, options.checklist) : null}
${options.monitor ? renderMonitor(tr, options.monitor) : null}

<section aria-labelledby="probes-title">
<h2 id="probes-title">${t('probes')} (${report.probes.length})</h2>
<p class="hint">${t('probesHint')}</p>
${report.probes.map((p) => renderProbe(tr, p, probeAnchors.get(p.id) ?? ''))}
</section>

<section aria-labelledby="input-title">
<h2 id="input-title">${t('input')}</h2>
<dl class="facts">
${Object.entries(report.input).map(([key, value]) => html`<dt>${t(`inputField/${key}`, { defaultValue: key })}</dt><dd>${Array.isArray(value) ? value.join(', ') : String(value)}</dd>\n`)}
<dt>${t('duration')}</dt><dd>${formatMs(report.durationMs, options.lang)}</dd>
<dt>${t('finishedAt')}</dt><dd>${formatDate(report.finishedAt, options.lang)}</dd>
</dl>
</section>
</main>

<footer>
<p>${t('madeBy', { version: report.tool.version, commit: report.tool.commit ?? '–', buildDate: report.tool.buildDate ?? '–', platform: report.tool.platform ?? '–' })}</p>
<p>${t('createdAt')}: ${formatDate(options.createdAt, options.lang)}</p>
<p>${t('redacted')}: ${redactionSummary(tr, options.redactions)}</p>
<p>${options.anonymized ? t('anonymized') : t('notAnonymized')}</p>
${options.systemEntries?.length ? html`<p>${t('systemEntries')}: ${options.systemEntries.join(', ')}</p>` : null}
</footer>
</body>
</html>
`;
  return page.value;
}

function findingTexts(tr: Translator, report: Report, f: ReportFinding | undefined) {
  if (!f) return undefined;
  const known = tr.t(`findings/${f.id}/title`, { defaultValue: '' }) !== '';
  // Our own reports carry the args, so a report made in German can be shown in English.
  if (tr.lang !== report.input.lang && known && f.args) {
    const texts = tr.finding(f.id as FindingId, f.args);
    return { title: texts.title, detail: texts.detail, user: texts.user, admin: texts.admin };
  }
  return { title: f.title, detail: f.detail, user: splitSteps(f.userAction), admin: splitSteps(f.adminAction) };
}

function splitSteps(text: string): string[] {
  return text.split('\n').filter((s) => s.trim() !== '');
}

function renderFinding(tr: Translator, report: Report, f: ReportFinding, anchors: Map<string, string>): SafeHtml {
  const texts = findingTexts(tr, report, f)!;
  return html`<article class="finding severity-${f.severity}">
<h3><span class="badge sev-${f.severity}">${tr.t(`severity/${f.severity}`)}</span> ${texts.title}</h3>
<p class="where">${tr.t(`section/${f.section}`)} · <code>${f.id}</code></p>
${texts.detail ? html`<p>${texts.detail}</p>` : null}
${texts.user.length ? html`<h4>${tr.t('heading/userAction')}</h4><ol>${texts.user.map((s) => html`<li>${s}</li>`)}</ol>` : null}
${texts.admin.length ? html`<h4>${tr.t('heading/adminAction')}</h4><ul>${texts.admin.map((s) => html`<li>${s}</li>`)}</ul>` : null}
${f.evidence.length
    ? html`<p class="evidence">${tr.t('bundle/html/evidence')}: ${f.evidence.map((id, i) => {
        const anchor = anchors.get(id);
        return html`${i > 0 ? ', ' : ''}${anchor ? html`<a href="#${anchor}"><code>${id}</code></a>` : html`<code>${id}</code>`}`;
      })}</p>`
    : null}
</article>
`;
}

function renderProbe(tr: Translator, p: ReportProbe, anchor: string): SafeHtml {
  const t = (key: string, args?: Record<string, unknown>) => tr.t(`bundle/html/${key}`, args);
  return html`<details class="probe" id="${anchor}">
<summary><span class="badge probe-${p.status}">${t(`probeStatus/${p.status}`)}</span> <code>${p.id}</code> <span class="dur">${formatMs(p.durationMs, tr.lang)}</span> <span class="sum">${p.summary}</span></summary>
<dl class="facts">
<dt>${t('probeKind')}</dt><dd>${p.kind}</dd>
<dt>${t('probeTarget')}</dt><dd>${p.target}</dd>
<dt>${t('probeStarted')}</dt><dd>${formatDate(p.startedAt, tr.lang)}</dd>
<dt>${t('probeDuration')}</dt><dd>${formatMs(p.durationMs, tr.lang)}</dd>
${p.after?.length ? html`<dt>${t('probeAfter')}</dt><dd>${p.after.join(', ')}</dd>` : null}
</dl>
${p.data ? html`<pre>${JSON.stringify(p.data, null, 2)}</pre>` : html`<p class="hint">${t('noData')}</p>`}
</details>
`;
}

/** The Autodiscover walk as a table, candidate by candidate, the winner marked (nothing when the walk did not run). */
function renderWalk(tr: Translator, report: Report): SafeHtml | null {
  const data = autodiscoverOf(report);
  if (!data) return null;
  const view = autodiscoverWalkView(data, tr);
  const t = (key: string) => tr.t(`walk/${key}`);
  return html`<section aria-labelledby="walk-title">
<h2 id="walk-title">${view.title}</h2>
<p class="hint">${t('hint')}</p>
<table class="walk">
<thead><tr><th scope="col">${t('number')}</th><th scope="col">${t('candidate')}</th><th scope="col">${t('outcome')}</th><th scope="col">${t('decision')}</th></tr></thead>
<tbody>
${view.steps.map(
  (step) =>
    html`<tr class="walk-${step.decision}${step.winner ? ' winner' : ''}"><td>${step.number}</td><td>${step.method}${step.url ? html` <code class="line">${step.url}</code>` : null}</td><td>${step.steps.map((x) => html`<span class="line"><b>${x.label}</b> ${x.text}</span>`)}</td><td>${step.winner ? html`<b>${step.decisionText}</b>` : step.decisionText}</td></tr>\n`,
)}</tbody>
</table>
<p>${view.result}</p>
${view.credentialTest ? html`<p>${view.credentialTest}</p>` : null}
${view.protocols ? html`<p>${view.protocols}</p>` : null}
</section>
`;
}

function renderChecklist(tr: Translator, checklist: ChecklistAnswers): SafeHtml {
  const t = (key: string) => tr.t(`bundle/html/${key}`);
  const answers = Object.entries(checklist.answers);
  return html`<section aria-labelledby="checklist-title">
<h2 id="checklist-title">${t('checklist')}</h2>
${answers.length === 0
    ? html`<p>${t('checklistEmpty')}</p>`
    : html`<table class="checklist">
<thead><tr><th scope="col">${t('question')}</th><th scope="col">${t('section')}</th><th scope="col">${t('done')}</th><th scope="col">${t('answer')}</th><th scope="col">${t('note')}</th></tr></thead>
<tbody>
${answers.map(
  ([id, a]) =>
    html`<tr><td>${a.question ?? id}${a.question ? html` <code>${id}</code>` : null}</td><td>${a.section ? tr.t(`section/${a.section}`) : ''}</td><td>${a.done ? t('yes') : t('no')}</td><td>${a.choiceLabel ?? a.choice ?? ''}</td><td>${a.note ?? ''}</td></tr>\n`,
)}</tbody>
</table>`}
</section>
`;
}

function renderMonitor(tr: Translator, monitor: { lines: number; statistics?: MonitorStatistics }): SafeHtml {
  const t = (key: string, args?: Record<string, unknown>) => tr.t(`bundle/html/${key}`, args);
  return html`<section aria-labelledby="monitor-title">
<h2 id="monitor-title">${t('monitor')}</h2>
<p>${t('monitorLines', { lines: monitor.lines })}</p>
${monitor.statistics
    ? html`<dl class="facts">${Object.entries(monitor.statistics).map(
        ([key, value]) => html`<dt>${tr.t(`bundle/monitorStat/${key}`, { defaultValue: key })}</dt><dd>${value === null ? '–' : String(value)}</dd>\n`,
      )}</dl>`
    : null}
</section>
`;
}

function redactionSummary(tr: Translator, counts: RedactionCounts): string {
  const parts = REDACTION_KINDS.filter((k) => counts[k] > 0).map((k) => `${tr.t(`bundle/redaction/${k}`)}: ${counts[k]}`);
  return parts.length ? parts.join(', ') : tr.t('bundle/html/nothingRedacted');
}

function formatDate(iso: string, lang: Lang): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const local = new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'medium' }).format(at);
  return `${local} (${at.toISOString()})`;
}

function formatMs(ms: number, lang: Lang): string {
  const locale = lang === 'de' ? 'de-DE' : 'en-GB';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(ms / 1000)} s`;
}

/** Inline style: readable on screen, sober on paper, colours kept in print (the traffic light is the point). */
const STYLE = `
:root { color-scheme: light; --red: #c50f1f; --yellow: #f2b600; --green: #107c10; --grey: #616161; --line: #d1d1d1; }
* { box-sizing: border-box; }
body { font: 15px/1.5 "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif; color: #242424; margin: 0 auto; max-width: 60rem; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1.05rem; margin: 0 0 .25rem; }
h4 { font-size: .95rem; margin: .75rem 0 .25rem; }
code, pre { font-family: Consolas, "Cascadia Mono", "DejaVu Sans Mono", monospace; font-size: .85em; }
pre { background: #f5f5f5; border: 1px solid var(--line); padding: .75rem; overflow-x: auto; white-space: pre-wrap; word-break: break-all; }
.meta { color: var(--grey); margin: 0; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; }
.hint { color: var(--grey); font-size: .9rem; }
.verdict { display: flex; gap: 1.25rem; align-items: center; border: 2px solid var(--line); border-radius: 8px; padding: 1rem 1.25rem; margin-top: 1.25rem; }
.verdict h2 { border: 0; margin: 0; padding: 0; font-size: 1.4rem; }
.verdict p { margin: .25rem 0 0; }
.verdict-ok { border-color: var(--green); }
.verdict-warning { border-color: var(--yellow); }
.verdict-problem { border-color: var(--red); }
.light { display: flex; flex-direction: column; gap: 6px; background: #333; padding: 8px; border-radius: 10px; }
.lamp { width: 26px; height: 26px; border-radius: 50%; background: #555; display: block; }
.lamp.red.on { background: var(--red); } .lamp.yellow.on { background: var(--yellow); } .lamp.green.on { background: var(--green); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); }
thead th { font-size: .85rem; color: var(--grey); }
.badge { display: inline-block; border-radius: 4px; padding: 0 .4rem; font-size: .8rem; font-weight: 600; border: 1px solid currentColor; white-space: nowrap; }
.status-ok, .probe-ok { color: var(--green); }
.status-warning, .sev-warning { color: #8a6500; }
.status-problem, .sev-problem, .probe-fail, .probe-timeout { color: var(--red); }
.status-not-checked, .sev-info, .probe-skipped { color: var(--grey); }
.finding { border-left: 4px solid var(--line); padding: .5rem 0 .5rem 1rem; margin: 1rem 0; break-inside: avoid; }
.finding.severity-problem { border-color: var(--red); } .finding.severity-warning { border-color: var(--yellow); }
.where, .evidence { color: var(--grey); font-size: .85rem; margin: 0 0 .5rem; }
.probe { border-bottom: 1px solid var(--line); padding: .3rem 0; }
.probe summary { cursor: pointer; }
.probe .dur { color: var(--grey); font-size: .85rem; }
.walk td { font-size: .9rem; } .walk .line { display: block; overflow-wrap: anywhere; }
.walk tr.walk-skipped, .walk tr.walk-not-reached { color: var(--grey); }
.walk tr.winner { background: #e8f5e8; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0; }
.facts dt { color: var(--grey); } .facts dd { margin: 0; overflow-wrap: anywhere; }
footer { margin-top: 2.5rem; border-top: 1px solid var(--line); color: var(--grey); font-size: .85rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; }
  .probe summary { list-style: none; }
  a { color: inherit; text-decoration: none; }
}
`;
