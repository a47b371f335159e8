import type { FindingTextTable } from '../finding-texts';
import * as auth from './auth';
import * as autodiscover from './autodiscover';
import * as captivePortal from './captive-portal';
import * as proxy from './proxy';
import * as server from './server';

/**
 * Finding texts, one module per checklist section (`<section-id>.ts`, each exporting
 * `{ de, en }`), merged here into one table per language.
 */
const SECTION_TEXTS: readonly { de: FindingTextTable; en: FindingTextTable }[] = [
  // Part B (issue 3): portal, proxy and TLS inspection, Autodiscover, sign-in, server.
  captivePortal,
  proxy,
  autodiscover,
  auth,
  server,
];

export const findingsDe: FindingTextTable = Object.assign({}, ...SECTION_TEXTS.map((s) => s.de)) as FindingTextTable;
export const findingsEn: FindingTextTable = Object.assign({}, ...SECTION_TEXTS.map((s) => s.en)) as FindingTextTable;
