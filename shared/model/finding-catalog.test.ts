import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FINDING_CATALOG } from './finding-catalog';
import { SECTION_IDS } from './sections';

/**
 * The catalog must be exactly the contract of `../shared/spec/findings.md`. The repo keeps a
 * snapshot of that file (`e2e/fixtures/spec/findings.md`) so the test runs on any clone; where
 * the contract folder lies beside the repo, the snapshot must equal it.
 */
const snapshotPath = fileURLToPath(new URL('../../e2e/fixtures/spec/findings.md', import.meta.url));
const contractPath = fileURLToPath(new URL('../../../shared/spec/findings.md', import.meta.url));
const spec = readFileSync(snapshotPath, 'utf8');

function tableRows(heading: string): string[][] {
  const part = spec.slice(spec.indexOf(heading));
  const rows: string[][] = [];
  for (const line of part.split('\n').slice(1)) {
    if (rows.length > 0 && !line.startsWith('|')) break;
    if (!line.startsWith('|') || line.startsWith('| ---') || /^\| (id|section id) \|/.test(line)) continue;
    rows.push(line.split('|').slice(1, -1).map((c) => c.trim().replace(/^`|`$/g, '')));
  }
  return rows;
}

describe('finding catalog', () => {
  it('has the sections of the spec in its order', () => {
    expect(tableRows('## Checklist sections').map((r) => r[0])).toEqual([...SECTION_IDS]);
  });

  it('has every finding of the spec with its section and severity, and nothing else', () => {
    const rows = tableRows('## Findings');
    expect(rows.length).toBe(Object.keys(FINDING_CATALOG).length);
    expect(Object.fromEntries(rows.map(([id, section, severity]) => [id, { section, severity }]))).toEqual(FINDING_CATALOG);
  });

  it('keeps the snapshot equal to the contract beside the repo', (context) => {
    if (!existsSync(contractPath)) {
      console.info(`skipped: ${contractPath} is not beside this checkout; the snapshot stands in for it`);
      context.skip();
      return;
    }
    expect(readFileSync(contractPath, 'utf8')).toBe(spec);
  });
});
