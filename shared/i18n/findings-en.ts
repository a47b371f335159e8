import type { FindingTextTable } from './finding-texts';

/** English finding texts, one entry per catalog id. */
export const findingsEn: FindingTextTable = {};
