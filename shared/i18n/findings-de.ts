import type { FindingTextTable } from './finding-texts';

/** German finding texts, one entry per catalog id. */
export const findingsDe: FindingTextTable = {};
