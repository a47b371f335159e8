import { describe, expect, it } from 'vitest';
import { sampleReport } from '../../e2e/fixtures/bundle-fixture';
import { diagnose } from '../diagnosis/diagnose';
import { RULES } from '../diagnosis/rules';
import { FIXTURE_NOW, healthyRun, makeEvidence } from '../diagnosis/testing/evidence-builders';
import { translator, type Lang } from '../i18n';
import { SECTION_IDS } from '../model/sections';
import { buildReport } from './build-report';
import type { Report } from './report-schema';
import { textSummary } from './text-summary';

/**
 * The readable summary the command line prints (and the app copies into a helpdesk ticket): the
 * verdict, each finding with title, explanation, "Was Sie tun können" and "Für den IT-Support",
 * the section table and the duration, in German and English.
 */

/** One of two addresses refuses connections: lb.dead-address (problem) beside the info on sign-in methods. */
function deadAddressReport(lang: Lang): Report {
  const evidence = makeEvidence(healthyRun({ addresses: ['192.0.2.10', '192.0.2.11'], tcp: { '192.0.2.11': 'refused' } }));
  return buildReport(evidence, diagnose(evidence, RULES), { tool: { version: '1.2.3' }, finishedAt: new Date(FIXTURE_NOW).toISOString(), lang });
}

const healthyReport = (lang: Lang): Report => {
  const evidence = makeEvidence(healthyRun());
  return buildReport(evidence, diagnose(evidence, RULES), { tool: { version: '1.2.3' }, finishedAt: new Date(FIXTURE_NOW + 1_234).toISOString(), lang });
};

/** The lines of the section table: from the heading to the blank line after it. */
function sectionTable(text: string, heading: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(`${heading}:`);
  expect(start, `no "${heading}:" in\n${text}`).toBeGreaterThan(0);
  const end = lines.indexOf('', start);
  return lines.slice(start + 1, end);
}

describe('textSummary', () => {
  it('German: verdict, target, each finding with its explanation and both action parts, sections, duration', () => {
    const report = deadAddressReport('de');
    expect(report.findings.map((f) => f.id)).toEqual(['lb.dead-address', 'auth.methods']);
    const text = textSummary(report, { lang: 'de' });
    const lines = text.split('\n');
    expect(lines.slice(0, 4)).toEqual(['Ergebnis der Prüfung: Problem gefunden', 'Server: mail.contoso.com', 'Postfach: anna.schmidt@contoso.com', '']);

    const [dead, methods] = report.findings;
    const at = lines.indexOf(`[!!] Problem: ${dead!.title}`);
    expect(at, text).toBe(4);
    // The explanation follows, wrapped and indented; the report's detail is all there, word for word.
    const block = lines.slice(at + 1, lines.indexOf('     Was Sie tun können:', at));
    expect(block.every((l) => l.startsWith('     ') && l.length <= 5 + 76)).toBe(true);
    expect(block.map((l) => l.trim()).join(' ')).toBe(dead!.detail.replace(/\s+/g, ' '));
    // Steps numbered for the user, bullets for IT support, each step of the report complete.
    const userAt = lines.indexOf('     Was Sie tun können:', at);
    const adminAt = lines.indexOf('     Für den IT-Support:', at);
    expect(adminAt).toBeGreaterThan(userAt);
    expect(steps(lines.slice(userAt + 1, adminAt), /^ {7}(\d+)\. /, 10)).toEqual(dead!.userAction.split('\n').map((step, i) => `${i + 1}|${oneLine(step)}`));
    expect(steps(lines.slice(adminAt + 1, lines.indexOf('', adminAt)), /^ {7}(-) /, 9)).toEqual(dead!.adminAction.split('\n').map((step) => `-|${oneLine(step)}`));
    expect(lines).toContain(`[i ] Hinweis: ${methods!.title}`);

    const table = sectionTable(text, 'Bereiche');
    expect(table).toHaveLength(SECTION_IDS.length);
    expect(table[0]).toMatch(/^ {2}Physikalisches Netzwerk\.{3,} in Ordnung$/);
    expect(table.find((l) => l.startsWith('  Loadbalancer und DNS-Auflösung.'))).toMatch(/\.\. Problem$/);
    expect(table.find((l) => l.startsWith('  Interne Firewalls'))).toMatch(/\.\. nicht geprüft$/);
    // One column: every status starts at the same place.
    expect(new Set(table.map((l) => l.search(/\.\s\S/)))).toHaveLength(1);
    // The duration, then the build that wrote the report.
    expect(lines.at(-2)).toBe('Dauer: 5,0 s');
    expect(lines.at(-1)).toBe('Outlook-Doktor 1.2.3');
  });

  it('English: the same report re-rendered from its args, with the English headings', () => {
    const report = deadAddressReport('de');
    const text = textSummary(report, { lang: 'en' });
    const en = translator('en').finding('lb.dead-address', report.findings[0]!.args ?? {});
    expect(text.split('\n')[0]).toBe('Result of the check: Problem found');
    expect(text).toContain(`[!!] Problem: ${en.title}`);
    expect(text).not.toContain(report.findings[0]!.title);
    expect(text).toContain('     What you can do:');
    expect(text).toContain('     For IT support:');
    expect(text).toContain('[i ] Note: ');
    expect(text).toContain('Mailbox: anna.schmidt@contoso.com');
    const table = sectionTable(text, 'Sections');
    expect(table[0]).toMatch(/^ {2}Physical network\.{3,} OK$/);
    expect(table.find((l) => l.startsWith('  Load balancer and DNS resolution.'))).toMatch(/\.\. problem$/);
    expect(table.find((l) => l.startsWith('  Internal firewalls'))).toMatch(/\.\. not checked$/);
    expect(text.split('\n').at(-2)).toBe('Duration: 5.0 s');
    // An English report in English: its own texts.
    const enReport = deadAddressReport('en');
    expect(textSummary(enReport, { lang: 'en' })).toContain(`[!!] Problem: ${enReport.findings[0]!.title}`);
  });

  it('leaves out what the options say: IT support part, info findings, the section table', () => {
    const report = deadAddressReport('de');
    const text = textSummary(report, { lang: 'de', admin: false, info: false, sections: false });
    expect(text).toContain('Was Sie tun können:');
    expect(text).not.toContain('Für den IT-Support:');
    expect(text).not.toContain('[i ]');
    expect(text).not.toContain('Bereiche:');
  });

  it('a healthy run: the verdict, "nothing unusual" without info findings, and the duration with a decimal comma', () => {
    const de = textSummary(healthyReport('de'), { lang: 'de', info: false });
    expect(de.split('\n')[0]).toBe('Ergebnis der Prüfung: Keine Probleme gefunden');
    expect(de).toContain('Keine Auffälligkeiten: Der Weg zu Exchange sieht gesund aus.');
    expect(de.split('\n').at(-2)).toBe('Dauer: 6,2 s');
    const en = textSummary(healthyReport('de'), { lang: 'en', info: false });
    expect(en).toContain('Nothing unusual: the path to Exchange looks healthy.');
    expect(en.split('\n').at(-2)).toBe('Duration: 6.2 s');
  });
});

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Steps as printed: a line matching `start` (number or bullet) begins one, lines indented by
 * `indent` continue it. Returns `mark|text` per step, the text unwrapped.
 */
function steps(lines: readonly string[], start: RegExp, indent: number): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const m = start.exec(line);
    if (m) out.push(`${m[1]}|${line.slice(m[0].length)}`);
    else if (line.startsWith(' '.repeat(indent)) && out.length) out[out.length - 1] += ` ${line.trim()}`;
    else throw new Error(`not part of a step: "${line}"`);
  }
  return out.map((step) => oneLine(step));
}

describe('textSummary: the build line', () => {
  it('ends with the build that wrote the report, naming only the parts the report has', () => {
    const report = sampleReport();
    const full = { ...report, tool: { name: 'outlook-doktor' as const, version: '1.2.3', commit: '0123456789ab', buildDate: '2026-03-01T10:00:00.000Z' } };
    expect(textSummary(full, { lang: 'de' }).split('\n').at(-1)).toBe('Outlook-Doktor 1.2.3 (0123456789ab, 2026-03-01T10:00:00.000Z)');
    expect(textSummary({ ...full, tool: { name: 'outlook-doktor', version: '1.2.3', buildDate: '2026-03-01T10:00:00.000Z' } }, { lang: 'en' }).split('\n').at(-1)).toBe(
      'Outlook-Doktor 1.2.3 (2026-03-01T10:00:00.000Z)',
    );
    // An older report carries only the version.
    expect(textSummary({ ...full, tool: { name: 'outlook-doktor', version: '1.2.3' } }, { lang: 'en' }).split('\n').at(-1)).toBe('Outlook-Doktor 1.2.3');
  });
});
