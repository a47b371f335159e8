import type { FindingTextTable } from '../finding-texts';

/**
 * Finding texts, one module per checklist section (`<section-id>.ts`, each exporting
 * `{ de, en }`), merged here into one table per language.
 */
const SECTION_TEXTS: readonly { de: FindingTextTable; en: FindingTextTable }[] = [];

export const findingsDe: FindingTextTable = Object.assign({}, ...SECTION_TEXTS.map((s) => s.de)) as FindingTextTable;
export const findingsEn: FindingTextTable = Object.assign({}, ...SECTION_TEXTS.map((s) => s.en)) as FindingTextTable;
