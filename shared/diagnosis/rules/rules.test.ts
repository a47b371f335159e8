import { describe, expect, it } from 'vitest';
import { FINDING_CATALOG, FINDING_IDS, type FindingId } from '../../model/finding-catalog';
import { findingsDe, findingsEn } from '../../i18n/findings';
import { RULES } from '.';


describe('finding rules', () => {
  it('have unique ids that are all in the catalog', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(Object.hasOwn(FINDING_CATALOG, id)).toBe(true);
  });

  it.each(FINDING_IDS)('%s has a rule and complete German and English texts', (id) => {
    expect(RULES.some((r) => r.id === id)).toBe(true);
    for (const table of [findingsDe, findingsEn]) {
      const texts = table[id];
      expect(texts?.title.trim()).toBeTruthy();
      expect(texts?.detail.trim()).toBeTruthy();
      expect(texts?.user.length).toBeGreaterThan(0);
      expect(texts?.admin.length).toBeGreaterThan(0);
      for (const step of [...texts!.user, ...texts!.admin]) expect(step.trim()).toBeTruthy();
    }
  });

  it('depend only on other findings, without cycles', () => {
    const deps = new Map(RULES.map((r) => [r.id, r.dependsOn ?? []]));
    const visiting = new Set<FindingId>();
    const visit = (id: FindingId, path: FindingId[]) => {
      expect(path, `cycle ${[...path, id].join(' → ')}`).not.toContain(id);
      if (visiting.has(id)) return;
      visiting.add(id);
      for (const dep of deps.get(id) ?? []) visit(dep, [...path, id]);
    };
    for (const rule of RULES) {
      expect(rule.dependsOn ?? []).not.toContain(rule.id);
      for (const dep of rule.dependsOn ?? []) expect(Object.hasOwn(FINDING_CATALOG, dep)).toBe(true);
      visiting.clear();
      visit(rule.id, []);
    }
  });

  it('lists the rules in catalog order', () => {
    const order = Object.keys(FINDING_CATALOG);
    const positions = RULES.map((r) => order.indexOf(r.id));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });
});
