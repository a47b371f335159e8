import { describe, expect, it } from 'vitest';
import { findingsDe, findingsEn } from '../../i18n/findings';
import type { FindingTexts } from '../../i18n/finding-texts';
import { translator } from '../../i18n';
import { FINDING_CATALOG, isFindingId } from '../../model/finding-catalog';
import { SEVERITY_RANK } from '../../model/severity';
import { PART_B_IDS, RAISING } from '../testing/rules-b-scenarios';
import { RULES } from './index';

const LANGS = { de: findingsDe, en: findingsEn } as const;

/** Every `{{name}}` in a text. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)].map((m) => m[1]!);
}

function textsOf(texts: FindingTexts, withLowered: boolean): string[] {
  return [texts.title, texts.detail, ...texts.user, ...texts.admin, ...(withLowered && texts.lowered ? [texts.lowered] : [])];
}

describe('part B: rules and texts for every id', () => {
  it('rule ids are unique', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(PART_B_IDS)('%s has a rule with valid dependsOn', (id) => {
    const rules = RULES.filter((r) => r.id === id);
    expect(rules).toHaveLength(1);
    for (const dep of rules[0]!.dependsOn ?? []) {
      expect(isFindingId(dep), dep).toBe(true);
      expect(dep).not.toBe(id);
    }
  });

  it('dependsOn has no cycles among these rules (a cycle would drop both findings)', () => {
    const deps = new Map(RULES.map((r) => [r.id as string, (r.dependsOn ?? []) as readonly string[]]));
    const visiting = new Set<string>();
    const done = new Set<string>();
    const visit = (id: string, path: string[]) => {
      if (done.has(id)) return;
      if (visiting.has(id)) throw new Error(`dependsOn cycle: ${[...path, id].join(' → ')}`);
      visiting.add(id);
      for (const dep of deps.get(id) ?? []) visit(dep, [...path, id]);
      visiting.delete(id);
      done.add(id);
    };
    for (const id of deps.keys()) visit(id, []);
  });

  it.each(PART_B_IDS)('%s has German and English title, detail, user and admin texts', (id) => {
    for (const table of Object.values(LANGS)) {
      const texts = table[id];
      expect(texts, id).toBeDefined();
      expect(texts!.title.trim()).not.toBe('');
      expect(texts!.detail.trim()).not.toBe('');
      expect(texts!.user.length).toBeGreaterThan(0);
      expect(texts!.admin.length).toBeGreaterThan(0);
      for (const step of [...texts!.user, ...texts!.admin]) expect(step.trim()).not.toBe('');
    }
  });

  it.each(PART_B_IDS)('%s uses the same placeholders in German and English', (id) => {
    const de = findingsDe[id]!;
    const en = findingsEn[id]!;
    expect(new Set(placeholders(textsOf(en, true).join(' ')))).toEqual(new Set(placeholders(textsOf(de, true).join(' '))));
    expect(en.lowered === undefined).toBe(de.lowered === undefined);
  });

  it.each(PART_B_IDS)('%s: every raising fixture fills every placeholder and gets its severity', (id) => {
    const rule = RULES.find((r) => r.id === id)!;
    const scenarios = RAISING[id];
    expect(scenarios.length).toBeGreaterThan(0);
    for (const { name, evidence, severity } of scenarios) {
      const hit = rule.evaluate(evidence);
      expect(hit, name).not.toBeNull();
      const args = hit!.args ?? {};
      expect(hit!.severity ?? FINDING_CATALOG[id].severity, name).toBe(severity ?? FINDING_CATALOG[id].severity);
      if (hit!.severity) {
        expect(SEVERITY_RANK[hit!.severity], `${name}: only lower than the catalog`).toBeGreaterThan(SEVERITY_RANK[FINDING_CATALOG[id].severity]);
        expect(args.lowered, `${name}: a lowered severity must say why`).toBeDefined();
      }
      for (const [lang, table] of Object.entries(LANGS)) {
        const missing = placeholders(textsOf(table[id]!, args.lowered !== undefined).join(' ')).filter((p) => !(p in args));
        expect(missing, `${lang} ${name}`).toEqual([]);
      }
    }
  });

  it.each(PART_B_IDS)('%s has a lowered sentence exactly when a fixture lowers it', (id) => {
    const lowers = RAISING[id].some((s) => s.severity !== undefined);
    expect(findingsDe[id]!.lowered !== undefined, id).toBe(lowers);
  });

  it.each(PART_B_IDS)('%s renders without leftover placeholders', (id) => {
    const rule = RULES.find((r) => r.id === id)!;
    for (const lang of ['de', 'en'] as const) {
      for (const { evidence } of RAISING[id]) {
        const args = rule.evaluate(evidence)!.args ?? {};
        const texts = translator(lang).finding(id, args);
        const all = [texts.title, texts.detail, ...texts.user, ...texts.admin].join('\n');
        expect(all).not.toMatch(/\{\{|\}\}/);
        expect(texts.title).not.toBe(id);
        if (args.lowered !== undefined) {
          const { lowered: _lowered, ...plain } = args;
          expect(texts.detail.startsWith(translator(lang).finding(id, plain).detail)).toBe(true);
          expect(texts.detail.length).toBeGreaterThan(translator(lang).finding(id, plain).detail.length);
        }
      }
    }
  });

  it('a lowered finding\'s detail carries the reason after the explanation', () => {
    const evidence = RAISING['server.backend-error'].find((s) => s.severity)!.evidence;
    const args = RULES.find((r) => r.id === 'server.backend-error')!.evaluate(evidence)!.args!;
    const de = translator('de').finding('server.backend-error', args).detail;
    expect(de).toContain('Back-End-Website');
    expect(de).toContain('Deshalb nur eine Warnung.');
    const plain = translator('de').finding('server.backend-error', { host: 'h', endpoints: 'e' }).detail;
    expect(plain).not.toContain('Deshalb nur eine Warnung.');
  });
});
