import { describe, expect, it } from 'vitest';
import type { FindingId } from '../../model/finding-catalog';
import { placeholdersOf } from '../finding-text-check';
import type { FindingTexts } from '../finding-texts';
import { findingsDe, findingsEn } from '.';

const names = (text: string) => placeholdersOf(text).map((p) => p.name).sort();
const parts = (t: FindingTexts): [string, string][] => [
  ['title', t.title],
  ['detail', t.detail],
  ...t.user.map((s, i): [string, string] => [`user ${i + 1}`, s]),
  ...t.admin.map((s, i): [string, string] => [`admin ${i + 1}`, s]),
  ...Object.entries(t.notes ?? {}).map(([k, s]): [string, string] => [`note ${k}`, s]),
];

describe('finding texts', () => {
  it('exist in German and English for the same ids', () => {
    expect(Object.keys(findingsEn).sort()).toEqual(Object.keys(findingsDe).sort());
  });

  it.each(Object.keys(findingsDe) as FindingId[])('%s: English mirrors German part by part (steps, notes, placeholders)', (id) => {
    const de = findingsDe[id]!;
    const en = findingsEn[id]!;
    expect(en.user.length).toBe(de.user.length);
    expect(en.admin.length).toBe(de.admin.length);
    expect(Object.keys(en.notes ?? {}).sort()).toEqual(Object.keys(de.notes ?? {}).sort());
    const enParts = new Map(parts(en));
    for (const [part, text] of parts(de)) expect(names(enParts.get(part) ?? ''), `${id} ${part}`).toEqual(names(text));
  });

  it.each(Object.keys(findingsDe) as FindingId[])('%s: placeholders are balanced, titles have none, no trailing blanks', (id) => {
    for (const table of [findingsDe, findingsEn]) {
      const texts = table[id]!;
      for (const [, text] of parts(texts)) {
        expect(text.split('{{').length).toBe(text.split('}}').length);
        expect(text).not.toMatch(/\s$/);
      }
      expect(texts.title).not.toMatch(/\{\{/);
    }
  });
});
