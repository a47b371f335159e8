import type { FindingId } from '../model/finding-catalog';
import { selectedNotes, type FindingTextTable, type FindingTexts } from './finding-texts';

/** `{{name}}` or `{{name, format}}`: the placeholder names in a text. */
export function placeholdersOf(text: string): { name: string; format?: string }[] {
  return [...text.matchAll(/\{\{\s*([\w.-]+)\s*(?:,\s*([^}]+?)\s*)?\}\}/g)].map((m) => ({ name: m[1]!, ...(m[2] ? { format: m[2] } : {}) }));
}

/**
 * Every text of a finding entry that the given args would show (notes only as selected; the
 * `lowered` key falls back to the entry's single `lowered` sentence, as the translator does).
 */
function shownTexts(texts: FindingTexts, notes: readonly string[], lowered: string | undefined): string[] {
  return [texts.title, texts.detail, ...texts.user, ...texts.admin, ...notes.map((k) => texts.notes?.[k] ?? (k === lowered ? (texts.lowered ?? '') : ''))];
}

/**
 * What would go wrong showing a finding with these args: missing texts, notes the args select
 * that do not exist, placeholders no arg fills, date placeholders whose arg is not a number.
 *
 * An empty list means every text renders completely. Used by the rule tests on each fixture.
 */
export function findingTextProblems(table: FindingTextTable, id: FindingId, args: Record<string, string | number>): string[] {
  const texts = table[id];
  if (!texts) return [`${id}: no texts`];
  const problems: string[] = [];
  if (!texts.title || !texts.detail || texts.user.length === 0 || texts.admin.length === 0) problems.push(`${id}: empty title, detail, user or admin`);
  const notes = selectedNotes(args);
  const lowered = typeof args.lowered === 'string' ? args.lowered : undefined;
  for (const key of notes) {
    if (!texts.notes?.[key] && !(key === lowered && texts.lowered)) problems.push(`${id}: note "${key}" selected by the args does not exist`);
  }
  for (const text of shownTexts(texts, notes, lowered)) {
    for (const { name, format } of placeholdersOf(text)) {
      if (!(name in args)) problems.push(`${id}: {{${name}}} has no arg (in "${text.slice(0, 60)}…")`);
      else if (format === 'datetime' && typeof args[name] !== 'number') problems.push(`${id}: {{${name}, datetime}} needs epoch ms`);
      else if (format === 'number' && typeof args[name] !== 'number') problems.push(`${id}: {{${name}, number}} needs a number`);
    }
  }
  return [...new Set(problems)];
}
